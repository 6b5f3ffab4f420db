// The project part of the in-page probe (after probe.js): every "]"
// keydown starts a move, which ends when the page shows the expected task
// position with that task's article (data-doc-id and every sentence) and
// data-ready; "frame" is the next animation frame, "after" the end of its
// main-thread work.
(() => {
  "use strict";
  const P = window.__bench;
  P.moves = [];
  P.expectMove = null;
  addEventListener("keydown", (e) => {
    if (e.key !== "]") return;
    P.moves.push({ ts: e.timeStamp, expect: P.expectMove, painted: null, frame: null, after: null });
  }, true);
  const check = () => {
    const m = P.moves[P.moves.length - 1];
    if (!m || m.painted !== null || !m.expect) return;
    const pos = document.getElementById("task-position");
    const a = document.getElementById("document");
    if (!pos || !a || !pos.textContent.startsWith(m.expect.position + " ")) return;
    if (a.getAttribute("data-ready") !== "true" || a.getAttribute("data-doc-id") !== m.expect.docID) return;
    if (a.querySelectorAll("[data-sid]").length !== m.expect.count) return;
    m.painted = performance.now();
    requestAnimationFrame(() => {
      m.frame = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { m.after = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
