/* Print helpers (styles in ../css/print.css). Before printing: mark links to other sites so the
   paper copy shows their address, and open every closed <details> (browsers without
   ::details-content print them closed); afterwards restore what we changed. */
(() => {
  if (window.__halkPrint) return; // loaded once, even with instant navigation
  window.__halkPrint = true;
  let opened = [];
  window.addEventListener("beforeprint", () => {
    for (const a of document.querySelectorAll(".md-content a[href]")) {
      const url = new URL(a.href, location.href);
      if (/^https?:$/.test(url.protocol) && url.origin !== location.origin) a.dataset.printUrl = url.href;
    }
    opened = [...document.querySelectorAll(".md-content details:not([open])")];
    for (const d of opened) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
})();
