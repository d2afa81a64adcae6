// Test helper: answer every item of the quiz in this document, all right or all wrong, and
// press "Controleer" on each (or on the first `limit` items, or on the items at the indexes in
// `limit`). The key is read the way quiz.js reads it (data-quiz-key).
// Argument: "right" | "wrong" | [mode, limit].
(arg) => {
  const [mode, limit] = Array.isArray(arg) ? arg : [arg, Infinity];
  const all = (el, sel) => Array.from(el.querySelectorAll(sel));
  const keysOf = (item) => {
    const id = item.dataset.quizItem;
    const raw = atob(item.dataset.quizKey);
    let json = "";
    for (let i = 0; i < raw.length; i++) json += String.fromCharCode(raw.charCodeAt(i) ^ id.charCodeAt(i % id.length));
    const key = JSON.parse(json);
    return item.dataset.quizType === "case" ? key : [key];
  };
  const wrong = (type, key, unit) => {
    if (type === "ordering") return [...key].reverse();
    if (type === "truefalse") return key.map((v) => !v);
    if (type === "classify") {
      const n = all(unit, "[data-quiz-group]")[0].querySelectorAll("input").length;
      return key.map((v) => (v + 1) % n);
    }
    const n = all(unit, "input").length;
    if (type === "multiple") return [Array.from({ length: n }, (_, i) => i).find((i) => !key.includes(i))];
    return (key + 1) % n;
  };
  const set = (unit, state) => {
    const type = unit.dataset.quizUnit;
    if (type === "ordering") {
      const list = unit.querySelector("ol");
      const steps = all(list, "[data-quiz-step]");
      state.forEach((n) => list.appendChild(steps.find((li) => +li.dataset.quizStep === n)));
      return;
    }
    const groups = all(unit, "[data-quiz-group]");
    const pick = (scope, value) =>
      all(scope, "input").forEach((input) => {
        const v = JSON.parse(input.value);
        if (Array.isArray(value) ? value.includes(v) : value === v) input.click();
      });
    if (groups.length) groups.forEach((g, k) => pick(g, state[k]));
    else pick(unit, state);
  };
  const items = all(document, "[data-quiz-item]");
  const chosen = Array.isArray(limit) ? items.filter((_, i) => limit.includes(i)) : items.slice(0, limit);
  for (const item of chosen) {
    const keys = keysOf(item);
    all(item, "[data-quiz-unit]").forEach((unit, u) => {
      set(unit, mode === "right" ? keys[u] : wrong(unit.dataset.quizUnit, keys[u], unit));
    });
    item.querySelector('[data-quiz-action="check"]').click();
  }
  return chosen.length;
}
