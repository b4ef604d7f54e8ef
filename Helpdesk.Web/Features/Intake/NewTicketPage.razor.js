// Keys for a form filled in while someone waits on the line. Inside a [data-submit-scope=X] part:
// Ctrl+Enter (⌘+Enter) clicks its [data-submit=X] button; so does Enter in a one-line field when the
// part has [data-enter-submits]; Escape clicks [data-cancel=X] when it has [data-escape-cancels].
const handlers = new WeakMap();

function onKeyDown(e) {
    if (e.isComposing || e.defaultPrevented) return;
    const scope = e.target.closest?.("[data-submit-scope]");
    if (!scope) return;
    const name = scope.dataset.submitScope;
    const ctrlEnter = e.key === "Enter" && (e.ctrlKey || e.metaKey);
    const plainEnter = e.key === "Enter" && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey
        && scope.hasAttribute("data-enter-submits") && e.target.tagName === "INPUT";
    let button = null;
    if (ctrlEnter || plainEnter) button = scope.querySelector(`[data-submit="${name}"]`);
    else if (e.key === "Escape" && scope.hasAttribute("data-escape-cancels")) button = scope.querySelector(`[data-cancel="${name}"]`);
    if (!button || button.disabled) return;
    e.preventDefault();
    e.stopPropagation();
    // Leaving the field sends its last edit (a "change") to the server before the click does.
    e.target.blur?.();
    button.click();
}

export function attach(root) {
    if (!root || handlers.has(root)) return;
    root.addEventListener("keydown", onKeyDown);
    handlers.set(root, onKeyDown);
}

export function detach(root) {
    if (!root || !handlers.has(root)) return;
    root.removeEventListener("keydown", handlers.get(root));
    handlers.delete(root);
}

// After a refused submit: put the caret in the first field that has an error.
export function focusFirstError(root) {
    const group = root?.querySelector(".mud-input-error, .hd-group-error");
    const target = group?.querySelector("input:not([type=hidden]):not([readonly]), textarea, [tabindex]:not([tabindex='-1'])")
        ?? group?.querySelector("input:not([type=hidden])");
    target?.focus();
}
