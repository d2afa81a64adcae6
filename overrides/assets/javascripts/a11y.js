/*
 * A keyboard fix to Material's behaviour. Loaded once; document survives instant
 * navigation, so the listener serves every page.
 */

/*
 * Skip link: instant navigation takes over in-page links, scrolls, and may swap the page's
 * content for a fresh copy, so keyboard focus stayed at the top of the page (or was lost)
 * and the next Tab went on into the navigation. Handle the skip link before Material sees
 * it (capture phase): focus the target, the page's h1, which also scrolls it into view. The
 * heading is made focusable by script only (tabindex -1), so it adds no tab stop.
 */
document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.md-skip") : null;
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  },
  { capture: true },
);

/*
 * Abbreviation tooltips (WCAG 1.4.13). Without this script, site.css shows the expansion
 * under the word in CSS alone. With it, one tooltip element shows the expansion: kept inside
 * the viewport (also on a 360 px phone), hidden with Esc, kept while the pointer is over it,
 * and shown once: the native title tooltip is held back while the abbreviation is active (its
 * text stays the accessible description through aria-describedby meanwhile).
 */
(() => {
  const root = document.documentElement;
  root.classList.add("halk-tips");
  let tip = null;
  let current = null;
  let hideTimer = 0;

  const tooltip = () => {
    if (!tip || !tip.isConnected) {
      tip = document.createElement("div");
      tip.id = "halk-tip";
      tip.className = "halk-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("pointerenter", () => clearTimeout(hideTimer));
      tip.addEventListener("pointerleave", () => scheduleHide());
      // Inside main, so that the tooltip belongs to a landmark like the text it explains.
      (document.querySelector("main") || document.body).append(tip);
    }
    return tip;
  };

  const place = (abbr, el) => {
    const margin = 8;
    const word = abbr.getBoundingClientRect();
    const width = Math.min(el.offsetWidth, root.clientWidth - 2 * margin);
    const left = Math.max(margin, Math.min(word.left, root.clientWidth - margin - width));
    let top = word.bottom + 4;
    if (top + el.offsetHeight > window.innerHeight - margin && word.top - 4 - el.offsetHeight > margin)
      top = word.top - 4 - el.offsetHeight;
    // Coordinates in the viewport, made relative to the box the tooltip is positioned in.
    const box = el.offsetParent ? el.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    el.style.left = `${left - box.left}px`;
    el.style.top = `${top - box.top}px`;
  };

  const show = (abbr) => {
    clearTimeout(hideTimer);
    if (current === abbr) return;
    hide();
    const el = tooltip();
    const text = abbr.getAttribute("title");
    if (!text) return;
    current = abbr;
    abbr.dataset.halkTitle = text;
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", el.id);
    el.textContent = text;
    el.hidden = false;
    place(abbr, el);
  };

  const hide = () => {
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    if (!current) return;
    current.setAttribute("title", current.dataset.halkTitle);
    delete current.dataset.halkTitle;
    current.removeAttribute("aria-describedby");
    current = null;
  };

  // A short delay, so that the pointer can move from the word onto the tooltip.
  const scheduleHide = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (current && current !== document.activeElement) hide();
    }, 300);
  };

  const abbrOf = (target) => (target instanceof Element ? target.closest(".md-typeset abbr[title], abbr[data-halk-title]") : null);

  document.addEventListener("pointerover", (event) => {
    const abbr = abbrOf(event.target);
    if (abbr) show(abbr);
  });
  document.addEventListener("pointerout", (event) => {
    if (abbrOf(event.target) && !(event.relatedTarget instanceof Node && tip?.contains(event.relatedTarget)))
      scheduleHide();
  });
  document.addEventListener("focusin", (event) => {
    const abbr = abbrOf(event.target);
    if (abbr) show(abbr);
    else if (current) hide();
  });
  document.addEventListener("focusout", (event) => {
    if (abbrOf(event.target) === current) hide();
  });
  // A tap elsewhere closes it; a tap on another abbreviation opens that one (pointerover).
  document.addEventListener("pointerdown", (event) => {
    if (current && !abbrOf(event.target) && !tip?.contains(event.target)) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("resize", () => current && place(current, tooltip()));
})();

/*
 * Navigation landmarks get a name. With navigation.indexes, Material labels a section's
 * sub-navigation by an icon-only label, so screen readers announced "navigation" without a
 * name (Leermodules). Such a nav is labelled by its section title instead.
 */
const nameNavigation = () => {
  for (const nav of document.querySelectorAll("nav.md-nav[aria-labelledby]")) {
    const label = document.getElementById(nav.getAttribute("aria-labelledby"));
    const title = nav.querySelector(":scope > .md-nav__title");
    if (!label || label.textContent.trim() || !title) continue;
    title.id ||= `${label.id}_title`;
    nav.setAttribute("aria-labelledby", title.id);
  }
};
document.addEventListener("DOMContentLoaded", () => {
  if (window.document$) window.document$.subscribe(nameNavigation);
  else nameNavigation();
});
