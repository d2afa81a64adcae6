/* SCORM 1.2 for one quiz module (built by quizkit/scorm.py). Loaded before quiz.js, it
   finds the LMS's API and becomes the quiz's storage and result adapter (window.quizkit.adapter):
     load/save  -> cmi.suspend_data (the quiz's saved answers, at most 4096 characters)
     report     -> cmi.core.score.raw/min/max, cmi.core.lesson_status passed/failed,
                   one cmi.interactions.n per item (id, type, student_response, result)
   Interactions are a journal in SCORM 1.2: each is added after those the LMS already holds
   (cmi.interactions._count). A launch's first report has every item, and its later reports
   only the items answered anew. A launch in which the learner changes nothing, and whose
   result the LMS already holds, reports nothing.
   Without an LMS it sets no adapter, and quiz.js keeps the answers in the browser as it does on
   the site. An LMS call that fails or throws never stops the quiz: the learner always sees
   their result. */
(() => {
  "use strict";
  const Q = (window.quizkit = window.quizkit || {});
  const LIMIT = 4096;
  const started = Date.now();

  // The standard SCORM 1.2 discovery: window.API in this window or a parent, then the opener's.
  function findIn(win) {
    for (let hops = 0; win && hops < 500; hops++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch {
        return null; // a parent on another origin: no API reachable there
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function findAPI() {
    const here = findIn(window);
    if (here) return here;
    try {
      return window.top && window.top.opener ? findIn(window.top.opener) : null;
    } catch {
      return null;
    }
  }

  const api = findAPI();
  const call = (name, ...args) => {
    try {
      return String(api[name](...args));
    } catch {
      return "false";
    }
  };
  const get = (element) => call("LMSGetValue", element);
  const set = (element, value) => call("LMSSetValue", element, String(value)) === "true";
  const lms = !!api && call("LMSInitialize", "") === "true";
  if (lms && ["not attempted", ""].includes(get("cmi.core.lesson_status"))) set("cmi.core.lesson_status", "incomplete");

  const memory = {};
  let reported = null; // item id -> its answer as last reported in this launch
  let changed = false; // the learner saved an answer in this launch
  let next = 0; // the next interaction index, for an LMS that does not tell its count

  function fromLms() {
    try {
      const data = JSON.parse(get("cmi.suspend_data") || "null");
      return data && typeof data === "object" ? data : null;
    } catch {
      return null;
    }
  }

  // SCORM 1.2 responses: options as letters, pairs as "statement.choice", a case per stage.
  const letter = (n) => (n < 26 ? String.fromCharCode(97 + n) : String(n));
  function response(type, states) {
    const one = (s) => {
      if (!Array.isArray(s)) return letter(s);
      if (type === "choice" || type === "sequencing") return s.map(letter).join(",");
      return s.map((v, i) => `${i}.${v === true ? "t" : v === false ? "f" : letter(v)}`).join(",");
    };
    if (type === "true-false") return states[0][0] ? "t" : "f";
    const text = type === "performance" ? states.map((s, i) => `${i + 1}:${one(s)}`).join(";") : one(states[0]);
    return text.slice(0, 255);
  }

  const types = () => {
    const main = document.querySelector("[data-scorm-types]");
    try {
      return JSON.parse(main.dataset.scormTypes);
    } catch {
      return {};
    }
  };

  let finished = false;
  function finish() {
    if (!lms || finished) return;
    finished = true;
    const secs = Math.round((Date.now() - started) / 1000);
    const pad = (n) => String(n).padStart(2, "0");
    set("cmi.core.session_time", `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`);
    set("cmi.core.exit", "suspend"); // the learner's answers stay for the next launch
    call("LMSCommit", "");
    call("LMSFinish", "");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  if (lms) {
    Q.adapter = {
      // The learner's own option order follows the LMS's learner id, on every device.
      learner: () => get("cmi.core.student_id") || null,
      load(module) {
        if (!(module in memory)) memory[module] = fromLms();
        return memory[module];
      },
      save(module, data) {
        changed = true;
        memory[module] = data;
        const text = JSON.stringify(data);
        // Never send more than SCORM 1.2 allows (the build checks that a module cannot exceed it).
        if (text.length <= LIMIT) set("cmi.suspend_data", text);
        set("cmi.core.exit", "suspend");
        call("LMSCommit", "");
      },
      report(module, result) {
        const status = result.passed ? "passed" : "failed";
        const answers = new Map(result.items.map((item) => [item.id, JSON.stringify([item.ok, item.response])]));
        if (!reported) {
          // Before the learner changed anything, the answers are those restored from
          // suspend_data: nothing to report if the LMS holds their result already.
          const raw = get("cmi.core.score.raw");
          const held = get("cmi.core.lesson_status") === status && raw !== "" && Number(raw) === result.pct;
          reported = held && !changed ? answers : new Map();
        }
        const fresh = result.items.filter((item) => reported.get(item.id) !== answers.get(item.id));
        if (!fresh.length) return;
        reported = answers;
        const told = get("cmi.interactions._count");
        const count = /^\d+$/.test(told) ? Math.max(Number(told), next) : next;
        next = count + fresh.length;
        const kinds = types();
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        set("cmi.core.score.raw", result.pct);
        set("cmi.core.lesson_status", status);
        fresh.forEach((item, k) => {
          const n = count + k;
          const type = kinds[item.id] || "choice";
          set(`cmi.interactions.${n}.id`, item.id);
          set(`cmi.interactions.${n}.type`, type);
          try {
            set(`cmi.interactions.${n}.student_response`, response(type, item.response));
          } catch {
            /* an odd saved answer: the result below still counts */
          }
          set(`cmi.interactions.${n}.result`, item.ok ? "correct" : "wrong");
        });
        call("LMSCommit", "");
      },
    };
  }
  Q.scorm = { lms, finish };
})();
