/* truefalse: true or false per statement (a radio pair per statement). */
(() => {
  "use strict";
  const { types, shared } = window.quizkit;
  types.truefalse = {
    ...shared.groups,
    valid: (unit, state) =>
      Array.isArray(state) && state.length === shared.all(unit, "[data-quiz-group]").length && state.every((v) => typeof v === "boolean"),
  };
})();
