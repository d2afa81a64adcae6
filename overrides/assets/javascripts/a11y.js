/*
 * Two keyboard and screen-reader fixes to Material's behaviour. Loaded once; <body> and
 * document survive instant navigation, so the listeners serve every page.
 */

/*
 * Tooltips: Material appends them (abbreviation expansions, content.tooltips) to <body>,
 * outside every landmark, so a screen-reader user browsing by landmark meets stray text
 * (axe: region). Move each tooltip into <main> as it appears. Material positions tooltips
 * against the page and <main> is not a positioned element, so they stay where they were;
 * Material keeps a reference to the node and removes it from wherever it is.
 */
new MutationObserver((records) => {
  const main = document.querySelector("main");
  for (const record of records)
    for (const node of record.addedNodes)
      if (main && node instanceof HTMLElement && node.classList.contains("md-tooltip2")) main.append(node);
}).observe(document.body, { childList: true });

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
