/* ordering: the shown positions of the steps in their current order; Omhoog/Omlaag move them. */
(() => {
  "use strict";
  const { types, shared } = window.quizkit;
  const steps = (list) => shared.all(list, "[data-quiz-step]");

  // The first step cannot go up, the last cannot go down (setAttribute writes "true", "false").
  function edges(list) {
    const all = steps(list);
    all.forEach((li, i) => {
      li.querySelector("[data-quiz-action=up]").setAttribute("aria-disabled", i === 0);
      li.querySelector("[data-quiz-action=down]").setAttribute("aria-disabled", i === all.length - 1);
    });
  }

  types.ordering = {
    read: (unit) => steps(unit).map((li) => +li.dataset.quizStep),
    // No state ("Opnieuw", "Begin opnieuw"): back to the learner's own starting order (shuffle).
    write(unit, state) {
      const list = unit.querySelector("ol");
      const shown = steps(list);
      (state || unit.start).forEach((n) => list.appendChild(shown.find((li) => +li.dataset.quizStep === n)));
      edges(list);
    },
    feedback: () => [],
    count: (state, key) => state.filter((v, i) => v === key[i]).length,
    counted: "steps_right",
    valid(unit, state) {
      const n = steps(unit).length;
      return Array.isArray(state) && state.length === n && [...state].sort((a, b) => a - b).every((v, i) => v === i);
    },
    // Reported to the LMS as the steps' places in the bank: a right answer reads a, b, c, d.
    authored: (state, key) => state.map((shown) => key.indexOf(shown)),
    ready(unit) {
      edges(unit.querySelector("ol"));
      // The help names the buttons, so it describes the question only once they are there.
      // (Once: init runs once per quiz.)
      const help = unit.querySelector("[data-quiz-help]");
      if (help) unit.setAttribute("aria-describedby", `${unit.getAttribute("aria-describedby") || ""} ${help.id}`.trim());
    },
    // The learner's own starting order, never the solved one.
    shuffle(unit, random, key) {
      const shown = steps(unit);
      let order = shared.permutation(shown.length, random);
      if (order.every((step, i) => step === key[i])) order = [...order.slice(1), order[0]];
      // The order the learner starts from, kept for write(unit, null) on the unit (a fieldset:
      // "start" is no property of its own).
      shared.reorder(shown, (unit.start = order));
    },
    act(action, button, say) {
      if ((action !== "up" && action !== "down") || button.getAttribute("aria-disabled") === "true") return false;
      const li = button.closest("[data-quiz-step]");
      const list = li.parentNode;
      const other = action === "up" ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return false;
      // Move the neighbour, not the step itself, so that focus stays on the pressed button.
      list.insertBefore(other, action === "up" ? li.nextElementSibling : li);
      edges(list);
      const text = li.querySelector(".qk-q__step-text").textContent.trim();
      const unit = li.closest("[data-quiz-unit]");
      const shown = steps(list);
      unit.querySelector("[data-quiz-moves]").textContent = say("moved", { step: text, pos: shown.indexOf(li) + 1, total: shown.length });
      return true;
    },
  };
})();
