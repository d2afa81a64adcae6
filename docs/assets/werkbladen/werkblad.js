/* Worksheets (macros/worksheets.py, overrides/halk/worksheet.html): fill in, print, clear, and an
   opt-in draft. Nothing is sent anywhere. Nothing is stored unless the reader ticks "Concept
   bewaren": then one localStorage entry per sheet (halk-werkblad:<sheet>) with the time it was
   saved, removed after DRAFT_HOURS, by "Wissen" or by unticking. Re-initialised on every page
   Material's instant navigation swaps in (document$). */
(() => {
  "use strict";
  if (window.__halkWorksheets) return; // loaded again by instant navigation: already subscribed
  window.__halkWorksheets = true;

  const PREFIX = "halk-werkblad:";
  const DRAFT_HOURS = 24;
  const TTL = DRAFT_HOURS * 3600 * 1000;
  const VERSION = 1;

  const two = (n) => String(n).padStart(2, "0");
  const isoToday = () => {
    const d = new Date();
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  };
  const dutchDate = (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : iso;
  };
  const clock = (ms) => {
    const d = new Date(ms);
    return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()} om ${two(d.getHours())}:${two(d.getMinutes())}`;
  };

  function storage() {
    try {
      return window.localStorage;
    } catch {
      return null; // storage blocked: drafts are simply unavailable
    }
  }

  /* Read a draft; an expired or unreadable one is removed. */
  function readDraft(key) {
    const store = storage();
    if (!store) return { draft: null, expired: false };
    const raw = store.getItem(key);
    if (raw === null) return { draft: null, expired: false };
    let draft;
    try {
      draft = JSON.parse(raw);
    } catch {
      draft = null;
    }
    const now = Date.now();
    const valid =
      draft &&
      draft.version === VERSION &&
      typeof draft.savedAt === "number" &&
      draft.savedAt <= now &&
      now - draft.savedAt < TTL &&
      now < draft.expiresAt;
    if (!valid) {
      store.removeItem(key);
      return { draft: null, expired: true };
    }
    return { draft, expired: false };
  }

  class Sheet {
    constructor(root) {
      this.root = root;
      this.id = root.dataset.sheet;
      this.key = PREFIX + this.id;
      this.status = root.querySelector("[data-ws-status]");
      this.draftBox = root.querySelector('[data-ws-toggle="draft"]');
      this.promptBox = root.querySelector('[data-ws-toggle="prompts"]');
      this.table = root.querySelector(".halk-ws__grid--parties");
      this.maxParties = Number(root.dataset.maxParties || 0);
      this.saveTimer = 0;
      if (this.table) {
        this.partyTemplate = this.partyColumn(0).map((el) => el.cloneNode(true));
        this.defaultParties = this.partyNames();
        this.serial = this.defaultParties.length;
      }
      for (const el of root.querySelectorAll(".halk-ws__tools, .halk-ws__draft, .halk-ws__remove")) el.hidden = false;
      root.classList.add("halk-ws--js");
      root.addEventListener("input", (event) => this.onInput(event));
      root.addEventListener("change", (event) => this.onChange(event));
      root.addEventListener("click", (event) => this.onClick(event));
      this.setToday();
      this.restore();
      this.refreshAll();
      this.showPrompts(this.promptBox.checked);
    }

    fields() {
      return [...this.root.querySelectorAll(".halk-ws__input")];
    }

    /* The header cell and the body cells of party column ``index``. */
    partyColumn(index) {
      const rows = [this.table.tHead.rows[0], ...this.table.tBodies[0].rows];
      return rows.map((row) => row.cells[index + 1]);
    }

    partyCount() {
      return this.table.tHead.rows[0].cells.length - 1;
    }

    partyNames() {
      return [...this.table.querySelectorAll("[data-party-name]")].map((input) => input.value);
    }

    setToday() {
      for (const input of this.root.querySelectorAll("[data-today]")) input.value = isoToday();
    }

    /* The print mirror shows what the field holds; an empty field prints as ruled lines. */
    refresh(input) {
      const field = input.closest("[data-field]");
      const mirror = field.querySelector(".halk-ws__print");
      const value = input.value.trim();
      mirror.textContent = input.type === "date" ? dutchDate(value) : input.value.replace(/\s+$/, "");
      field.toggleAttribute("data-filled", value !== "");
      if (input.matches("[data-party-name]")) this.renameParty(input);
    }

    refreshAll() {
      for (const input of this.fields()) this.refresh(input);
      if (this.table) this.numberParties();
    }

    /* Every cell label, the field names (aria-labelledby) and the remove button follow the name. */
    renameParty(input) {
      const th = input.closest("th");
      const index = th.cellIndex - 1;
      const name = input.value.trim() || `Betrokkene ${index + 1}`;
      th.querySelector(".halk-ws__party-text").textContent = name;
      th.querySelector("[data-party-ref]").textContent = input.value.trim() || `betrokkene ${index + 1}`;
      for (const cell of this.partyColumn(index).slice(1)) cell.querySelector("[data-party-label]").textContent = name;
    }

    numberParties() {
      const count = this.partyCount();
      for (let i = 0; i < count; i++) {
        const [th] = this.partyColumn(i);
        th.querySelector("[data-party-number]").textContent = String(i + 1);
        this.renameParty(th.querySelector("[data-party-name]"));
        th.querySelector('[data-ws-action="remove-party"]').disabled = count === 1;
      }
      this.table.dataset.columns = String(count);
      this.root.querySelector('[data-ws-action="add-party"]').disabled = count >= this.maxParties;
    }

    /* A new, empty party column with fresh ids (labels and aria-labelledby follow). */
    addParty(name = "") {
      if (this.partyCount() >= this.maxParties) return null;
      const n = ++this.serial;
      const base = `${this.id}-q${n}`;
      const rows = [this.table.tHead.rows[0], ...this.table.tBodies[0].rows];
      const cells = this.partyTemplate.map((cell) => cell.cloneNode(true));
      const [th, ...tds] = cells;
      const nameInput = th.querySelector("[data-party-name]");
      nameInput.id = base;
      nameInput.value = name;
      th.querySelector("label").htmlFor = base;
      th.querySelector(".halk-ws__party-text").id = `${base}-tekst`;
      th.querySelector(".halk-ws__remove").hidden = false;
      tds.forEach((td, r) => {
        const area = td.querySelector("textarea");
        area.id = `${base}-r${r + 1}`;
        area.value = "";
        area.setAttribute("aria-labelledby", `${this.id}-r${r + 1} ${base}-tekst`);
      });
      cells.forEach((cell, i) => rows[i].appendChild(cell));
      this.rekey();
      for (const cell of cells) for (const input of cell.querySelectorAll(".halk-ws__input")) this.refresh(input);
      this.numberParties();
      return nameInput;
    }

    removeParty(index) {
      if (this.partyCount() <= 1) return;
      const cells = this.partyColumn(index);
      const name = cells[0].querySelector(".halk-ws__party-text").textContent;
      const filled = cells.some((cell) => [...cell.querySelectorAll(".halk-ws__input")].some((i) => i.value.trim()));
      if (filled && !window.confirm(`Kolom ‘${name}’ met wat erin staat verwijderen?`)) return;
      const next = this.partyColumn(Math.min(index + 1, this.partyCount() - 1))[0];
      for (const cell of cells) cell.remove();
      this.rekey();
      this.numberParties();
      // Focus was on the removed button: move it to a neighbouring column's name.
      const target = next.isConnected ? next : this.partyColumn(this.partyCount() - 1)[0];
      target.querySelector("[data-party-name]").focus();
      this.say(`Kolom ‘${name}’ verwijderd.`);
      this.changed();
    }

    /* Draft keys follow the column's position. */
    rekey() {
      for (let i = 0; i < this.partyCount(); i++) {
        const [th, ...tds] = this.partyColumn(i);
        th.querySelector("[data-party-name]").dataset.key = `p${i}`;
        tds.forEach((td, r) => (td.querySelector("textarea").dataset.key = `r${r}-p${i}`));
      }
    }

    showPrompts(on) {
      // While shown, a grid cell's examples (its own, or its row's) are read with its field.
      for (const input of this.fields()) {
        const ids = (input.dataset.hints || "").split(" ").filter(Boolean);
        const cell = input.closest("td");
        if (on && cell) {
          for (const p of cell.parentElement.querySelectorAll("[data-prompt]")) {
            if (p.closest("td") === cell || p.closest("th")) ids.push(p.id);
          }
        }
        if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
        else input.removeAttribute("aria-describedby");
      }
    }

    say(text) {
      this.status.textContent = "";
      window.setTimeout(() => (this.status.textContent = text), 50);
    }

    onInput(event) {
      if (!event.target.matches(".halk-ws__input")) return;
      this.refresh(event.target);
      this.changed();
    }

    onChange(event) {
      const target = event.target;
      if (target === this.promptBox) this.showPrompts(target.checked);
      else if (target === this.draftBox) {
        if (target.checked) {
          this.save();
          this.say(`Concept bewaard in deze browser tot ${clock(Date.now() + TTL)}.`);
        } else {
          this.forget();
          this.say("Concept verwijderd uit deze browser; er wordt niets meer bewaard.");
        }
      } else if (target.matches(".halk-ws__input")) {
        this.refresh(target);
        this.changed();
      }
    }

    onClick(event) {
      const button = event.target.closest("[data-ws-action]");
      if (!button || button.disabled) return;
      const action = button.dataset.wsAction;
      if (action === "print") window.print();
      else if (action === "clear") this.clear();
      else if (action === "add-party") {
        const input = this.addParty();
        if (input) {
          input.focus();
          this.say(`Kolom ${this.partyCount()} toegevoegd.`);
          this.changed();
        }
      } else if (action === "remove-party") this.removeParty(button.closest("th").cellIndex - 1);
    }

    changed() {
      if (!this.draftBox.checked) return;
      window.clearTimeout(this.saveTimer);
      this.saveTimer = window.setTimeout(() => this.save(), 300);
    }

    save() {
      const store = storage();
      if (!store || !this.draftBox.checked) return;
      const now = Date.now();
      const fields = {};
      for (const input of this.fields()) if (input.value.trim()) fields[input.dataset.key] = input.value;
      const draft = { version: VERSION, savedAt: now, expiresAt: now + TTL, fields };
      if (this.table) draft.parties = this.partyCount();
      try {
        store.setItem(this.key, JSON.stringify(draft));
      } catch {
        this.say("Het concept kon niet worden bewaard (de opslag van deze browser is vol of geblokkeerd).");
      }
    }

    forget() {
      window.clearTimeout(this.saveTimer);
      const store = storage();
      if (store) store.removeItem(this.key);
    }

    restore() {
      const { draft, expired } = readDraft(this.key);
      if (expired) {
        this.say(`Het bewaarde concept was ouder dan ${DRAFT_HOURS} uur en is gewist.`);
        return;
      }
      if (!draft) return;
      if (this.table) {
        const want = Math.max(1, Math.min(this.maxParties, Number(draft.parties) || 1));
        while (this.partyCount() > want) for (const cell of this.partyColumn(this.partyCount() - 1)) cell.remove();
        while (this.partyCount() < want) this.addParty();
        this.rekey();
      }
      for (const input of this.fields()) {
        const value = draft.fields[input.dataset.key];
        if (typeof value === "string") input.value = value;
        else if (!input.matches("[data-today]")) input.value = "";
      }
      this.draftBox.checked = true;
      this.say(`Concept uit deze browser teruggezet (bewaard op ${clock(draft.savedAt)}; gewist na ${DRAFT_HOURS} uur).`);
    }

    clear() {
      const typed = (i) => i.value.trim() && !i.matches("[data-today], [data-party-name]");
      const anything = this.fields().some(typed) || this.draftBox.checked;
      if (anything && !window.confirm("Alles op dit werkblad wissen? Een bewaard concept wordt ook verwijderd.")) return;
      this.forget();
      this.draftBox.checked = false;
      if (this.table) {
        while (this.partyCount() > 1) for (const cell of this.partyColumn(this.partyCount() - 1)) cell.remove();
        const first = this.partyColumn(0);
        for (const name of this.defaultParties.slice(1)) this.addParty(name);
        this.rekey();
        first[0].querySelector("[data-party-name]").value = this.defaultParties[0];
      }
      for (const input of this.fields()) if (!input.matches("[data-party-name]")) input.value = "";
      this.setToday();
      this.refreshAll();
      this.say("Het werkblad is leeg; er is niets bewaard.");
    }
  }

  // Autofill or a restored page may change fields without an input event: mirror them all.
  window.addEventListener("beforeprint", () => {
    for (const root of document.querySelectorAll(".halk-ws[data-sheet]")) if (root.halkSheet) root.halkSheet.refreshAll();
  });

  function start() {
    for (const root of document.querySelectorAll(".halk-ws[data-sheet]")) {
      if (!root.halkSheet) root.halkSheet = new Sheet(root);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
