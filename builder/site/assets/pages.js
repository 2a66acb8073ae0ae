// @ts-check
// The views of saved progress: the progress table, the passed marks on the home and module pages,
// and the certificate. Each is a component (dom.js) that shows the progress when it starts and again
// whenever progress changes. Everything is written with DOM nodes and textContent, never as HTML.
import { all, Component, find, h, icon } from "./dom.js";
import { longDate, messages } from "./messages.js";
import { entryFor, store } from "./store.js";

/** @import { ComponentClass } from "./dom.js" */
/** @import { Progress, QuizEntry } from "./store.js" */
/** @typedef {"not-started" | "attempted" | "passed"} State */

/**
 * How a learner stands with the quizzes an element follows.
 * @typedef {object} Status
 * @property {QuizEntry | undefined} entry the first quiz's saved entry
 * @property {QuizEntry[]} entries every saved entry of the group
 * @property {number} count quizzes passed
 * @property {number} total quizzes in the group
 * @property {boolean} single a group of one (a lesson's quiz)
 * @property {string} best the best score of one quiz, or how many of a group are passed
 * @property {boolean} passed all passed
 * @property {State} state
 */

/**
 * Status of the quizzes an element follows (data-quiz-group="id:version:pass-mark ..."): passed when all
 * are; a group of one (a lesson's quiz) shows its best score, a larger one how many are passed.
 * @param {Progress} progress
 * @param {HTMLElement} element
 * @returns {Status}
 */
function statusOf(progress, element) {
  const group = (element.dataset.quizGroup || "").split(" ").map((quiz) => quiz.split(":"));
  /** @type {QuizEntry[]} */
  const entries = [];
  let count = 0;
  for (const [ref, version, mark] of group) {
    const entry = entryFor(progress, ref, version);
    if (entry) entries.push(entry);
    count += Number(Boolean(entry) && /** @type {QuizEntry} */ (entry).best >= Number(mark));
  }
  const passed = count === group.length;
  const entry = entries[0];
  const single = group.length === 1;
  const best = !entry
    ? messages.noScore
    : single
      ? messages.percent(entry.best)
      : messages.groupPassed(count, group.length);
  return {
    entry,
    entries,
    count,
    total: group.length,
    single,
    best,
    passed,
    state: passed ? "passed" : entry ? "attempted" : "not-started",
  };
}

/** @param {State} state */
const statusLabel = (state) =>
  h(
    "span",
    { class: `course-status course-status--${state}` },
    icon(messages.statusSymbol[state]),
    " ",
    messages.status[state],
  );

/**
 * Tools and tests may wait for this mark, as they wait for a quiz's check button.
 * @param {HTMLElement} view
 */
const shown = (view) => view.setAttribute("data-course-synced", "");

/** The progress page: each lesson's (or module's) status and best result, and the course's. */
export class ProgressPage extends Component {
  static moduleName = "course-progress";
  static selector = "[data-course-progress]";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    this.course = root.dataset.courseProgress || "";
    this.overall = find("[data-progress-overall]", root);
    this.update();
  }

  update() {
    const progress = store.get(this.course);
    let passed = 0;
    let total = 0;
    let started = 0;
    for (const row of all("tr[data-quiz-group]", this.root)) {
      const status = statusOf(progress, row);
      row.dataset.status = status.state;
      find("[data-progress-status]", row).replaceChildren(statusLabel(status.state));
      find("[data-progress-best]", row).textContent = status.best;
      passed += status.count;
      total += status.total;
      started += Number(Boolean(status.entry));
    }
    const state = passed === total ? "complete" : started ? "in-progress" : "not-started";
    const parts = {
      complete: [h("strong", null, messages.courseComplete), messages.passedAll(total)],
      "in-progress": [h("strong", null, messages.inProgress), messages.passedSome(passed, total)],
      "not-started": [h("strong", null, messages.notStarted), messages.noQuizYet],
    }[state];
    const certificate = this.overall.dataset.certificateUrl;
    if (state === "complete" && certificate) {
      parts.push(h("a", { href: certificate }, messages.getCertificate), messages.afterCertificateLink);
    }
    this.overall.dataset.courseStatus = state;
    // with the xapi option the results also go to the organisation's learning records: never say "nothing is sent"
    const kept = document.getElementById("course-xapi") ? messages.keptResultsSent : messages.keptResults;
    this.overall.replaceChildren(...parts, store.available() ? kept : messages.notKeptResults);
    shown(this.root);
  }
}

/** The home or a module page: a mark beside each lesson whose quiz is passed. */
export class PassedMarks extends Component {
  static moduleName = "passed-marks";
  static selector = ".course-home[data-course], .course-module[data-course]";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    this.course = root.dataset.course || "";
    this.update();
  }

  update() {
    const progress = store.get(this.course);
    for (const mark of all("[data-lesson-passed][data-quiz-group]", this.root)) {
      mark.hidden = !statusOf(progress, mark).passed;
    }
    shown(this.root);
  }
}

/**
 * The certificate page: which quizzes are still to pass; once all are, the certificate with the best
 * scores, the date and the learner's name.
 */
export class CertificatePage extends Component {
  static moduleName = "certificate";
  static selector = "[data-certificate-page]";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    this.course = root.dataset.certificatePage || "";
    this.nameForm = new NameForm(root, (name) => {
      const progress = store.get(this.course);
      progress.name = name;
      store.set(this.course, progress);
    });
    this.update();
  }

  update() {
    const progress = store.get(this.course);
    const statuses = this.showRequirements(progress);
    const unlocked = statuses.every((status) => status.passed);
    this.root.dataset.certificateStatus = unlocked ? "unlocked" : "locked";
    const missing = statuses.reduce((sum, status) => sum + status.total - status.count, 0);
    find("[data-certificate-summary]", this.root).textContent = unlocked
      ? messages.certificateReady
      : messages.certificateLocked(missing);
    find("[data-certificate-locked]", this.root).hidden = unlocked;
    find("[data-certificate-unlocked]", this.root).hidden = !unlocked;
    if (unlocked) {
      this.showScores(statuses);
      showDate(all("[data-certificate-date], [data-certificate-issued]", this.root), certificateDate(statuses));
      if (progress.name) this.nameForm.fill(progress.name);
    }
    shown(this.root);
  }

  /**
   * Each requirement's status, shown in its list item.
   * @param {Progress} progress
   * @returns {(Status & { ref: string })[]}
   */
  showRequirements(progress) {
    return all("[data-certificate-requirement]", this.root).map((item) => {
      const status = statusOf(progress, item);
      item.dataset.status = status.state;
      const best = status.single ? messages.requirementBest(status.best) : messages.requirementGroup(status.best);
      find("[data-requirement-status]", item).replaceChildren(statusLabel(status.state), status.entry ? best : "");
      return { ...status, ref: item.dataset.certificateRequirement || "" };
    });
  }

  /**
   * The certificate's best scores: a quiz's own, a module's the mean of its quizzes' best scores, rounded
   * down as the SCORM score is.
   * @param {(Status & { ref: string })[]} statuses
   */
  showScores(statuses) {
    for (const cell of all("[data-certificate-score]", this.root)) {
      const status = statuses.find((s) => s.ref === cell.dataset.certificateScore);
      if (!status?.entry) cell.textContent = messages.noScore;
      else if (status.single) cell.textContent = status.best;
      else {
        const mean = Math.floor(status.entries.reduce((sum, entry) => sum + entry.best, 0) / status.total);
        cell.textContent = messages.averageOver(mean, status.total);
      }
    }
  }
}

/**
 * The certificate's date: the day the last quiz was first passed (today when no date was kept).
 * @param {Status[]} statuses
 */
function certificateDate(statuses) {
  const dates = statuses
    .flatMap((status) => status.entries.map((entry) => entry.passedAt))
    .filter((date) => date && !Number.isNaN(Date.parse(date)))
    .sort();
  return new Date(dates.length ? /** @type {string} */ (dates[dates.length - 1]) : Date.now());
}

/**
 * Writes `date` into each slot as a <time> element, in words of the course's language (the page has no <time>
 * until there is a date: an empty one is not valid HTML). Both are the learner's local day.
 * @param {HTMLElement[]} slots
 * @param {Date} date
 */
function showDate(slots, date) {
  const twoDigits = (/** @type {number} */ part) => String(part).padStart(2, "0");
  const datetime = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  for (const slot of slots) slot.replaceChildren(h("time", { datetime }, longDate(date)));
}

/** The certificate's name form: the name typed is saved and shown on the certificate, ready to print. */
class NameForm {
  /**
   * @param {HTMLElement} page
   * @param {(name: string) => void} save
   */
  constructor(page, save) {
    this.form = find("[data-certificate-form]", page);
    this.input = find("input", this.form);
    this.error = find("[data-certificate-error]", page);
    this.sheet = find("[data-certificate]", page);
    this.nameSlot = find("[data-certificate-name]", page);
    this.print = find("[data-certificate-print]", page);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = this.input.value.trim().replace(/\s+/g, " ");
      this.error.hidden = Boolean(name);
      if (!name) {
        this.input.setAttribute("aria-invalid", "true");
        this.input.focus();
        return;
      }
      this.input.removeAttribute("aria-invalid");
      save(name);
      this.show(name);
      this.sheet.focus();
    });
    this.print.addEventListener("click", () => window.print());
  }

  /**
   * Shows a saved name, unless the certificate is already shown.
   * @param {string} name
   */
  fill(name) {
    if (!this.sheet.hidden) return;
    this.input.value = name;
    this.show(name);
  }

  /** @param {string} name */
  show(name) {
    this.nameSlot.textContent = name;
    this.sheet.hidden = false;
    this.print.hidden = false;
  }
}

/**
 * Every view of progress, in the order they start.
 * @type {ComponentClass[]}
 */
export const VIEWS = [ProgressPage, PassedMarks, CertificatePage];
