// Stancemark: starts downloading the file of a ?src= link while app.wasm
// loads (a 10 MB project then arrives before the app asks for it); the app
// takes this response instead of fetching again (app/dom_wasm.go fetchURL),
// and reports a failure itself.
(() => {
  "use strict";
  const src = new URLSearchParams(location.search).get("src");
  if (!src) return;
  try {
    const response = fetch(src);
    response.catch(() => {});
    window.stancemarkPrefetch = { url: src, response };
  } catch (e) {
    // an unusable URL: the app says why when it fetches it
  }
})();
