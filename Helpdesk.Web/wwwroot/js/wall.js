// The wall display runs unattended: it starts Blazor itself so that a lost connection is retried for
// ever (never a dialog waiting for a click), shows since when its figures are stale, reloads itself
// when the server no longer knows its circuit (a restart), ticks ages and countdowns every second
// without asking the server, and nudges the layout now and then against burn-in.
(() => {
    const root = document.documentElement;
    root.classList.add("wall-page");

    // Durations as WallTime.Format writes them (keep the two in step).
    const pad = n => String(n).padStart(2, "0");
    const format = ms => {
        const s = Math.floor(Math.abs(ms) / 1000);
        const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
        if (d > 0) return `${d}d ${h}h`;
        if (h > 0) return `${h}:${pad(m)}:${pad(sec)}`;
        return `${m}:${pad(sec)}`;
    };
    const clock = date => date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

    // The server's clock decides (a TV's own clock may be off): each render stamps data-server-now.
    let skew = 0, lastStamp = null;
    const now = () => Date.now() + skew;

    // Blazor keeps a reference to each text node it wrote: change its value, never replace the node.
    const setText = (el, text) => {
        if (el.firstChild && el.firstChild.nodeType === Node.TEXT_NODE) {
            if (el.firstChild.nodeValue !== text) el.firstChild.nodeValue = text;
        } else el.textContent = text;
    };

    const tick = () => {
        const wall = document.querySelector(".wall[data-server-now]");
        if (wall && wall.dataset.serverNow !== lastStamp) {
            lastStamp = wall.dataset.serverNow;
            skew = Date.parse(lastStamp) - Date.now();
        }
        const t = now();
        document.querySelectorAll(".wall-clock").forEach(el => setText(el, new Date(t).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })));
        document.querySelectorAll("[data-since]").forEach(el => setText(el, format(t - Date.parse(el.dataset.since))));
        document.querySelectorAll("[data-due]").forEach(el => {
            const left = Date.parse(el.dataset.due) - t;
            setText(el, (left >= 0 ? el.dataset.left : el.dataset.over).replace("{0}", format(left)));
        });
    };
    setInterval(tick, 1000);
    document.addEventListener("DOMContentLoaded", tick);

    // Burn-in: a few pixels elsewhere every three minutes.
    const shifts = [[0, 0], [3, 2], [-2, 3], [2, -3], [-3, -2], [1, 3]];
    let shift = 0;
    setInterval(() => {
        shift = (shift + 1) % shifts.length;
        root.style.setProperty("--wall-dx", shifts[shift][0] + "px");
        root.style.setProperty("--wall-dy", shifts[shift][1] + "px");
    }, 3 * 60 * 1000);

    // Reload only once the server answers, so the screen never ends on the browser's error page.
    let reloading = false;
    const reloadWhenServerAnswers = async () => {
        if (reloading) return;
        reloading = true;
        for (;;) {
            try {
                const response = await fetch(location.href, { cache: "no-store" });
                if (response.status < 500) { location.reload(); return; }
            } catch { /* still down */ }
            await new Promise(r => setTimeout(r, 3000));
        }
    };

    const badge = document.getElementById("components-reconnect-modal");
    badge.addEventListener("components-reconnect-state-changed", async e => {
        switch (e.detail.state) {
            case "show":
                if (!root.classList.contains("wall-stale")) {
                    badge.textContent = badge.dataset.asOf.replace("{0}", clock(new Date(now())));
                    root.classList.add("wall-stale");
                }
                break;
            case "hide":
                root.classList.remove("wall-stale");
                break;
            case "paused":
                try { if (await Blazor.resumeCircuit()) break; } catch { /* fall through */ }
                reloadWhenServerAnswers();
                break;
            case "rejected":     // the server is back but has forgotten this circuit (it restarted)
            case "failed":
            case "resume-failed":
                reloadWhenServerAnswers();
                break;
        }
    });

    // An unhandled error ends the circuit: start afresh rather than show a frozen screen.
    const errorUi = document.getElementById("blazor-error-ui");
    if (errorUi) new MutationObserver(() => {
        if (errorUi.style.display === "block") setTimeout(reloadWhenServerAnswers, 5000);
    }).observe(errorUi, { attributes: true, attributeFilter: ["style"] });

    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: Number.MAX_SAFE_INTEGER,
                // Quickly at first (a blip), then every 3 s for as long as it takes.
                retryIntervalMilliseconds: attempt => attempt < 5 ? 1000 : 3000,
            },
        },
    });
})();
