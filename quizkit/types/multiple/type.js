/* multiple: the sorted indexes of the ticked options (checkboxes). */
(() => {
  "use strict";
  const { types, shared } = window.quizkit;
  types.multiple = {
    read: (unit) => {
      // Sorted, as the key is: the options may be shown in the learner's own order.
      const chosen = shared.all(unit, "input:checked")
        .map((i) => +i.value)
        .sort((a, b) => a - b);
      return chosen.length ? chosen : null;
    },
    ...shared.options,
    feedback: (state) => state,
    // How many of the right options were ticked: a wrong answer may only have missed some.
    count: (state, key) => state.filter((v) => key.includes(v)).length,
    counted: "options_right",
    valid: (unit, state) => {
      const n = shared.all(unit, "input").length;
      return Array.isArray(state) && state.length && state.every((v) => Number.isInteger(v) && v >= 0 && v < n);
    },
  };
})();
