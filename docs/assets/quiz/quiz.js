/* Quiz enhancement: check answers, keep the score, save progress. The page is complete
   without this script (answers under "Toon antwoord"); it only adds behaviour.

   Storage and result reporting go through one adapter, so that a SCORM 1.2 package can put
   its own in place (window.halkQuizAdapter, set before this script runs):
     load(module)          -> saved record or null       (SCORM: cmi.suspend_data)
     save(module, record)                                (SCORM: cmi.suspend_data)
     report(module, result) result = {score, total, pct, passed, items: [{id, type, ok, response}]}
                                                         (SCORM: cmi.core.score.raw,
                                                          lesson_status, cmi.interactions.n)
   A record is {v: content version, items: {itemId: {h: answer hash, s: states, ok}}}. */
(() => {
  "use strict";
  if (window.halkQuiz) return;
  const PREFIX = "halk-quiz:";
  const localAdapter = {
    load(module) {
      try {
        const data = JSON.parse(localStorage.getItem(PREFIX + module));
        return data && typeof data === "object" && data.items && typeof data.items === "object" ? data : null;
      } catch (e) {
        return null;
      }
    },
    save(module, data) {
      try {
        localStorage.setItem(PREFIX + module, JSON.stringify(data));
      } catch (e) {
        /* storage full or blocked: the quiz keeps working without saving */
      }
    },
    report() {},
  };
  const adapter = window.halkQuizAdapter || localAdapter;
  const all = (el, sel) => Array.from(el.querySelectorAll(sel));
  const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const safe = (fn, fallback) => {
    try {
      return fn();
    } catch (e) {
      return fallback;
    }
  };

  // The answer key: base64 of the JSON key XOR-ed with the item id (see macros/quiz/answers.py).
  function keysOf(item) {
    const id = item.dataset.quizItem;
    const raw = atob(item.dataset.quizKey);
    let json = "";
    for (let i = 0; i < raw.length; i++) json += String.fromCharCode(raw.charCodeAt(i) ^ id.charCodeAt(i % id.length));
    const key = JSON.parse(json);
    return item.dataset.quizType === "case" ? key : [key];
  }

  // Per type: read the learner's answer in the shape of the key (null when incomplete) ...
  function read(unit) {
    const type = unit.dataset.quizUnit;
    if (type === "ordering") return all(unit, "[data-quiz-step]").map((li) => +li.dataset.quizStep);
    if (type === "multiple") {
      const chosen = all(unit, "input:checked").map((i) => +i.value);
      return chosen.length ? chosen : null;
    }
    const groups = all(unit, "[data-quiz-group]");
    if (groups.length) {
      const values = groups.map((g) => safe(() => JSON.parse(g.querySelector("input:checked").value), null));
      return values.includes(null) ? null : values;
    }
    const input = unit.querySelector("input:checked");
    return input ? +input.value : null;
  }

  // ... and put a saved answer back (null clears it).
  function write(unit, state) {
    if (unit.dataset.quizUnit === "ordering") {
      const list = unit.querySelector("ol");
      const steps = all(list, "[data-quiz-step]");
      (state || steps.map((_, i) => i)).forEach((n) => list.appendChild(steps.find((li) => +li.dataset.quizStep === n)));
      edges(list);
      return;
    }
    const set = (scope, value) =>
      all(scope, "input").forEach((input) => {
        const v = JSON.parse(input.value);
        input.checked = Array.isArray(value) ? value.includes(v) : value === v;
      });
    const groups = all(unit, "[data-quiz-group]");
    if (groups.length) groups.forEach((g, k) => set(g, state ? state[k] : null));
    else set(unit, state);
  }

  // Which feedback entries under "Toon antwoord" belong with this answer.
  function feedbackFor(unit, state, key) {
    const type = unit.dataset.quizUnit;
    if (type === "ordering") return [];
    if (Array.isArray(key) && type !== "multiple") return state.map((v, i) => (v === key[i] ? -1 : i)).filter((i) => i >= 0);
    return [].concat(state);
  }

  function countRight(unit, state, key) {
    if (!Array.isArray(key) || unit.dataset.quizUnit === "multiple") return null;
    return state.filter((v, i) => v === key[i]).length;
  }

  function edges(list) {
    const steps = all(list, "[data-quiz-step]");
    steps.forEach((li, i) => {
      li.querySelector('[data-quiz-action="up"]').setAttribute("aria-disabled", String(i === 0));
      li.querySelector('[data-quiz-action="down"]').setAttribute("aria-disabled", String(i === steps.length - 1));
    });
  }

  function init(root) {
    if (root.dataset.quizReady) return;
    root.dataset.quizReady = "1";
    const S = JSON.parse(root.dataset.quizStrings);
    const module = root.dataset.quizModule;
    const version = +root.dataset.quizVersion;
    const items = all(root, "[data-quiz-item]");
    const units = (item) => all(item, "[data-quiz-unit]");

    const load = () => {
      const data = safe(() => adapter.load(module), null);
      return data && data.v === version && data.items && typeof data.items === "object" ? data : { v: version, items: {} };
    };
    const store = (update) => {
      const data = load(); // fresh each time: another quiz on the page may have saved meanwhile
      update(data.items);
      safe(() => adapter.save(module, data));
    };

    function say(item, html, ok) {
      const region = item.querySelector("[data-quiz-feedback]");
      region.className = "halk-quiz-item__feedback" + (ok === undefined ? "" : ok ? " is-good" : " is-bad");
      region.innerHTML = "";
      // A short pause so that screen readers announce a repeated message again.
      setTimeout(() => (region.innerHTML = html), 30);
    }

    function verdict(item, states, ok) {
      const keys = keysOf(item);
      const answers = all(item, "[data-quiz-answer]");
      const parts = units(item).map((unit, u) => {
        const right = same(states[u], keys[u]);
        const n = countRight(unit, states[u], keys[u]);
        let text = n === null ? "" : fmt(unit.dataset.quizUnit === "ordering" ? S.steps_right : S.statements_right, { n, total: keys[u].length });
        const entries = feedbackFor(unit, states[u], keys[u])
          .map((i) => answers[u].querySelector(`[data-quiz-fb="${i}"]`))
          .filter(Boolean)
          .map((li) => `<li>${li.innerHTML}</li>`)
          .join("");
        if (keys.length > 1) text = `${answers[u].querySelector(".halk-quiz-stage__title").textContent}: ${right ? S.item_ok : S.item_bad}. ${text}`;
        return (text ? `<p>${text}</p>` : "") + (entries ? `<ul>${entries}</ul>` : "");
      });
      const head = `<p><strong><span class="halk-sr">${ok ? S.good : S.bad} </span>${ok ? S.good_text : S.bad_text}</strong></p>`;
      return head + parts.join("");
    }

    function check(item) {
      const states = units(item).map(read);
      if (states.includes(null)) {
        const groups = item.querySelector("[data-quiz-group]");
        say(item, `<p>${groups ? S.answer_all : S.choose_first}</p>`);
        return;
      }
      const keys = keysOf(item);
      const ok = states.every((s, u) => same(s, keys[u]));
      say(item, verdict(item, states, ok), ok);
      store((saved) => (saved[item.dataset.quizItem] = { h: item.dataset.quizHash, s: states, ok }));
      summarize();
    }

    function clear(item) {
      units(item).forEach((unit) => write(unit, null));
      const region = item.querySelector("[data-quiz-feedback]");
      region.className = "halk-quiz-item__feedback";
      region.innerHTML = "";
      store((saved) => delete saved[item.dataset.quizItem]);
    }

    function move(button, dir) {
      if (button.getAttribute("aria-disabled") === "true") return;
      const li = button.closest("[data-quiz-step]");
      const list = li.parentNode;
      const other = dir < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      // Move the neighbour, not the step itself, so that focus stays on the pressed button.
      list.insertBefore(other, dir < 0 ? li.nextElementSibling : li);
      edges(list);
      const steps = all(list, "[data-quiz-step]");
      const text = li.querySelector(".halk-q__step-text").textContent.trim();
      const unit = li.closest("[data-quiz-unit]");
      unit.querySelector("[data-quiz-moves]").textContent = fmt(S.moved, { step: text, pos: steps.indexOf(li) + 1, total: steps.length });
    }

    function summarize() {
      const list = root.querySelector("[data-quiz-list]");
      if (!list) return;
      const saved = load().items;
      let answered = 0;
      let good = 0;
      const rows = items.map((item, i) => {
        const entry = saved[item.dataset.quizItem];
        const current = entry && entry.h === item.dataset.quizHash;
        answered += current ? 1 : 0;
        good += current && entry.ok ? 1 : 0;
        const label = item.querySelector(".halk-quiz-item__number").textContent;
        return current ? `<li><a href="#${item.id}">${label}</a>: ${entry.ok ? S.item_ok : S.item_bad}</li>` : "";
      });
      const total = items.length;
      const pct = Math.round((100 * good) / total);
      const pass = +root.dataset.quizPass;
      list.innerHTML = rows.join("");
      root.querySelector("[data-quiz-progress]").textContent = fmt(S.progress, { n: answered, total });
      const score = root.querySelector("[data-quiz-score]");
      score.textContent = answered < total ? "" : `${fmt(S.score, { n: good, total, pct, pass })} ${pct >= pass ? S.passed : S.failed}`;
      if (answered === total) {
        const result = items.map((item) => ({ id: item.dataset.quizItem, type: item.dataset.quizType, ok: saved[item.dataset.quizItem].ok, response: saved[item.dataset.quizItem].s }));
        safe(() => adapter.report(module, { score: good, total, pct, passed: pct >= pass, items: result }));
      }
    }

    root.addEventListener("click", (event) => {
      const button = event.target.closest("[data-quiz-action]");
      if (!button || !root.contains(button)) return;
      const item = button.closest("[data-quiz-item]");
      const action = button.dataset.quizAction;
      if (action === "check") check(item);
      else if (action === "retry") {
        clear(item);
        summarize();
      } else if (action === "up" || action === "down") move(button, action === "up" ? -1 : 1);
      else if (action === "reset") {
        items.forEach(clear);
        summarize();
        root.querySelector("[data-quiz-progress]").textContent += " " + S.cleared;
      }
    });

    all(root, "[data-quiz-js]").forEach((el) => (el.hidden = false));
    all(root, "[data-quiz-nojs]").forEach((el) => (el.hidden = true));
    all(root, "ol.halk-q__steps").forEach(edges);
    // Restore saved answers whose answer hash still matches; anything odd is skipped.
    const saved = load().items;
    items.forEach((item) => {
      const entry = saved[item.dataset.quizItem];
      if (!entry || entry.h !== item.dataset.quizHash || !Array.isArray(entry.s)) return;
      const ok = safe(() => {
        units(item).forEach((unit, u) => write(unit, entry.s[u]));
        return true;
      }, false);
      const keys = ok && keysOf(item);
      if (ok && entry.s.length === keys.length) {
        const right = entry.s.every((s, u) => same(s, keys[u]));
        const region = item.querySelector("[data-quiz-feedback]");
        region.className = "halk-quiz-item__feedback " + (right ? "is-good" : "is-bad");
        region.innerHTML = verdict(item, entry.s, right);
      } else units(item).forEach((unit) => write(unit, null));
    });
    summarize();
  }

  const start = () => document.querySelectorAll(".halk-quiz").forEach(init);
  window.halkQuiz = { start, adapter };
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
