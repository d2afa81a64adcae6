/* Quiz enhancement: check answers, keep the score, save progress. The page is complete
   without this script (answers under "Toon antwoord"); it only adds behaviour.

   This is the core of quiz.js; each question type adds its handlers to quizkit.types
   (quizkit/types/<type>/type.js, appended after this file), and quiz-start.js starts the
   quizzes. A type's handler reads and writes one unit (a fieldset with data-quiz-unit):
     read(unit)              -> the learner's answer in the shape of the key, null when incomplete
     write(unit, state)      puts a saved answer back (null clears it)
     feedback(state, key)    -> indexes of the feedback entries under "Toon antwoord" to show
     count(state, key)       -> how many parts are right, or null (no "n of m" line)
     counted                 the strings key of that line ("statements_right", "steps_right",
                             "options_right")
     needs                   (optional) the strings key of what "Controleer" says while read
                             gives null (default "choose_first"; a radio group per statement:
                             "answer_all")
     valid(unit, state)      -> whether a saved answer has the shape this unit can show
     act(action, button, say) (optional) a type's own button (ordering: up, down) -> whether the
                             answer changed (its verdict then no longer applies)
     shuffle(unit, random, key) (optional) puts the unit's choices in each learner's own order
                             (random() -> [0, 1), seeded per learner and unit); a type with
                             options that shuffles sets shuffles_options in its model (Moodle)
     ready(unit)             (optional) called once per unit when the quiz starts (ordering:
                             the move buttons' states)
     authored(state, key)    (optional) the answer in the bank's terms for the LMS, where the
                             state is in shown terms (ordering: the steps' places in the bank)

   Storage and result reporting go through one adapter, so that a SCORM 1.2 package can put
   its own in place (quizkit.adapter, set before this script runs):
     load(module, store)   -> saved record (a copy to change) or null   (SCORM: cmi.suspend_data)
     save(module, record, store)                         (SCORM: cmi.suspend_data)
     report(module, result) result = {score, total, pct, passed, items: [{id, type, ok, response, key}]}
                                                         (SCORM: cmi.core.score.raw,
                                                          lesson_status, cmi.interactions.n)
   An item's response is its saved states, and its key the right ones, each through its type's
   authored (if it has one).
   A record is {v: content version, items: {itemId: {h: answer hash, s: states, ok}}}.
   quizkit.checked(item) (optional, set before this script runs) is called when an item's
   answer is checked or put back (the SCORM package made as a test, scorm.js: it stops the
   item's controls, so the first checked answer is final).
   store is the site's own part of the browser storage keys (the plugin's storage_key option,
   in data-quiz-store): in this browser a module's record is kept under "<store>:<module>",
   so that two sites on one origin (two project sites under one github.io) keep their own.
   A SCORM test package's store is "<storage_key>.test" (QuizRenderer.module): opened without
   an LMS, its record stays apart from the self-check's. */
(() => {
  "use strict";
  const Q = (window.quizkit = window.quizkit || {});
  if (Q.quiz) return;
  // Records the browser would not keep (storage blocked, or full), by storage key: the quiz
  // keeps working on this page with them, as if they were saved.
  const unsaved = {};
  const localAdapter = {
    load(module, store) {
      const key = `${store}:${module}`;
      // Checked by the quiz (see load in init), as any adapter's record is.
      return safe(() => JSON.parse(key in unsaved ? unsaved[key] : localStorage.getItem(key)), null);
    },
    save(module, data, store) {
      const key = `${store}:${module}`;
      const text = JSON.stringify(data);
      try {
        localStorage.setItem(key, text);
        delete unsaved[key];
      } catch {
        unsaved[key] = text;
      }
    },
    report() {},
  };
  const adapter = Q.adapter || localAdapter;
  const all = (el, sel) => Array.from(el.querySelectorAll(sel));
  const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const safe = (fn, fallback) => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  const types = (Q.types = Q.types || {});

  // The answer key: base64 of the JSON key XOR-ed with the item id (see quizkit/answers.py).
  function keysOf(item) {
    const id = item.dataset.quizItem;
    const raw = atob(item.dataset.quizKey);
    let json = "";
    for (let i = 0; i < raw.length; i++) json += String.fromCharCode(raw.charCodeAt(i) ^ id.charCodeAt(i % id.length));
    const key = JSON.parse(json);
    return item.dataset.quizType === "case" ? key : [key];
  }

  // The learner's own order of the options: a seed that stays with the learner (the LMS's
  // learner id in a SCORM package, else a random one kept in this browser beside the
  // progress), so the order is the same on every visit and differs between learners.
  function learnerSeed(store) {
    const given = safe(() => adapter.learner?.(), null);
    if (given) return String(given);
    return safe(() => {
      let seed = localStorage.getItem(`${store}:learner`);
      if (!seed) localStorage.setItem(`${store}:learner`, (seed = Math.random().toString(36).slice(2)));
      return seed;
    }, "");
  }
  // A seeded generator (FNV-1a hash of the text, then mulberry32): no library does this small a job.
  function seeded(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return () => {
      h = (h + 0x6d2b79f5) | 0;
      let t = Math.imul(h ^ (h >>> 15), 1 | h);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // A permutation of 0..n-1 (Fisher-Yates) drawn from ``random``.
  function permutation(n, random) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }
  // Shared by the option types: put the option elements in the learner's order.
  function reorder(elements, order) {
    const parent = elements[0]?.parentNode;
    if (parent) order.forEach((i) => parent.appendChild(elements[i]));
  }

  const handler = (unit) => types[unit.dataset.quizUnit];
  const read = (unit) => handler(unit).read(unit);
  const write = (unit, state) => handler(unit).write(unit, state);

  // Shared by the types: inputs whose JSON values are set from a value or a list of values.
  function tick(scope, value) {
    all(scope, "input").forEach((input) => {
      const v = JSON.parse(input.value);
      input.checked = Array.isArray(value) ? value.includes(v) : value === v;
    });
  }
  // A radio group per statement (truefalse, classify): one value per group.
  const groups = {
    read(unit) {
      const values = all(unit, "[data-quiz-group]").map((g) => safe(() => JSON.parse(g.querySelector("input:checked").value), null));
      return values.includes(null) ? null : values;
    },
    write(unit, state) {
      all(unit, "[data-quiz-group]").forEach((g, k) => tick(g, state ? state[k] : null));
    },
    feedback: (state, key) => state.map((v, i) => (v === key[i] ? -1 : i)).filter((i) => i >= 0),
    count: (state, key) => state.filter((v, i) => v === key[i]).length,
    counted: "statements_right",
    needs: "answer_all",
  };
  // Options to choose from (single, multiple): ticked from a value or a list of values, shown
  // in the learner's own order.
  const options = {
    write: tick,
    count: () => null,
    shuffle(unit, random) {
      const shown = all(unit, ".qk-q__option");
      reorder(shown, permutation(shown.length, random));
    },
  };
  Q.shared = { all, groups, options, permutation, reorder };

  function init(root) {
    if (root.dataset.quizReady) return;
    root.dataset.quizReady = "1";
    const S = JSON.parse(root.dataset.quizStrings);
    // A string with its count filled in: the "<key>_one" form where n is 1 and the locale has one.
    const counted = (key, values) => fmt(S[values.n === 1 && S[key + "_one"] ? key + "_one" : key], values);
    const module = root.dataset.quizModule;
    const storageKey = root.dataset.quizStore || "quizkit";
    const version = +root.dataset.quizVersion;
    const items = all(root, "[data-quiz-item]");
    const units = (item) => all(item, "[data-quiz-unit]");

    // The saved answers of an item if they are for this version of it and fit its units.
    function usable(item, entry) {
      if (!entry || entry.h !== item.dataset.quizHash || !Array.isArray(entry.s)) return null;
      const parts = units(item);
      return entry.s.length === parts.length && parts.every((unit, u) => safe(() => handler(unit).valid(unit, entry.s[u]), false)) ? entry.s : null;
    }
    // An answer as the LMS reports it: in the bank's terms, not the order shown (see authored).
    const authored = (item, states) => {
      const keys = keysOf(item);
      return states.map((s, u) => {
        const type = handler(units(item)[u]);
        return type.authored ? type.authored(s, keys[u]) : s;
      });
    };
    const rightAnswer = (item, states) => same(states, keysOf(item));

    const load = () => {
      const data = safe(() => adapter.load(module, storageKey), null);
      return data && data.v === version && data.items && typeof data.items === "object" ? data : { v: version, items: {} };
    };
    const store = (update) => {
      const data = load(); // fresh each time: another quiz on the page may have saved meanwhile
      update(data.items);
      safe(() => adapter.save(module, data, storageKey));
    };

    // The item's feedback region shows ``html`` ("" empties it) with its verdict's class. It is
    // live, but for answers put back (``live`` "off"): fifteen verdicts read out at once would
    // drown the one status line; it is live again once the learner acts on the item.
    // Returns the region.
    function show(item, html, ok, live = "polite") {
      const region = item.querySelector("[data-quiz-feedback]");
      region.className = "qk-quiz-item__feedback" + (ok === undefined ? "" : ok ? " is-good" : " is-bad");
      region.setAttribute("aria-live", live);
      region.innerHTML = html;
      return region;
    }
    // The verdict's class at once, its text after a short pause, so that screen readers
    // announce a repeated message again. A sighted learner sees it (or what the answer lacks)
    // too: below a long question on a phone it may appear out of view, so it is scrolled into
    // view ("nearest": not at all where it is wholly in view; the site's scroll-padding-top keeps
    // it below the sticky header). The focus stays on the button, and the scroll is instant (no
    // page here asks for smooth scrolling).
    function say(item, html, ok) {
      show(item, "", ok);
      setTimeout(() => show(item, html, ok).scrollIntoView({ block: "nearest" }), 30);
    }

    function verdict(item, states, ok) {
      const keys = keysOf(item);
      const answers = all(item, "[data-quiz-answer]");
      const parts = units(item).map((unit, u) => {
        const right = same(states[u], keys[u]);
        const type = handler(unit);
        const n = type.count(states[u], keys[u]);
        let text = n === null ? "" : counted(type.counted, { n, total: keys[u].length });
        const groups = all(unit, "[data-quiz-group]");
        const entries = type.feedback(states[u], keys[u])
          .map((i) => {
            const li = answers[u].querySelector(`[data-quiz-fb="${i}"]`);
            if (!li) return "";
            // A statement's right value follows what the learner chose, so it is not read as a verdict.
            const entry = li.cloneNode(true);
            const value = entry.querySelector(".qk-quiz-answer__value");
            const label = groups[i]?.querySelector("input:checked")?.labels[0];
            // No full stop after a label that ends as a question ("Wie moet het doen?").
            if (value && label) value.before(fmt(S.your_answer, { answer: label.textContent.trim() }).replace(/([?!])\.$/, "$1") + " ");
            return `<li>${entry.innerHTML}</li>`;
          })
          .join("");
        if (keys.length > 1) text = `${answers[u].querySelector(".qk-quiz-stage__title").textContent}: ${right ? S.item_ok : S.item_bad}. ${text}`;
        return (text ? `<p>${text}</p>` : "") + (entries ? `<ul>${entries}</ul>` : "");
      });
      // The verdict (its "Goed:" or "Niet goed:" for screen readers only), then each unit's part.
      return `<p><strong><span class="qk-sr">${ok ? S.good : S.bad} </span>${ok ? S.good_text : S.bad_text}</strong></p>` + parts.join("");
    }

    function check(item) {
      const states = units(item).map(read);
      if (states.includes(null)) {
        // What the first unanswered unit still needs; in a case, named by its stage.
        const open = units(item)[states.indexOf(null)];
        const stage = open.closest(".qk-quiz-stage");
        say(item, `<p>${stage ? stage.querySelector(".qk-quiz-stage__title").textContent + ": " : ""}${S[handler(open).needs || "choose_first"]}</p>`);
        return;
      }
      const ok = rightAnswer(item, states);
      const before = summarize();
      store((saved) => (saved[item.dataset.quizItem] = { h: item.dataset.quizHash, s: states, ok }));
      safe(() => Q.checked(item));
      const after = summarize();
      hideUndo();
      let html = verdict(item, states, ok);
      // The check that completes the module says so, with the score and a way to the summary.
      if (after && after.answered === after.total && before.answered < after.total) {
        const heading = root.querySelector(".qk-quiz__summary h2");
        html += `<p>${S.finished} ${after.score} <a href="#${heading.id}">${S.see_result}</a></p>`;
      }
      say(item, html, ok);
    }

    // An answer changed after it was checked: its verdict no longer applies, so it goes, and the
    // item counts as unanswered until it is checked again. A verdict that goes is said, as
    // "Opnieuw" says it: arrow keys in a radio group change the answer, and a keyboard or
    // screen-reader user going over the options lost the verdict unheard.
    function stale(item) {
      const region = item.querySelector("[data-quiz-feedback]");
      if (!region.innerHTML) return;
      const judged = /is-/.test(region.className);
      forget(item);
      if (judged) say(item, `<p>${S.changed}</p>`);
      summarize();
    }

    // The item's verdict and saved answer go.
    function forget(item) {
      show(item, "");
      store((saved) => delete saved[item.dataset.quizItem]);
    }

    function clear(item) {
      units(item).forEach((unit) => write(unit, null));
      forget(item);
    }

    // Fills in the summary; returns how many items are answered and the score line (null
    // without a summary: a single item on a page).
    function summarize() {
      const list = root.querySelector("[data-quiz-list]");
      if (!list) return null;
      const saved = load().items;
      let answered = 0;
      let good = 0;
      const oks = {};
      const rows = items.map((item) => {
        const states = usable(item, saved[item.dataset.quizItem]);
        const current = !!states;
        // "Right" is always worked out from the answer, never taken from storage.
        const ok = current && rightAnswer(item, states);
        oks[item.dataset.quizItem] = ok;
        answered += current ? 1 : 0;
        good += ok ? 1 : 0;
        const label = item.querySelector(".qk-quiz-item__number").textContent;
        return `<li><a href="#${item.id}">${label}</a>: ${current ? (ok ? S.item_ok : S.item_bad) : S.item_open}</li>`;
      });
      const total = items.length;
      // Rounded down: 23 of 33 (69.7 %) is below a pass mark of 70 %, as shown and as sent to
      // the LMS (cmi.core.score.raw, which LMSs compare with the mastery score).
      const pct = Math.floor((100 * good) / total);
      const pass = +root.dataset.quizPass;
      list.innerHTML = rows.join("");
      root.querySelector("[data-quiz-progress]").textContent = fmt(S.progress, { n: answered, total });
      const line = `${fmt(S.score, { n: good, total, pct, pass })} ${pct >= pass ? S.passed : S.failed}`;
      root.querySelector("[data-quiz-score]").textContent = answered < total ? "" : line;
      if (answered === total) {
        const result = items.map((item) => ({
          id: item.dataset.quizItem,
          type: item.dataset.quizType,
          ok: oks[item.dataset.quizItem],
          response: authored(item, saved[item.dataset.quizItem].s),
          key: authored(item, keysOf(item)),
        }));
        safe(() => adapter.report(module, { score: good, total, pct, passed: pct >= pass, items: result }));
      }
      return { answered, total, score: line };
    }

    // "Begin opnieuw" keeps what it wiped until the next check, so that it can be undone.
    let wiped = null;
    const undoButton = root.querySelector("[data-quiz-action=undo]");
    const status = (text) => {
      const region = root.querySelector("[data-quiz-status]");
      if (region) region.textContent = text;
    };
    function hideUndo() {
      wiped = null;
      if (undoButton) undoButton.hidden = true;
    }

    // Restore saved answers whose hash still matches and whose shape fits the item; an entry
    // that does not fit is dropped on its own, and the others are still restored.
    function restore() {
      const saved = load().items;
      items.forEach((item) => {
        const states = usable(item, saved[item.dataset.quizItem]);
        if (!states) return;
        safe(() => units(item).forEach((unit, u) => write(unit, states[u])));
        const right = rightAnswer(item, states);
        show(item, verdict(item, states, right), right, "off");
        safe(() => Q.checked(item));
      });
    }

    root.addEventListener("click", (event) => {
      const button = event.target.closest("[data-quiz-action]");
      if (!button || !root.contains(button)) return;
      const item = button.closest("[data-quiz-item]");
      const action = button.dataset.quizAction;
      if (action === "check") check(item);
      else if (action === "retry") {
        clear(item);
        // Said, as "Begin opnieuw" is: the cleared choices alone tell a screen reader nothing.
        say(item, `<p>${S.retried}</p>`);
        summarize();
      } else if (action === "reset") {
        wiped ??= load(); // a second press keeps what the first wiped
        items.forEach(clear);
        summarize();
        status(S.cleared);
        if (undoButton) undoButton.hidden = false;
      } else if (action === "undo") {
        if (wiped) safe(() => adapter.save(module, wiped, storageKey));
        hideUndo();
        restore();
        summarize();
        // The pressed button is gone: focus goes back to the one that wiped the answers.
        root.querySelector("[data-quiz-action=reset]").focus();
        status(S.restored);
      } else {
        // A type's own action (ordering: up, down); a move changes the answer.
        const unit = button.closest("[data-quiz-unit]");
        if (unit && handler(unit).act?.(action, button, (text, values) => fmt(S[text], values))) stale(item);
      }
    });

    root.addEventListener("change", (event) => {
      const item = event.target.closest("[data-quiz-item]");
      if (item && root.contains(item)) stale(item);
    });

    all(root, "[data-quiz-js], [data-quiz-nojs]").forEach((el) => (el.hidden = "quizNojs" in el.dataset));
    // Options in the learner's own order (the page without JavaScript and the answer keys keep
    // the authored order), before saved answers are put back.
    const seed = learnerSeed(storageKey);
    items.forEach((item) => {
      const keys = keysOf(item);
      units(item).forEach((unit, u) => {
        handler(unit).shuffle?.(unit, seeded(`${seed}/${item.dataset.quizItem}/${u}`), keys[u]);
      });
    });
    all(root, "[data-quiz-unit]").forEach((unit) => handler(unit).ready?.(unit));
    hideUndo();
    restore();
    summarize();
  }

  Q.quiz = { start: () => document.querySelectorAll(".qk-quiz").forEach(init) };
})();
