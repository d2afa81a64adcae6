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
