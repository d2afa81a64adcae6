/* Trainer pages and the learner's result summary: "Afdrukken" buttons, today's date and
   "Kopieer link" buttons.
   A link field with data-qk-relative gets the full address of that link as seen from here.
   A button with data-qk-print prints the page; data-qk-print="summary" prints only the
   quiz result summary (trainer.css hides the rest while html[data-qk-print-only] is set).
   A button with data-qk-copy="<input id>" copies that field's value and says so in the
   field's status element (<input id>-status); where the clipboard is not available it selects
   the field instead and says how to copy it.
   Loaded on the site and in every SCORM package (quizkit/scorm.py). */
(() => {
  "use strict";
  const Q = (window.quizkit = window.quizkit || {});
  if (Q.trainer) return;
  // In the language of the quiz around it (its lang: the locale's), as the rest of the summary.
  const today = (el) =>
    new Date().toLocaleDateString(el.closest("[lang]")?.lang || undefined, { day: "numeric", month: "long", year: "numeric" });
  const write = (el) => (el.textContent = today(el));
  const stamp = () => document.querySelectorAll("[data-qk-today]").forEach(write);
  const root = document.documentElement;
  // The date is written when it may be read: as it comes within a screen of view (a screen
  // reader moving there scrolls it into view too) and before printing. Not at load: the first
  // date a page formats makes the browser load its locale data, 25-50 ms of blocked main
  // thread on a desktop, four times that on a phone, on a page whose summary is far below.
  let dates;
  function watchDates() {
    dates?.disconnect(); // instant navigation: the last page's summary is gone
    dates = new IntersectionObserver(
      (entries, observer) => {
        for (const entry of entries.filter((e) => e.isIntersecting)) {
          write(entry.target);
          observer.unobserve(entry.target);
        }
      },
      { rootMargin: "100% 0px" },
    );
    document.querySelectorAll("[data-qk-today]").forEach((el) => dates.observe(el));
  }

  // A module link is the address this page is looked at under (whatever SITE_URL was at build
  // time); in the offline copy (file:) it stays the published address, and a note says so.
  function links() {
    const online = /^https?:$/.test(location.protocol);
    document.querySelectorAll("[data-qk-relative]").forEach((field) => {
      if (online) field.value = new URL(field.dataset.qkRelative, location.href).href;
    });
    document.querySelectorAll("[data-qk-offline]").forEach((note) => (note.hidden = online));
  }

  function start() {
    watchDates();
    links();
    document.querySelectorAll("[data-qk-print], [data-qk-copy]").forEach((button) => (button.hidden = false));
  }

  async function copy(button) {
    const field = document.getElementById(button.dataset.qkCopy);
    const status = document.getElementById(button.dataset.qkCopy + "-status");
    if (!field || !status) return;
    status.textContent = "";
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.qkCopied;
    } catch {
      field.focus();
      field.select();
      status.textContent = button.dataset.qkNotCopied;
    }
  }

  document.addEventListener("click", (event) => {
    const copyButton = event.target.closest("[data-qk-copy]");
    if (copyButton) {
      copy(copyButton);
      return;
    }
    const button = event.target.closest("[data-qk-print]");
    if (!button) return;
    if (button.dataset.qkPrint) root.dataset.qkPrintOnly = button.dataset.qkPrint;
    window.print();
  });
  window.addEventListener("beforeprint", stamp); // every print, the "Afdrukken" buttons' too
  window.addEventListener("afterprint", () => delete root.dataset.qkPrintOnly);

  Q.trainer = { start };
  // Also at once (start is idempotent): from file:// an instant-navigation build never fires document$.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
})();
