/* Trainer pages and the learner's result summary: "Afdrukken" buttons and today's date.
   A button with data-halk-print prints the page; data-halk-print="summary" prints only the
   quiz result summary (trainer.css hides the rest while html[data-halk-print-only] is set).
   Loaded on the site and in every SCORM package (macros/scorm/package.py). */
(() => {
  "use strict";
  if (window.halkTrainer) return;
  const today = () => new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  const stamp = () => document.querySelectorAll("[data-halk-today]").forEach((el) => (el.textContent = today()));
  const root = document.documentElement;

  function start() {
    stamp();
    document.querySelectorAll("[data-halk-print]").forEach((button) => (button.hidden = false));
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-halk-print]");
    if (!button) return;
    stamp();
    if (button.dataset.halkPrint) root.dataset.halkPrintOnly = button.dataset.halkPrint;
    window.print();
  });
  window.addEventListener("afterprint", () => delete root.dataset.halkPrintOnly);

  window.halkTrainer = { start };
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
