/*
 * Keyboard fixes to Material's behaviour. Loaded once; document survives instant
 * navigation, so the listeners serve every page.
 */

/*
 * Same-page links move focus (WCAG 2.4.3): the skip link and every in-page link in the
 * content, such as heading permalinks, footnotes and the quiz summary's "Vraag n van 15".
 * Instant navigation takes over in-page links, scrolls, and may swap the page's content for
 * a fresh copy, so keyboard focus stayed at the top of the page (or was lost) and the next
 * Tab went on into the navigation. Handle such a link before Material sees it (capture
 * phase): scroll the target to the top (below the sticky header: scroll-padding-top in
 * site.css) and focus it. A target that takes no focus of its own is made focusable by
 * script only (tabindex -1), so it adds no tab stop. Content links also put their fragment
 * in the address, as Material does (the offset in the state lets Material restore it on Back).
 */
const samePageTarget = (link) => {
  if (!link.hash || link.target || link.origin !== location.origin) return null;
  if (link.pathname !== location.pathname || link.search !== location.search) return null;
  return document.getElementById(decodeURIComponent(link.hash.slice(1)));
};

document.addEventListener(
  "click",
  (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a.md-skip, .md-content a[href]") : null;
    const target = link && samePageTarget(link);
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!link.matches(".md-skip") && link.href !== location.href) {
      history.replaceState({ x: window.scrollX, y: window.scrollY }, "");
      history.pushState(null, "", link.href);
    }
    if (!target.matches("a[href], button, input, select, textarea, summary, [tabindex]"))
      target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  },
  { capture: true },
);

/*
 * The menu button that opens the navigation drawer (below 1220 px) is a label in Material and
 * took no focus; with the closed drawer's links out of the tab order (site.css) keyboard users
 * need it to reach the navigation. A real button inside the label (site.css gives it the label's
 * look) opens and closes the drawer and says whether it is open; Esc in the open drawer closes
 * it and returns focus to the button.
 */
const DRAWER_BUTTON = '.md-header label.md-header__button[for="__drawer"]';
const syncDrawerButton = () => {
  const label = document.querySelector(DRAWER_BUTTON);
  const toggle = document.getElementById("__drawer");
  if (!label || !toggle) return;
  let button = label.querySelector(":scope > button.halk-drawer-button");
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "halk-header-button halk-drawer-button";
    button.setAttribute("aria-label", "Navigatiemenu");
    button.append(...label.childNodes);
    label.append(button);
    // A click on a button inside a label does not reach the checkbox: toggle it here.
    button.addEventListener("click", () => toggle.click());
  }
  button.setAttribute("aria-expanded", String(toggle.checked));
};
document.addEventListener("change", (event) => {
  if (!(event.target instanceof Element)) return;
  if (event.target.id === "__drawer") syncDrawerButton();
  else if (event.target.matches(".md-nav__toggle")) syncPaneLabels();
});

/*
 * In the drawer a section is a pane that slides in from its label and back out from its title;
 * with navigation.sections Material leaves those labels out of the tab order (tabindex=""), and
 * the links of closed panes are out of it too now (site.css). Below 1220 px each label's chevron
 * (its icon) takes focus as a button: a label may not take a role itself (ARIA in HTML), and
 * announced as one it had no name. The button is named after its section (beside a section's
 * own link, navigation.indexes, "Onderdelen van" the section), says whether the pane is open,
 * and Enter or Space clicks its label, which opens the pane or goes back. From 1220 px on
 * sections are headings again and take no focus.
 */
const DRAWER = window.matchMedia("(max-width: 76.234375em)");
const PANE_LABELS = '.md-sidebar--primary label:is(.md-nav__link, .md-nav__title):not([for="__drawer"])';
const PANE_BUTTON = "[data-halk-pane-button]";
const syncPaneLabels = () => {
  for (const label of document.querySelectorAll(PANE_LABELS)) {
    const toggle = document.getElementById(label.htmlFor);
    const icon = label.querySelector(":scope > .md-nav__icon");
    if (!toggle || !icon || label.getAttribute("tabindex") === "0") continue; // Material's own stop
    if (!DRAWER.matches) {
      for (const name of ["data-halk-pane-button", "role", "tabindex", "aria-label", "aria-expanded"]) icon.removeAttribute(name);
      continue;
    }
    const section = document.querySelector(`label.md-nav__title[for="${label.htmlFor}"]`)?.textContent.trim() || "";
    const text = label.textContent.trim();
    icon.setAttribute("data-halk-pane-button", "");
    icon.setAttribute("role", "button");
    icon.setAttribute("tabindex", "0");
    icon.setAttribute("aria-label", text || `Onderdelen van ${section}`);
    icon.setAttribute("aria-expanded", String(toggle.checked));
  }
};
DRAWER.addEventListener("change", syncPaneLabels);
/*
 * The open drawer keeps keyboard focus (below 1220 px, where it covers the page under a scrim,
 * the menu button included): Tab from the menu button goes to the drawer's first entry, past the
 * header's buttons under the scrim, and from its last entry round to its first; Shift+Tab the
 * other way. Focus elsewhere (the page behind, reached with a pointer) comes back into the
 * drawer. Esc closes it (below) and focus returns to the menu button. Worked out at each key
 * press, so that nothing is left over once the drawer closes, however it closes.
 */
const DRAWER_STOPS = '.md-sidebar--primary :is(a[href], button, input:not([type="checkbox"]), [tabindex="0"])';
const shown = (el) => getComputedStyle(el).visibility === "visible" && el.getClientRects().length > 0;
const drawerTab = (event) => {
  const stops = [...document.querySelectorAll(DRAWER_STOPS)].filter(shown);
  if (!stops.length) return;
  const [first, last] = [stops[0], stops[stops.length - 1]];
  const inDrawer = event.target.closest(".md-sidebar--primary");
  let next = null;
  if (!inDrawer) next = event.shiftKey ? last : first; // the menu button, or the page behind
  else if (event.target === (event.shiftKey ? first : last)) next = event.shiftKey ? last : first;
  if (next) {
    event.preventDefault();
    next.focus();
  }
};
document.addEventListener("keydown", (event) => {
  const toggle = document.getElementById("__drawer");
  if (!(event.target instanceof Element)) return;
  if (event.key === "Tab" && toggle?.checked && DRAWER.matches) {
    drawerTab(event);
  } else if ((event.key === " " || event.key === "Enter") && event.target.matches(PANE_BUTTON)) {
    event.preventDefault();
    const label = event.target.closest("label");
    label.click();
    // Focus goes along: into the pane that slid in (its title, the way back), or back to the
    // section's opener, where it would otherwise be lost once the level it was on is hidden.
    // Without scrolling: the pane is still sliding in from beside the drawer, and the browser
    // would scroll the drawer sideways to show it (site.css clips that overflow too).
    const opened = document.getElementById(label.htmlFor)?.checked;
    const kind = opened ? "md-nav__title" : "md-nav__link";
    document
      .querySelector(`.md-sidebar--primary label.${kind}[for="${label.htmlFor}"] ${PANE_BUTTON}`)
      ?.focus({ preventScroll: true });
  } else if (event.key === "Escape" && toggle?.checked) {
    if (!event.target.closest(".md-sidebar--primary, .halk-drawer-button")) return;
    toggle.click();
    document.querySelector(".halk-drawer-button")?.focus();
  }
});

/*
 * Esc in the search closes it (Material's handler, on window, after this one) and left focus on
 * the page's body (from the field, or from a result), so a keyboard user started again at the
 * top (WCAG 2.4.3), and the page could jump. Focus goes back to where the search is opened.
 * Where the header shows the search field, that field, which opens the search again only when
 * typed in. Below 60em the header's search
 * icon: a label, which Material gives no tab stop and which may take no name or role, so a real
 * button named "Zoeken" inside it (as for the menu), focusable by script only (tabindex -1: the
 * next Tab is the search field, as before); a click on it opens the search in the field.
 */
const SEARCH_ICON = '.md-header label.md-header__button[for="__search"]';
const searchButton = (label) => {
  let button = label.querySelector(":scope > button.halk-search-button");
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.tabIndex = -1;
    button.className = "halk-header-button halk-search-button";
    button.setAttribute("aria-label", "Zoeken");
    button.append(...label.childNodes);
    label.append(button);
    button.addEventListener("click", () => document.querySelector("input.md-search__input")?.focus());
  }
  return button;
};
document.addEventListener("keydown", (event) => {
  const search = document.getElementById("__search");
  if (event.key !== "Escape" || !search?.checked) return;
  setTimeout(() => {
    const focused = document.activeElement;
    // From a result (reached with the arrow keys), focus stays on that link, now hidden, until
    // the browser drops it to the body: hidden counts as lost.
    const lost = !focused || focused === document.body || !focused.getClientRects().length;
    if (search.checked || !lost) return;
    const icon = document.querySelector(SEARCH_ICON);
    const target = icon?.getClientRects().length ? searchButton(icon) : document.querySelector("input.md-search__input");
    target?.focus({ preventScroll: true });
    // Material opens the search when focus comes into its field, as it finds 1 ms later (a
    // debounce): coming back from a result, it had left the field, so the search would open
    // again. This timer, set after Material's, closes it again before the next frame.
    setTimeout(() => search.checked && search.click(), 1);
  });
});

/*
 * The colour scheme switch. Material's palette is one radio per scheme, each named after the
 * switch it offers ("Schakel naar donkere modus" on the light one); Material switches on Enter
 * or a click, and checks no radio at load. So Tab always reached the first radio, in dark mode
 * too, named for the switch to dark, and Space checked it: no change in light mode, a switch to
 * light in dark mode (WCAG 4.1.2). The current scheme's radio is checked (the one Tab reaches,
 * named for the switch it offers) and Space switches as Enter does.
 */
const PALETTE = 'form[data-md-component="palette"] input.md-option';
const syncPalette = () => {
  const scheme = document.body.getAttribute("data-md-color-scheme");
  const current = [...document.querySelectorAll(PALETTE)].find((input) => input.dataset.mdColorScheme === scheme);
  if (current) current.checked = true;
};
document.addEventListener("keydown", (event) => {
  if (event.key !== " " || !(event.target instanceof Element) || !event.target.matches(PALETTE)) return;
  event.preventDefault();
  const inputs = [...document.querySelectorAll(PALETTE)];
  const next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length];
  next.click();
  next.focus();
});

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
const everyPage = () => {
  nameNavigation();
  syncDrawerButton();
  syncPaneLabels();
  syncPalette();
};
document.addEventListener("DOMContentLoaded", () => {
  if (window.document$) window.document$.subscribe(everyPage);
  else everyPage();
});
