/*
 * Search results: every link highlights what was searched for. Material gives a page's own
 * link the terms matched in the page's first section only, so a page found through a later
 * section got "?h=" with nothing after it and opened without any highlight. Such a link takes
 * the terms of the other links of the same result. Loaded once; the search dialog survives
 * instant navigation, so one observer serves every page.
 */
(() => {
  const fill = (item) => {
    const links = [...item.querySelectorAll("a.md-search-result__link")];
    const terms = new Set();
    for (const link of links) {
      const h = new URL(link.href).searchParams.get("h");
      if (h) h.split(" ").forEach((term) => terms.add(term));
    }
    if (!terms.size) return;
    for (const link of links) {
      const url = new URL(link.href);
      if (url.searchParams.has("h") && !url.searchParams.get("h")) {
        url.searchParams.set("h", [...terms].join(" "));
        link.href = url.href;
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element && node.matches(".md-search-result__item")) fill(node);
  }).observe(document.body, { childList: true, subtree: true });
})();
