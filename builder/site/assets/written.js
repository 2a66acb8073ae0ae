// @ts-check
// Written practice (builder/source/questions/written.py): never scored, so the quiz leaves it alone. The
// learner writes, presses Compare to see the trainer's model answer and a checklist to tick; the text, the
// ticks and whether they compared are saved with the course's progress (store.js, `written`) as they go
// and put back when the page is shown again. Reads only the data attributes of the `written` macro
// (templates/_questions.html).
import { all, Component, find } from "./dom.js";
import { messages } from "./messages.js";
import { questionType } from "./questions.js";
import { store, writtenFor } from "./store.js";

/** @import { Change } from "./dom.js" */

/** How long typing may pause before the text is saved: often enough to lose nothing, not on every key. */
const SAVE_AFTER_MS = 400;

/**
 * The message the SCORM launch page (exporters/scorm_launch.js) posts to the course page after each save:
 * the written answers, as "quiz/question", that the LMS keeps only the beginning of.
 * @typedef {{ courseSuspend: { truncated: string[] } }} SuspendNotice
 */

/** One written question: its text area, Compare button, model answer and checklist. */
export class Written extends Component {
  static moduleName = "written";
  static selector = '[data-question-type="written"]';

  /** @param {HTMLElement} root the question's fieldset */
  constructor(root) {
    super(root);
    const quiz = /** @type {HTMLElement} */ (root.closest("[data-quiz]"));
    this.quiz = quiz.dataset.quiz || "";
    this.course = quiz.dataset.course || "";
    this.id = root.dataset.question || "";
    this.tag = find("[data-written]", root).dataset.writtenVersion || "";
    this.text = /** @type {HTMLTextAreaElement} */ (find("[data-written-text]", root));
    this.compare = find("[data-written-compare]", root);
    this.reveal = find("[data-written-reveal]", root);
    this.notice = find("[data-written-notice]", root);
    this.checks = all("[data-written-check]", root).map((input) => /** @type {HTMLInputElement} */ (input));
    /** @type {number | undefined} */
    this.timer = undefined;
    this.notKept = false;
    this.truncated = false;

    this.compare.addEventListener("click", () => {
      const opening = this.reveal.hasAttribute("hidden");
      this.show(opening);
      this.save();
      if (opening) {
        // compared with the model answer: xapi.js reports the answer (never scored)
        const detail = { question: this.id, text: String(questionType("written").read(this.root)) };
        this.root.dispatchEvent(new CustomEvent("course:written-compared", { bubbles: true, detail }));
      }
    });
    this.text.addEventListener("input", () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.save(), SAVE_AFTER_MS);
    });
    this.text.addEventListener("change", () => this.save());
    for (const check of this.checks) check.addEventListener("change", () => this.save());
    // the last words typed before leaving are saved too
    window.addEventListener("pagehide", () => {
      if (this.timer !== undefined) this.save();
    });
    window.addEventListener("message", (event) => this.suspended(event));

    this.restore();
    this.compare.hidden = false;
  }

  /**
   * Shows or hides the model answer and the checklist.
   * @param {boolean} open
   */
  show(open) {
    this.reveal.hidden = !open;
    this.compare.setAttribute("aria-expanded", String(open));
  }

  /** Saves the text, ticks and comparison; the quiz's "Try again" (a form reset) keeps what is saved. */
  save() {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    const progress = store.get(this.course);
    const saved = progress.written || {};
    const answers = saved[this.quiz] || {};
    answers[this.id] = {
      text: String(questionType("written").read(this.root)),
      ticks: this.checks.filter((check) => check.checked).map((check) => Number(check.value)),
      tag: this.tag,
      compared: !this.reveal.hasAttribute("hidden"),
    };
    saved[this.quiz] = answers;
    progress.written = saved;
    this.notKept = !store.set(this.course, progress);
    this.keepAsDefault();
    this.showNotice();
  }

  /** Makes the saved answer the controls' default, so that resetting the quiz's form keeps it. */
  keepAsDefault() {
    this.text.defaultValue = this.text.value;
    for (const check of this.checks) check.defaultChecked = check.checked;
  }

  /** Puts the saved text and ticks back, and shows the model answer if the learner had compared. */
  restore() {
    const entry = writtenFor(store.get(this.course), this.quiz, this.id);
    if (!entry) return;
    questionType("written").write(this.root, entry.text);
    const ticks = entry.tag === this.tag ? entry.ticks : []; // ticks of an edited checklist no longer fit
    for (const check of this.checks) check.checked = ticks.includes(Number(check.value));
    this.keepAsDefault();
    this.show(entry.compared);
  }

  /**
   * Another tab saved, or the page came back from the back/forward cache: show the saved answer unless the
   * learner is writing here.
   * @param {Change} change
   */
  update(change) {
    if (change !== "saved" && document.activeElement !== this.text) this.restore();
  }

  /**
   * The SCORM launch page's word on what the LMS keeps (see SuspendNotice).
   * @param {MessageEvent} event
   */
  suspended(event) {
    if (event.source !== window.parent || event.origin !== window.location.origin) return;
    const notice = /** @type {Partial<SuspendNotice> | null} */ (event.data)?.courseSuspend;
    if (!notice || !Array.isArray(notice.truncated)) return;
    this.truncated = notice.truncated.includes(`${this.quiz}/${this.id}`);
    this.showNotice();
  }

  showNotice() {
    const words = [this.notKept ? messages.writtenNotKept : "", this.truncated ? messages.writtenTruncated : ""];
    this.notice.textContent = words.filter(Boolean).join(" ");
    this.notice.hidden = !this.notice.textContent;
  }
}
