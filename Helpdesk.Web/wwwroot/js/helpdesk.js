// Marks the page once the interactive circuit has rendered, so tests (and scripts) wait for a live page.
window.helpdesk = {
    markInteractive: () => { document.body.dataset.interactive = "true"; }
};
