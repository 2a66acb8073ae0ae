// @ts-check
// Branching role-plays. The builder renders every step as linked text (templates/_scenario.html),
// readable without JavaScript; this script plays it one step at a time: native radios in a
// fieldset, feedback on the choice made, "Go back one step", and at an ending the path taken and
// a score per dimension against the best a path can reach. The path is saved with the course
// progress (store.js) as choice positions: {version, path, plays, best: {scores, end, at}}.
// Reaching an ending fires `course:scenario-ended` (bubbling; detail {scenario, ending, dimensions,
// scores}), as a checked quiz fires `course:quiz-checked`.
// Only builder-rendered trainer content is cloned into the player; nothing is parsed as HTML.
import { all, Component, createAll, find, h, isObject, own, start } from "./dom.js";
import { messages } from "./messages.js";
import { store } from "./store.js";

/** @import { Change } from "./dom.js" */
/** @import { Progress } from "./store.js" */
/** @typedef {{ scores: number[], end: string, at: string }} BestPlay */
/** @typedef {{ version: string, path: number[], plays: number, best: BestPlay | null }} ScenarioEntry */
/** @typedef {{ node: HTMLElement, steps: HTMLElement[], scores: number[] }} Walk */
/** @typedef {{ scenario: string, ending: string, dimensions: string[], scores: number[] }} EndedDetail */

/** @param {string | undefined} text */
const numbers = (text) => (text || "").split(" ").filter(Boolean).map(Number);
/** @param {number[]} values */
const sum = (values) => values.reduce((total, n) => total + n, 0);
/**
 * A dimension's id as words: "getting-along" -> "Getting along".
 * @param {string} dimension
 */
const label = (dimension) => dimension.charAt(0).toUpperCase() + dimension.slice(1).replace(/-/g, " ");

/**
 * The children of a builder-rendered element, copied.
 * @param {Element | null} element
 */
const copy = (element) => (element ? Array.from(element.cloneNode(true).childNodes) : []);

/**
 * The saved best play, or null when it does not fit a role-play of `dimensions` dimensions.
 * @param {unknown} best
 * @param {number} dimensions
 * @returns {BestPlay | null}
 */
function bestPlay(best, dimensions) {
  if (!own(best, "scores")) return null;
  const scores = best.scores;
  if (!Array.isArray(scores) || scores.length !== dimensions || !scores.every(Number.isInteger)) return null;
  return { scores, end: String(best.end || ""), at: String(best.at || "") };
}

/**
 * The saved entry of a role-play, or null when none fits this version of it.
 * @param {Progress} progress
 * @param {string} id
 * @param {string} version
 * @param {number} dimensions
 * @returns {ScenarioEntry | null}
 */
function entryOf(progress, id, version, dimensions) {
  const entry = own(progress.scenarios, id) ? progress.scenarios[id] : null;
  if (!isObject(entry) || entry.version !== version || !Array.isArray(entry.path)) return null;
  const path = entry.path;
  if (!path.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const plays = Number.isInteger(entry.plays) && Number(entry.plays) > 0 ? Number(entry.plays) : 0;
  return { version, path, plays, best: bestPlay(entry.best, dimensions) };
}

/**
 * A best play in words: "Caring 2 of 2, Competency 1 of 2".
 * @param {string[]} dimensions
 * @param {number[]} scores
 * @param {number[]} best
 */
const describeScores = (dimensions, scores, best) =>
  dimensions
    .map((dimension, d) => messages.playScore(label(dimension), scores[d], best[d]))
    .join(messages.listSeparator);

/**
 * @param {string} text
 * @param {() => void} action
 * @param {boolean} [secondary]
 */
function button(text, action, secondary) {
  const element = h(
    "button",
    { type: "button", class: `course-button${secondary ? " course-button--secondary" : ""}` },
    text,
  );
  element.addEventListener("click", action);
  return element;
}

/** A role-play, played one step at a time in its player (data-scenario-player). */
export class Scenario extends Component {
  static moduleName = "scenario";
  static selector = "[data-scenario]";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    // Typed: TypeScript cannot infer fields that the methods called below also read.
    /** @type {string} */
    this.id = root.dataset.scenario || "";
    /** @type {string} the storage key */
    this.course = root.dataset.course || "";
    /** @type {string} */
    this.version = root.dataset.scenarioVersion || "";
    /** @type {string[]} */
    this.dimensions = (root.dataset.dimensions || "").split(" ");
    /** @type {number[]} the best score any path reaches, per dimension */
    this.best = numbers(root.dataset.best);
    /** @type {Map<string | undefined, HTMLElement>} */
    this.nodes = new Map(all("[data-node]", root).map((node) => [node.dataset.node, node]));
    /** @type {HTMLElement} */
    this.player = find("[data-scenario-player]", root);
    /** @type {number[]} the position of each choice made from the start */
    this.path = [];
    /** Whether the browser kept the last save. */
    this.kept = true;
    /** @type {number | undefined} the choice just taken back by "Go back one step", shown chosen again */
    this.undone = undefined;
    const entry = this.entry(store.get(this.course));
    if (entry && this.walk(entry.path)) this.path = entry.path;
    if (!this.walk(this.path)) throw new Error(`the start node "${root.dataset.start}" is missing`);
    this.show(false);
    find("[data-scenario-steps]", root).hidden = true;
    this.player.hidden = false;
  }

  /** @param {Progress} progress */
  entry(progress) {
    return entryOf(progress, this.id, this.version, this.dimensions.length);
  }

  /**
   * Follows choice positions from the start: the node reached, the steps taken and the scores
   * (null when the path does not fit the role-play).
   * @param {number[]} path
   * @returns {Walk | null}
   */
  walk(path) {
    let node = this.nodes.get(this.root.dataset.start);
    /** @type {HTMLElement[]} */
    const steps = [];
    const scores = this.dimensions.map(() => 0);
    for (const index of path) {
      const choice = node && all("[data-next]", node)[index];
      if (!choice) return null;
      numbers(choice.dataset.scores).forEach((n, d) => {
        scores[d] += n;
      });
      steps.push(choice);
      node = this.nodes.get(choice.dataset.next);
    }
    return node ? { node, steps, scores } : null;
  }

  /** The walk of the path the learner is on (always fits: every path set is walked first). */
  here() {
    return /** @type {Walk} */ (this.walk(this.path));
  }

  /**
   * Moves to another path, saves it and shows its last step; `finished` counts a play that reached an ending.
   * @param {number[]} path
   * @param {boolean} [finished]
   */
  go(path, finished = false) {
    this.path = path;
    const progress = store.get(this.course);
    const entry = this.entry(progress) || { version: this.version, path, plays: 0, best: null };
    const { node, scores } = this.here();
    const ended = finished && node.hasAttribute("data-ending");
    entry.path = path;
    if (ended) {
      entry.plays += 1;
      if (!entry.best || sum(scores) > sum(entry.best.scores)) {
        entry.best = { scores, end: node.dataset.node || "", at: new Date().toISOString() };
      }
    }
    progress.scenarios ||= {};
    progress.scenarios[this.id] = entry;
    this.kept = store.set(this.course, progress);
    this.show(true);
    if (finished) {
      // a choice made: where, which, its words, the scores so far, and the ending it led to (xapi.js reports it)
      const at = /** @type {Walk} */ (this.walk(path.slice(0, -1))).node;
      const chosen = /** @type {Walk} */ (this.walk(path)).steps.at(-1);
      const detail = {
        scenario: this.id,
        title: this.root.querySelector("h2, h3, h4")?.textContent?.trim() || this.id,
        node: at.dataset.node || "",
        choice: path[path.length - 1],
        text: chosen?.querySelector("[data-choice-text]")?.textContent?.trim() || "",
        ending: ended ? node.dataset.node || "" : null,
        dimensions: [...this.dimensions],
        scores,
      };
      this.root.dispatchEvent(new CustomEvent("course:scenario-chose", { bubbles: true, detail }));
    }
    if (ended) {
      /** @type {EndedDetail} */
      const detail = { scenario: this.id, ending: node.dataset.node || "", dimensions: [...this.dimensions], scores };
      this.root.dispatchEvent(new CustomEvent("course:scenario-ended", { bubbles: true, detail }));
    }
    this.notifySaved();
  }

  /**
   * Shows the step the learner is on: the choice just made and its feedback, the step's text, then its
   * choices, or at an ending the result.
   * @param {boolean} focus move focus to the step's heading
   */
  show(focus) {
    const { node, steps, scores } = this.here();
    const ending = node.hasAttribute("data-ending");
    const heading = h(
      "h3",
      { class: "course-scenario__step", tabindex: "-1" },
      ending ? messages.ending : messages.step(steps.length + 1),
    );
    /** @type {HTMLElement[]} */
    const parts = [heading];
    const last = steps[steps.length - 1];
    if (last) {
      const feedback = last.querySelector("[data-choice-feedback]");
      parts.push(
        h(
          "div",
          { class: "course-scenario__feedback" },
          h("p", null, h("strong", null, messages.youChose), ...copy(last.querySelector("[data-choice-text]"))),
          ...(feedback ? [h("p", null, ...copy(feedback))] : []),
        ),
      );
    }
    parts.push(h("div", { class: "course-scenario__text" }, ...copy(node.querySelector("[data-node-text]"))));
    parts.push(ending ? this.result(steps, scores) : this.form(node, this.undone));
    this.undone = undefined;
    const actions = h("div", { class: "course-quiz__actions" });
    if (ending) actions.append(button(messages.playAgain, () => this.go([])));
    if (steps.length) {
      actions.append(
        button(
          messages.goBack,
          () => {
            this.undone = this.path[this.path.length - 1];
            this.go(this.path.slice(0, -1));
          },
          true,
        ),
      );
    }
    parts.push(actions);
    if (!this.kept) parts.push(h("p", { class: "course-notice" }, messages.notKeptResult));
    this.player.replaceChildren(...parts);
    // Hooks for tools and tests: where the learner is and, at an ending, the scores.
    this.player.dataset.node = node.dataset.node;
    if (ending) this.player.dataset.scores = scores.join(" ");
    else delete this.player.dataset.scores;
    if (focus) heading.focus();
  }

  /**
   * The step's choices as radio buttons, and Continue.
   * @param {HTMLElement} node
   * @param {number | undefined} chosen the position to show chosen
   */
  form(node, chosen) {
    const name = `${this.root.id}__choice`; // "__" is in no slug: never a node anchor
    const error = h("p", { class: "course-scenario__error", id: `${name}-error`, hidden: "" }, messages.chooseOne);
    const fieldset = h(
      "fieldset",
      { class: "course-question" },
      h("legend", { class: "course-question__legend" }, messages.whatDoYouDo),
      ...all("[data-next]", node).map((choice, i) =>
        h(
          "div",
          { class: "course-choice" },
          h("input", {
            class: "course-choice__input",
            type: "radio",
            name,
            id: `${name}-${i}`,
            value: String(i),
            ...(i === chosen ? { checked: "" } : {}),
          }),
          h(
            "label",
            { class: "course-choice__label", for: `${name}-${i}` },
            ...copy(choice.querySelector("[data-choice-text]")),
          ),
        ),
      ),
      error,
    );
    const form = h(
      "form",
      { class: "course-scenario__form", novalidate: "" },
      fieldset,
      h(
        "div",
        { class: "course-quiz__actions" },
        h("button", { type: "submit", class: "course-button" }, messages.continue),
      ),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const checked = /** @type {HTMLInputElement | null} */ (form.querySelector("input:checked"));
      if (checked) {
        this.go([...this.path, Number(checked.value)], true);
        return;
      }
      error.hidden = false;
      fieldset.setAttribute("aria-describedby", error.id);
      find("input", form).focus();
    });
    return form;
  }

  /**
   * At an ending: the path taken, a bar per dimension against the best possible, and the best play so far.
   * @param {HTMLElement[]} steps
   * @param {number[]} scores
   */
  result(steps, scores) {
    const entry = this.entry(store.get(this.course));
    const box = h(
      "div",
      { class: "course-scenario__result" },
      h("h4", null, messages.yourPath),
      h(
        "ol",
        { class: "course-scenario__path" },
        ...steps.map((choice) => h("li", null, ...copy(choice.querySelector("[data-choice-text]")))),
      ),
      h("h4", null, messages.howItCameAcross),
      h("p", null, messages.barsCompare),
      h(
        "ul",
        { class: "course-scenario__scores" },
        ...this.dimensions.map((dimension, d) => {
          const best = this.best[d];
          const share = best > 0 ? Math.min(1, Math.max(0, scores[d] / best)) : Number(scores[d] >= best);
          return h(
            "li",
            { "data-dimension": dimension },
            h(
              "span",
              { class: "course-scenario__dimension" },
              messages.dimensionScore(label(dimension), scores[d], best),
            ),
            h(
              "span",
              { class: "course-scenario__bar", "aria-hidden": "true" },
              h("span", { style: `width:${Math.round(share * 100)}%` }),
            ),
          );
        }),
      ),
    );
    if (entry?.best) {
      const best = describeScores(this.dimensions, entry.best.scores, this.best);
      box.append(h("p", null, messages.endingsReached(entry.plays, best)));
    }
    return box;
  }

  /**
   * Back from the back/forward cache: show the step saved meanwhile on another page.
   * @param {Change} change
   */
  update(change) {
    if (change !== "restored") return;
    const entry = this.entry(store.get(this.course));
    if (entry && this.walk(entry.path)) {
      this.path = entry.path;
      this.show(false);
    }
  }
}

/** The progress page's role-play table: plays and best result of each. */
export class ScenarioTable extends Component {
  static moduleName = "scenario-progress";
  static selector = "[data-scenario-progress]";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    this.course = root.dataset.scenarioProgress || "";
    this.update();
  }

  update() {
    const progress = store.get(this.course);
    for (const row of all("[data-scenario-ref]", this.root)) {
      const dimensions = (row.dataset.dimensions || "").split(" ");
      const entry = entryOf(
        progress,
        row.dataset.scenarioRef || "",
        row.dataset.scenarioVersion || "",
        dimensions.length,
      );
      find("[data-scenario-plays]", row).textContent = String(entry ? entry.plays : 0);
      find("[data-scenario-result]", row).textContent = entry?.best
        ? describeScores(dimensions, entry.best.scores, numbers(row.dataset.best))
        : messages.notPlayed;
    }
    this.root.setAttribute("data-scenario-synced", ""); // tools and tests may wait for this
  }
}

/**
 * Starts every role-play and role-play table in `scope` that is not started yet; safe to call again.
 * @param {ParentNode} [scope]
 */
export function init(scope = document) {
  createAll(Scenario, scope);
  createAll(ScenarioTable, scope);
}

start(Scenario);
start(ScenarioTable);
