/* classify: a category index per statement (a radio group per statement). */
(() => {
  "use strict";
  const { types, shared } = window.quizkit;
  types.classify = {
    ...shared.groups,
    valid: (unit, state) => {
      const groups = shared.all(unit, "[data-quiz-group]");
      return (
        Array.isArray(state) &&
        state.length === groups.length &&
        state.every((v, i) => Number.isInteger(v) && v >= 0 && v < shared.all(groups[i], "input").length)
      );
    },
  };
})();
