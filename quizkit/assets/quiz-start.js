/* Starts the quizzes once the core and every question type are loaded; with Material's instant
   navigation, again on every page it swaps in (document$). */
(() => {
  "use strict";
  const quiz = window.quizkit.quiz;
  if (quiz.started) return; // loaded again by instant navigation: already subscribed
  quiz.started = true;
  const start = quiz.start;
  if (typeof window.document$?.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
