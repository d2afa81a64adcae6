/* phrasing: the chosen sentence's index, read and written as a single option is. */
(() => {
  "use strict";
  const { types } = window.quizkit;
  types.phrasing = types.single;
})();
