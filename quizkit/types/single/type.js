/* single: the chosen option's index (radio buttons). */
(() => {
  "use strict";
  const { types, shared } = window.quizkit;
  types.single = {
    read: (unit) => {
      const input = unit.querySelector("input:checked");
      return input ? +input.value : null;
    },
    write: (unit, state) => shared.tick(unit, state),
    feedback: (state) => [state],
    count: () => null,
    shuffle(unit, random) {
      const options = shared.all(unit, ".qk-q__option");
      shared.reorder(options, shared.permutation(options.length, random));
    },
    valid: (unit, state) => Number.isInteger(state) && state >= 0 && state < shared.all(unit, "input").length,
  };
})();
