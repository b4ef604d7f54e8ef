// Small browser helpers for Helpdesk's Blazor pages.
window.helpdesk = {
    // Marks the page once the interactive circuit has rendered, so tests (and scripts) wait for a live page.
    markInteractive: () => { document.body.dataset.interactive = "true"; },

    // Tells .NET (at most once a second) that the person is pointing, pressing or typing inside an
    // element, so live changes do not move rows under them. Returns a handle with dispose().
    trackActivity: (element, dotnet) => {
        let last = 0;
        const report = () => {
            const now = Date.now();
            if (now - last < 1000) return;
            last = now;
            dotnet.invokeMethodAsync("OnActivity").catch(() => { });
        };
        const events = ["pointermove", "pointerdown", "keydown", "wheel"];
        events.forEach(e => element.addEventListener(e, report, { passive: true }));
        return { dispose: () => events.forEach(e => element.removeEventListener(e, report)) };
    }
};
