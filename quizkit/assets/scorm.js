/* SCORM 1.2 for one quiz module (built by quizkit/scorm.py). Loaded before quiz.js, it
   finds the LMS's API and becomes the quiz's storage and result adapter (window.quizkit.adapter):
     load/save  -> cmi.suspend_data (the quiz's saved answers, packed: see pack() below and
                   quizkit/scorm.py, which checks that a module's worst case fits 4096 characters)
     report     -> cmi.core.score.raw/min/max, cmi.core.lesson_status passed/failed (a pass is
                   never taken back: a later failing result leaves status and score alone),
                   one cmi.interactions.n per item (id, type, student_response, the right
                   answer as correct_responses.0.pattern, result), only
                   when the LMS lists those elements in cmi.interactions._children
   Interactions are a journal in SCORM 1.2: each is added after those the LMS already holds
   (cmi.interactions._count). A launch's first report has every item, and its later reports
   only the items answered anew. A launch in which the learner changes nothing, and whose
   result the LMS already holds, adds nothing to the journal.
   What real LMSs need: every commit carries the status (and the score once there is one),
   since some keep only what came with a commit; cmi.core.exit is "suspend" while the module is
   incomplete and "" once passed or failed; results are committed when the page is hidden
   (pagehide, visibilitychange), never on unload, which mobile browsers skip; a launch in
   cmi.core.lesson_mode "browse" or "review" changes nothing in the LMS, and says so.
   Without an LMS it sets no adapter, and quiz.js keeps the answers in the browser as it does on
   the site; the page says so (a learner must not think a test counted). An LMS call that fails
   or throws never stops the quiz: the learner always sees their result, and is told when the
   LMS refuses the session, a commit, or one of the elements a launch needs (status, score,
   exit, suspend_data). */
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
  // An LMS call's answer as text; null when the call threw.
  const call = (name, ...args) => {
    try {
      return String(api[name](...args));
    } catch {
      return null;
    }
  };
  const get = (element) => call("LMSGetValue", element) ?? "";
  const set = (element, value) => call("LMSSetValue", element, String(value)) === "true";
  // A call that failed for the LMS: it threw, or it answered "false" and says why (some LMSs
  // answer a good call with something else than "true": the error code decides).
  const failed = (answer) => answer === null || (answer !== "true" && !["", "0"].includes(call("LMSGetLastError") ?? ""));
  const lms = !!api && call("LMSInitialize", "") === "true";

  // An LMS that is there but refuses the session or a commit records nothing of this launch:
  // the learner is told once (the package's [data-scorm-notice]), and the console says why.
  let refused = false;
  // Runs ``fn`` once the package's page is there (this script runs in its head).
  function onPage(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }
  // Puts a notice of the package's page (its text in data-text) in place.
  function tell(selector) {
    onPage(() => {
      const notice = document.querySelector(selector);
      if (notice) notice.textContent = notice.dataset.text;
    });
  }
  function refusal(what) {
    if (refused) return;
    refused = true;
    const error = call("LMSGetLastError") ?? "";
    console.warn(`quizkit: the LMS refused ${what} (SCORM error ${error}: ${call("LMSGetErrorString", error)})`);
    tell("[data-scorm-notice]");
  }
  if (api && !lms) refusal("LMSInitialize");
  // No LMS at all: the answers stay in this browser, which the learner is told (the package
  // opened on its own, or an LMS that launched it where its API cannot be reached).
  if (!api) tell("[data-scorm-offline]");
  // Without an LMS a test counts nowhere: a trainer trying the package, or a learner opening
  // its files, may start it again. package.css shows "Begin opnieuw" then (data-quiz-trial
  // on the page's main element), and pressing it first unlocks the final answers it is about
  // to clear (before quiz.js's own handler, in the capture phase); "Ongedaan maken" puts them
  // back final, as quiz.js calls Q.checked for each answer it restores.
  if (!api) {
    onPage(() => document.querySelector("[data-quiz-test]")?.setAttribute("data-quiz-trial", ""));
    document.addEventListener(
      "click",
      (event) => {
        if (!event.target.closest?.('[data-quiz-action="reset"]')) return;
        document.querySelectorAll("[data-quiz-final]").forEach((item) => {
          delete item.dataset.quizFinal;
          item.querySelectorAll("[data-quiz-unit] input, [data-quiz-unit] button").forEach((el) => (el.disabled = false));
          item.querySelector('[data-quiz-action="check"]').removeAttribute("aria-disabled");
          item.querySelector(".qk-package__final")?.remove();
        });
      },
      true,
    );
  }
  // Browse and review launches look without counting: nothing is written back, and the learner
  // is told (Moodle reopens a finished attempt for review unless a new one is started).
  const credited = lms && !["browse", "review"].includes(get("cmi.core.lesson_mode"));
  if (lms && !credited) tell("[data-scorm-review]");
  // The result the LMS holds when the launch starts, and the one this launch reports.
  const heldStatus = lms ? get("cmi.core.lesson_status") : "";
  const heldRaw = lms ? get("cmi.core.score.raw") : "";
  const finished = (status) => status === "passed" || status === "failed";
  // A finished status may come without a score (an administrator marked the learner passed).
  let current = finished(heldStatus) ? { status: heldStatus, raw: heldRaw } : null;
  // Interactions only where the LMS has them, and only the elements it lists.
  const children = lms ? get("cmi.interactions._children").split(",").map((c) => c.trim()) : [];
  const journal = children.includes("id") && children.includes("result");
  // The elements a launch cannot do without: an LMS that refuses one records nothing useful.
  // (The score's min and max, and interactions, are optional in SCORM 1.2: those are only set.)
  const must = (element, value) => {
    if (failed(call("LMSSetValue", element, String(value)))) refusal(`LMSSetValue ${element}`);
  };
  if (credited && ["not attempted", ""].includes(heldStatus)) must("cmi.core.lesson_status", "incomplete");

  // Status and score with every commit; exit "suspend" until the module is passed or failed.
  function commit() {
    if (!credited || done) return;
    if (current) {
      if (current.raw !== "") {
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        must("cmi.core.score.raw", current.raw);
      }
      must("cmi.core.lesson_status", current.status);
    } else {
      must("cmi.core.lesson_status", "incomplete");
    }
    must("cmi.core.exit", current ? "" : "suspend");
    if (failed(call("LMSCommit", ""))) refusal("LMSCommit");
  }

  const memory = {};
  let reported = null; // item id -> its answer as last reported in this launch
  let changed = false; // the learner saved an answer in this launch
  let next = 0; // the next interaction index, for an LMS that does not tell its count

  // cmi.suspend_data, packed: "~<version>~" then one entry per item in the page's order,
  // joined by ",": empty for an unanswered item (or one saved for another form of it), else
  // the item's tag (data-quiz-tag: its id and answer hash in 6 characters) and its units'
  // answers joined by ";" (a number: "n" and one base-36 digit; a list: "a" and one character
  // per value, a base-36 digit, "T" or "F"; nothing: "z"). An entry goes back to the item with
  // its tag, wherever that item now stands: never to another item after the bank changed.
  // quizkit/scorm.py packs the worst case the same way to check the 4096-character limit.
  const TAG = 6;
  const itemsOnPage = () => Array.from(document.querySelectorAll("[data-quiz-item]"));
  const digit = (v) => (v === true ? "T" : v === false ? "F" : v.toString(36));
  const undigit = (c) => (c === "T" ? true : c === "F" ? false : parseInt(c, 36));
  function packUnit(state) {
    if (state === null || state === undefined) return "z";
    if (Array.isArray(state)) return "a" + state.map(digit).join("");
    return "n" + digit(state);
  }
  function unpackUnit(text) {
    if (text === "z") return null;
    if (text[0] === "n") return undigit(text.slice(1));
    return Array.from(text.slice(1)).map(undigit);
  }
  function pack(data) {
    const entries = itemsOnPage().map((item) => {
      const entry = data.items[item.dataset.quizItem];
      return entry && entry.h === item.dataset.quizHash ? item.dataset.quizTag + entry.s.map(packUnit).join(";") : "";
    });
    return `~${data.v}~${entries.join(",")}`;
  }
  function unpack(text) {
    const [, v, body] = text.split("~");
    const items = {};
    const byTag = new Map(body.split(",").filter(Boolean).map((entry) => [entry.slice(0, TAG), entry.slice(TAG)]));
    itemsOnPage().forEach((item) => {
      const entry = byTag.get(item.dataset.quizTag);
      if (entry === undefined) return;
      items[item.dataset.quizItem] = { h: item.dataset.quizHash, s: entry.split(";").map(unpackUnit), ok: null };
    });
    return { v: Number(v), items };
  }
  // The record saved in cmi.suspend_data (its text), or null.
  function fromLms(text) {
    try {
      // Packages before the packed form saved the record as JSON.
      const data = text.startsWith("~") ? unpack(text) : JSON.parse(text || "null");
      return data && typeof data === "object" ? data : null;
    } catch {
      return null;
    }
  }

  // SCORM 1.2 responses: options as letters, pairs as "statement.choice", a case per stage.
  // An option's code is one character, as SCORM 1.2 asks: a..z, then 0..9 (36, the most a
  // question may have).
  const letter = (n) => String.fromCharCode(n < 26 ? 97 + n : 22 + n);
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

  let done = false;
  function finish() {
    if (!lms || done) return;
    const secs = Math.round((Date.now() - started) / 1000);
    const pad = (n) => String(n).padStart(2, "0");
    if (credited) set("cmi.core.session_time", `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`);
    commit();
    done = true;
    call("LMSFinish", "");
  }
  // pagehide: the page goes away; a hidden tab may never come back (mobile browsers end it
  // without unload): commit what there is. A page kept in the back-forward cache (persisted)
  // may come back and go on: it commits and keeps its session, and finishes when it goes for good.
  window.addEventListener("pagehide", (event) => (event.persisted ? commit() : finish()));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && !done) commit();
  });

  if (lms) {
    Q.adapter = {
      // The learner's own option order follows the LMS's learner id, on every device.
      learner: () => get("cmi.core.student_id") || null,
      // A copy each time, as the browser's storage gives one: quiz.js changes what it loads
      // ("Begin opnieuw" keeps the record it wiped, to put it back).
      load(module) {
        if (!(module in memory)) {
          const saved = get("cmi.suspend_data");
          memory[module] = fromLms(saved);
          // Answers saved for another content version (the trainer replaced the package): quiz.js
          // starts afresh, and the learner is told why the answers are gone.
          const version = document.querySelector("[data-quiz-version]")?.dataset.quizVersion;
          // Any answers at all: an entry in the packed form, an item in the JSON of older packages.
          const answered = saved.startsWith("~")
            ? (saved.split("~")[2] ?? "").split(",").some(Boolean)
            : Object.keys(memory[module]?.items ?? {}).length > 0;
          if (memory[module] && String(memory[module].v) !== version && answered) tell("[data-scorm-version]");
        }
        return memory[module] && JSON.parse(JSON.stringify(memory[module]));
      },
      save(module, data) {
        changed = true;
        memory[module] = JSON.parse(JSON.stringify(data));
        if (!credited || done) return;
        const text = pack(data);
        // Never send more than SCORM 1.2 allows (the build checks that a module cannot exceed it).
        if (text.length <= LIMIT) must("cmi.suspend_data", text);
        commit();
      },
      report(module, result) {
        if (!credited || done) return;
        const status = result.passed ? "passed" : "failed";
        // A pass is never taken back or lowered: after a passed result (held or reported, also
        // held without a score), a failing or lower one leaves status and score as they are; its
        // answers still go into the journal.
        const keepsPass =
          current !== null &&
          current.status === "passed" &&
          (status === "failed" || (current.raw !== "" && result.pct < Number(current.raw)));
        const answers = new Map(result.items.map((item) => [item.id, JSON.stringify([item.ok, item.response])]));
        if (!reported) {
          // Before the learner changed anything, the answers are those restored from
          // suspend_data: nothing to add to the journal if the LMS holds their result already.
          const held = heldStatus === status && heldRaw !== "" && Number(heldRaw) === result.pct;
          reported = (held || keepsPass) && !changed ? answers : new Map();
          if (held) current = { status, raw: heldRaw };
        }
        const fresh = result.items.filter((item) => reported.get(item.id) !== answers.get(item.id));
        if (!fresh.length) return;
        reported = answers;
        if (!keepsPass) current = { status, raw: result.pct };
        if (journal) {
          const told = get("cmi.interactions._count");
          const count = /^\d+$/.test(told) ? Math.max(Number(told), next) : next;
          next = count + fresh.length;
          const kinds = types();
          const has = (name) => children.includes(name);
          fresh.forEach((item, k) => {
            const n = count + k;
            const type = kinds[item.id] || "choice";
            set(`cmi.interactions.${n}.id`, item.id);
            if (has("type")) set(`cmi.interactions.${n}.type`, type);
            try {
              if (has("student_response")) set(`cmi.interactions.${n}.student_response`, response(type, item.response));
            } catch {
              /* an odd saved answer: the result below still counts */
            }
            // The right answer in the same terms, for the LMS's reports beside the learner's.
            if (has("correct_responses")) set(`cmi.interactions.${n}.correct_responses.0.pattern`, response(type, item.key));
            set(`cmi.interactions.${n}.result`, item.ok ? "correct" : "wrong");
          });
        }
        commit();
      },
    };
  }
  // The package made as a test (data-quiz-test on its page, holding the note to show): an
  // item's first checked answer is final. quiz.js calls this when an answer is checked or put
  // back, also without an LMS; package.css hides the answer until then, and every "Opnieuw"
  // and "Begin opnieuw".
  Q.checked = (item) => {
    const page = document.querySelector("[data-quiz-test]");
    if (!page || item.dataset.quizFinal) return;
    item.dataset.quizFinal = "1";
    item.querySelectorAll("[data-quiz-unit] input, [data-quiz-unit] button").forEach((el) => (el.disabled = true));
    // aria-disabled, not disabled: the button keeps the focus it has.
    item.querySelector('[data-quiz-action="check"]').setAttribute("aria-disabled", "true");
    const note = document.createElement("p");
    note.className = "qk-package__final";
    // Where nothing counts (no LMS, or a launch to look at only), the note must not say it does.
    note.textContent = credited ? page.dataset.quizTest : page.dataset.quizTestUncounted;
    item.querySelector("[data-quiz-feedback]").after(note);
  };
  Q.scorm = { lms, credited, finish, pack, unpack };
})();
