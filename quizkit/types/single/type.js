/* single: the chosen option's index (radio buttons). */
(() => {
  "use strict";
  const { types, shared } = window.quizkit;
  types.single = {
    read: (unit) => {
      const input = unit.querySelector("input:checked");
      return input ? +input.value : null;
    },
    ...shared.options,
    feedback: (state) => [state],
    valid: (unit, state) => Number.isInteger(state) && state >= 0 && state < shared.all(unit, "input").length,
  };
})();
