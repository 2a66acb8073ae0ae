// Branching role-plays. The builder renders every step as linked text (templates/_scenario.html),
// readable without JavaScript; this script plays it one step at a time: native radios in a
// fieldset, feedback on the choice made, "Go back one step", and at an ending the path taken and
// a score per dimension against the best a path can reach. The path is saved with the course
// progress (store.js) as choice positions: {version, path, plays, best: {scores, end, at}}.
// Only builder-rendered trainer content is cloned into the player; nothing is parsed as HTML.
import { store } from "./store.js";
import { all, h } from "./dom.js";

const own = (object, name) => object !== null && typeof object === "object"
  && Object.prototype.hasOwnProperty.call(object, name);
const numbers = (text) => (text || "").split(" ").filter(Boolean).map(Number);
const sum = (values) => values.reduce((total, n) => total + n, 0);
const label = (dimension) => dimension.charAt(0).toUpperCase() + dimension.slice(1).replace(/-/g, " ");
const plays = (n) => `${n} time${n === 1 ? "" : "s"}`;
const NOT_KEPT = "This browser is not keeping your progress (storage is turned off or full), "
  + "so this result will be lost when you leave the page.";
const live = new Set();

/** The children of a builder-rendered element, copied. */
const copy = (element) => (element ? Array.from(element.cloneNode(true).childNodes) : []);

/** The saved entry of a role-play, or null when none fits this version of it. */
function entryOf(progress, id, version, dimensions) {
  const entry = own(progress, "scenarios") && own(progress.scenarios, id) ? progress.scenarios[id] : null;
  if (!entry || entry.version !== version || !Array.isArray(entry.path)
      || !entry.path.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const best = entry.best;
  const fits = own(best, "scores") && Array.isArray(best.scores) && best.scores.length === dimensions
    && best.scores.every(Number.isInteger);
  return { version, path: entry.path, plays: Number.isInteger(entry.plays) && entry.plays > 0 ? entry.plays : 0,
    best: fits ? { scores: best.scores, end: String(best.end || ""), at: String(best.at || "") } : null };
}

function button(text, action, secondary) {
  const element = h("button", { type: "button", class: `course-button${secondary ? " course-button--secondary" : ""}` }, text);
  element.addEventListener("click", action);
  return element;
}

class Scenario {
  constructor(root) {
    this.root = root;
    this.id = root.dataset.scenario;
    this.course = root.dataset.course;
    this.version = root.dataset.scenarioVersion;
    this.dimensions = root.dataset.dimensions.split(" ");
    this.best = numbers(root.dataset.best);
    this.nodes = new Map(all("[data-node]", root).map((node) => [node.dataset.node, node]));
    this.player = root.querySelector("[data-scenario-player]");
    this.path = [];
    this.saved = true;
    const entry = this.entry(store.get(this.course));
    if (entry && this.walk(entry.path)) this.path = entry.path;
    if (!this.walk(this.path)) throw new Error(`the start node "${root.dataset.start}" is missing`);
    root.querySelector("[data-scenario-steps]").hidden = true;
    this.player.hidden = false;
    root.setAttribute("data-scenario-init", "");
    this.show(false);
  }

  entry(progress) {
    return entryOf(progress, this.id, this.version, this.dimensions.length);
  }

  /** Follows choice positions from the start: the node reached, the steps taken and the scores
   * (null when the path does not fit the role-play). */
  walk(path) {
    let node = this.nodes.get(this.root.dataset.start);
    const steps = [];
    const scores = this.dimensions.map(() => 0);
    for (const index of path) {
      const choice = node && all("[data-next]", node)[index];
      if (!choice) return null;
      numbers(choice.dataset.scores).forEach((n, d) => { scores[d] += n; });
      steps.push(choice);
      node = this.nodes.get(choice.dataset.next);
    }
    return node ? { node, steps, scores } : null;
  }

  /** Moves to another path, saves it and shows its last step; `finished` counts a play that reached an ending. */
  go(path, finished) {
    this.path = path;
    const progress = store.get(this.course);
    const entry = this.entry(progress) || { version: this.version, path, plays: 0, best: null };
    const { node, scores } = this.walk(path);
    entry.path = path;
    if (finished && node.hasAttribute("data-ending")) {
      entry.plays += 1;
      if (!entry.best || sum(scores) > sum(entry.best.scores)) {
        entry.best = { scores, end: node.dataset.node, at: new Date().toISOString() };
      }
    }
    if (!own(progress, "scenarios")) progress.scenarios = {};
    progress.scenarios[this.id] = entry;
    this.saved = store.set(this.course, progress);
    this.show(true);
    syncTables(document);
  }

  show(focus) {
    const { node, steps, scores } = this.walk(this.path);
    const ending = node.hasAttribute("data-ending");
    const heading = h("h3", { class: "course-scenario__step", tabindex: "-1" },
      ending ? "How it ended" : `Step ${steps.length + 1}`);
    const parts = [heading];
    const last = steps[steps.length - 1];
    if (last) {
      const feedback = last.querySelector("[data-choice-feedback]");
      parts.push(h("div", { class: "course-scenario__feedback" },
        h("p", null, h("strong", null, "You chose: "), ...copy(last.querySelector("[data-choice-text]"))),
        ...(feedback ? [h("p", null, ...copy(feedback))] : [])));
    }
    parts.push(h("div", { class: "course-scenario__text" }, ...copy(node.querySelector("[data-node-text]"))));
    parts.push(ending ? this.result(steps, scores) : this.form(node, this.undone));
    this.undone = undefined;
    const actions = h("div", { class: "course-quiz__actions" });
    if (ending) actions.append(button("Play again", () => this.go([])));
    if (steps.length) {
      actions.append(button("Go back one step", () => {
        this.undone = this.path[this.path.length - 1]; // shown chosen again, to change or keep
        this.go(this.path.slice(0, -1));
      }, true));
    }
    parts.push(actions);
    if (!this.saved) parts.push(h("p", { class: "course-notice" }, NOT_KEPT));
    this.player.replaceChildren(...parts);
    // Hooks for tools and tests: where the learner is and, at an ending, the scores.
    this.player.dataset.node = node.dataset.node;
    if (ending) this.player.dataset.scores = scores.join(" ");
    else delete this.player.dataset.scores;
    if (focus) heading.focus();
  }

  form(node, chosen) {
    const name = `${this.root.id}__choice`; // "__" is in no slug: never a node anchor
    const error = h("p", { class: "course-scenario__error", id: `${name}-error`, hidden: "" },
      "Choose one of the options, then press Continue.");
    const fieldset = h("fieldset", { class: "course-question" },
      h("legend", { class: "course-question__legend" }, "What do you do?"),
      ...all("[data-next]", node).map((choice, i) => h("div", { class: "course-choice" },
        h("input", { class: "course-choice__input", type: "radio", name, id: `${name}-${i}`, value: String(i),
          ...(i === chosen ? { checked: "" } : {}) }),
        h("label", { class: "course-choice__label", for: `${name}-${i}` }, ...copy(choice.querySelector("[data-choice-text]"))))),
      error);
    const form = h("form", { class: "course-scenario__form", novalidate: "" }, fieldset,
      h("div", { class: "course-quiz__actions" }, h("button", { type: "submit", class: "course-button" }, "Continue")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const checked = form.querySelector("input:checked");
      if (checked) {
        this.go([...this.path, Number(checked.value)], true);
        return;
      }
      error.hidden = false;
      fieldset.setAttribute("aria-describedby", error.id);
      form.querySelector("input").focus();
    });
    return form;
  }

  result(steps, scores) {
    const entry = this.entry(store.get(this.course));
    const box = h("div", { class: "course-scenario__result" },
      h("h4", null, "Your path"),
      h("ol", { class: "course-scenario__path" }, ...steps.map((choice) => h("li", null, ...copy(choice.querySelector("[data-choice-text]"))))),
      h("h4", null, "How your choices came across"),
      h("p", null, "Each bar compares your score with the best that any path through this role-play can reach."),
      h("ul", { class: "course-scenario__scores" }, ...this.dimensions.map((dimension, d) => {
        const best = this.best[d];
        const share = best > 0 ? Math.min(1, Math.max(0, scores[d] / best)) : Number(scores[d] >= best);
        return h("li", { "data-dimension": dimension },
          h("span", { class: "course-scenario__dimension" }, `${label(dimension)}: ${scores[d]} out of a best possible ${best}`),
          h("span", { class: "course-scenario__bar", "aria-hidden": "true" },
            h("span", { style: `width:${Math.round(share * 100)}%` })));
      })));
    if (entry && entry.best) {
      box.append(h("p", null, `You have reached an ending ${plays(entry.plays)}. Your best play: `
        + `${describeScores(this.dimensions, entry.best.scores, this.best)}.`));
    }
    return box;
  }
}

const describeScores = (dimensions, scores, best) => dimensions
  .map((dimension, d) => `${label(dimension)} ${scores[d]} of ${best[d]}`).join(", ");

/** The progress page's role-play table: plays and best result of each. */
function syncTables(scope) {
  for (const table of all("[data-scenario-progress]", scope)) {
    const progress = store.get(table.dataset.scenarioProgress);
    for (const row of all("[data-scenario-ref]", table)) {
      const dimensions = row.dataset.dimensions.split(" ");
      const entry = entryOf(progress, row.dataset.scenarioRef, row.dataset.scenarioVersion, dimensions.length);
      row.querySelector("[data-scenario-plays]").textContent = String(entry ? entry.plays : 0);
      row.querySelector("[data-scenario-result]").textContent = entry && entry.best
        ? describeScores(dimensions, entry.best.scores, numbers(row.dataset.best)) : "Not played yet";
    }
    table.setAttribute("data-scenario-synced", "");
  }
}

/** Sets up every role-play and progress table in `scope`; safe to call again. */
function init(scope = document) {
  for (const scenario of live) if (!scenario.root.isConnected) live.delete(scenario); // pages swapped away
  for (const root of all("[data-scenario]:not([data-scenario-init])", scope)) {
    try {
      live.add(new Scenario(root));
    } catch (error) {
      console.error(`course: role-play "${root.dataset.scenario}" could not start:`, error);
    }
  }
  syncTables(scope);
}

init(document);
// Material's instant navigation swaps pages without running this module again (see quiz.js).
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(() => init(document));
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  for (const scenario of live) {
    const entry = scenario.entry(store.get(scenario.course));
    if (scenario.root.isConnected && entry && scenario.walk(entry.path)) {
      scenario.path = entry.path;
      scenario.show(false);
    }
  }
  syncTables(document);
});
window.addEventListener("storage", () => syncTables(document));
