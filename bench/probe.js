// The in-page probe of "make bench". The harness installs it with
// Page.addScriptToEvaluateOnNewDocument, after a line that sets
// window.__benchCfg = {docID, count}. Every time in it is performance.now(),
// milliseconds since navigation start; nothing is timed from Go.
(() => {
  "use strict";
  const cfg = window.__benchCfg || {};
  const P = (window.__bench = {
    ready: null,      // every sentence in the DOM and the page interactive
    readyCount: 0,    // [data-sid] elements at that moment
    tags: [],         // one record per digit keydown
    saves: [],        // every localStorage.setItem call
    instances: [],    // WebAssembly instances, for their memory
    expect: null,     // {sid, label} of the tag in progress, set by the harness
    clicks: [],       // one record per clickThenKey
    longtasks: [],    // every long task (≥ 50 ms) on the UI thread: {start, dur}
  });

  // Long tasks from the start of the page (the observer is installed before
  // any page script; buffered picks up what came before it).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) P.longtasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { /* no longtask timing: the row stays empty */ }

  // Ready: article#document[data-ready=true], the expected document id (the
  // server prerenders the bundled article, and a ?src document replaces it
  // after start) and the expected number of sentences.
  const checkReady = (now) => {
    const a = document.getElementById("document");
    if (!a || a.getAttribute("data-ready") !== "true") return;
    if (cfg.docID && a.getAttribute("data-doc-id") !== cfg.docID) return;
    const n = a.querySelectorAll("[data-sid]").length;
    if (cfg.count && n !== cfg.count) return;
    // a document opened with its highlights is ready once they are shown
    if (cfg.labeled && a.querySelectorAll("#sentences [data-label]").length < cfg.labeled) return;
    P.ready = now;
    P.readyCount = n;
  };

  // A tag starts with the keydown (capture phase on window, before any page
  // handler; its timeStamp is when the input event was created) ...
  addEventListener("keydown", (e) => {
    if (!/^[0-9]$/.test(e.key)) return;
    const c = P.pendingClick;
    P.pendingClick = null;
    P.tags.push({
      key: e.key, ts: e.timeStamp, start: performance.now(),
      click: c ? c.t0 : null, selected: c ? c.selected : null,
      expect: P.expect, label: null, frame: null, after: null,
    });
  }, true);

  // ... and ends when the observer sees data-label on the expected sentence
  // (the microtask checkpoint after the page's handler returned); "frame" is
  // the next animation frame after that, "after" the end of that frame's
  // main-thread work (a message posted from the rAF callback).
  const onMutations = (records) => {
    const now = performance.now();
    if (P.ready === null) checkReady(now);
    const cur = P.tags[P.tags.length - 1];
    if (!cur || cur.label !== null || !cur.expect) return;
    for (const r of records) {
      if (r.type !== "attributes" || r.attributeName !== "data-label") continue;
      const el = r.target;
      if (el.getAttribute("data-sid") !== cur.expect.sid) continue;
      if (el.getAttribute("data-label") !== cur.expect.label) continue;
      cur.label = now;
      requestAnimationFrame(() => {
        cur.frame = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { cur.after = performance.now(); };
        ch.port2.postMessage(0);
      });
      return;
    }
  };
  new MutationObserver(onMutations).observe(document, {
    subtree: true, childList: true, attributes: true,
  });

  // Saves: time every localStorage.setItem call.
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const t0 = performance.now();
    try {
      return setItem.call(this, k, v);
    } finally {
      P.saves.push({ key: String(k), len: String(v).length, t0, t1: performance.now() });
    }
  };

  // WebAssembly instances, whichever loader creates them.
  const keep = (r) => {
    const inst = r && (r.instance || r);
    if (inst && inst.exports) P.instances.push(inst);
    return r;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const f = WebAssembly[name];
    if (f) WebAssembly[name] = function (...args) { return f.apply(this, args).then(keep); };
  }
  // After ready (so it costs the load nothing) the harness calls this to
  // time the moment the page writes data-label on the expected sentence,
  // inside its handler; "label" above is when the handler has returned.
  P.hookSetAttribute = () => {
    const sa = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
      const r = sa.call(this, name, value);
      const cur = P.tags[P.tags.length - 1];
      if (name === "data-label" && cur && cur.written === undefined && cur.expect &&
          String(value) === cur.expect.label && this.getAttribute("data-sid") === cur.expect.sid) {
        cur.written = performance.now();
      }
      return r;
    };
  };
  // clickThenKey is one tag as the issue times it: a synthetic click on the
  // sentence (mousedown, mouseup, click at its centre), and as soon as it is
  // selected (aria-selected="true", seen by a MutationObserver) a synthetic
  // keydown of key on the focused element. The tag record of that keydown
  // carries the click's time, so both "from click" and "from key" come out.
  P.clickThenKey = (sid, key, label) => {
    const el = document.querySelector('#sentences [data-sid="' + sid + '"]');
    if (!el) return false;
    P.expect = { sid, label };
    const c = { sid, t0: 0, selected: null };
    P.clicks.push(c);
    const send = () => {
      c.selected = performance.now();
      P.pendingClick = c;
      const t = document.activeElement || document.body;
      t.dispatchEvent(new KeyboardEvent("keydown", { key, code: "Digit" + key, bubbles: true, cancelable: true }));
    };
    const mo = new MutationObserver(() => {
      if (c.selected === null && el.getAttribute("aria-selected") === "true") {
        mo.disconnect();
        send();
      }
    });
    mo.observe(el, { attributes: true, attributeFilter: ["aria-selected"] });
    const r = el.getClientRects()[0] || el.getBoundingClientRect();
    const opts = { bubbles: true, cancelable: true, composed: true, view: window, button: 0, detail: 1,
      clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
    c.t0 = performance.now();
    el.dispatchEvent(new MouseEvent("mousedown", opts));
    el.dispatchEvent(new MouseEvent("mouseup", opts));
    el.dispatchEvent(new MouseEvent("click", opts));
    return true;
  };
  P.longestTask = (until) => {
    let m = 0;
    for (const t of P.longtasks) if (t.start <= until) m = Math.max(m, t.dur);
    return m;
  };
  P.wasmMemory = () => {
    let n = 0;
    for (const inst of P.instances) {
      for (const v of Object.values(inst.exports)) {
        if (v instanceof WebAssembly.Memory) n += v.buffer.byteLength;
      }
    }
    return n;
  };
})();
