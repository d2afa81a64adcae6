// Test helper: answer every item of the quiz in this document, all right or all wrong, and
// press "Controleer" on each (or on the first `limit` items, or on the items at the indexes in
// `limit`). The key is read the way quiz.js reads it (data-quiz-key); answers are put in place
// by each type's own handler (window.quizkit.types[type].write), so a new question type needs no
// change here.
// Argument: "right" | "wrong" | [mode, limit].
(arg) => {
  const [mode, limit] = Array.isArray(arg) ? arg : [arg, Infinity];
  const { types } = window.quizkit;
  const all = (el, sel) => Array.from(el.querySelectorAll(sel));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const keysOf = (item) => {
    const id = item.dataset.quizItem;
    const raw = atob(item.dataset.quizKey);
    let json = "";
    for (let i = 0; i < raw.length; i++) json += String.fromCharCode(raw.charCodeAt(i) ^ id.charCodeAt(i % id.length));
    const key = JSON.parse(json);
    return item.dataset.quizType === "case" ? key : [key];
  };
  // Answers near the key: another value for one part, the parts reversed, fewer parts.
  const nearby = (key) => {
    const values = (v) => (typeof v === "boolean" ? [!v] : typeof v === "number" ? [v + 1, v - 1, 0] : []);
    if (!Array.isArray(key)) return values(key);
    const found = [[...key].reverse()];
    key.forEach((v, i) => values(v).forEach((w) => found.push(key.map((x, j) => (j === i ? w : x)))));
    key.forEach((_, i) => found.push(key.filter((__, j) => j !== i)));
    return found;
  };
  // The first answer near the key that the unit can show and that is not right, once written.
  const wrong = (unit, handler, key) => {
    for (const state of nearby(key)) {
      if (!handler.valid(unit, state)) continue;
      handler.write(unit, state);
      const shown = handler.read(unit);
      if (shown !== null && !same(shown, key)) return;
    }
    throw new Error(`no wrong answer found for ${unit.dataset.quizUnit} ${JSON.stringify(key)}`);
  };
  const items = all(document, "[data-quiz-item]");
  const chosen = Array.isArray(limit) ? items.filter((_, i) => limit.includes(i)) : items.slice(0, limit);
  for (const item of chosen) {
    const keys = keysOf(item);
    all(item, "[data-quiz-unit]").forEach((unit, u) => {
      const handler = types[unit.dataset.quizUnit];
      if (mode === "right") handler.write(unit, keys[u]);
      else wrong(unit, handler, keys[u]);
    });
    item.querySelector('[data-quiz-action="check"]').click();
  }
  return chosen.length;
}
