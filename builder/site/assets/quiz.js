// @ts-check
// Learner-side quizzes. The builder renders each quiz as a real form; this script scores
// it, marks and explains every question, saves progress, and starts the views of progress
// (pages.js) on the pages that show them. It reads only data attributes (see
// builder/site/templates/_quiz.html); what each question type reads and writes is in questions.js.
// Learner input is only ever read from controls and written back with .value/.textContent;
// the only HTML inserted is feedback and explanations that the builder rendered.
import { all, Component, createAll, find, h, icon, own, start } from "./dom.js";
import { messages } from "./messages.js";
import { VIEWS } from "./pages.js";
import { questionType } from "./questions.js";
import { decodeKey, scoreQuiz } from "./scoring.js";
import { entryFor, store } from "./store.js";
import { Written } from "./written.js";

/** @import { Change, ComponentClass } from "./dom.js" */
/** @import { QuestionResult, QuizResult } from "./scoring.js" */
/** @import { QuizEntry } from "./store.js" */

/**
 * Adds or removes one id in an element's aria-describedby.
 * @param {Element} element
 * @param {string} id
 * @param {boolean} on
 */
function describe(element, id, on) {
  const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

/** @param {HTMLElement} question */
const questionId = (question) => question.dataset.question || "";

/** A quiz: its form is checked, marked and saved here; checking fires `course:quiz-checked`. */
export class Quiz extends Component {
  static moduleName = "quiz";
  static selector = "[data-quiz]";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    this.id = root.dataset.quiz || "";
    this.course = root.dataset.course || "";
    this.version = root.dataset.quizVersion || "";
    this.key = decodeKey(root.dataset.quizKey || "");
    this.form = /** @type {HTMLFormElement} */ (find("[data-quiz-form]", root));
    this.submit = find("[data-quiz-submit]", root);
    this.retry = find("[data-quiz-retry]", root);
    this.result = find("[data-quiz-result]", root);
    this.questions = all("[data-question]", this.form).filter((q) => own(this.key.questions, questionId(q)));
    this.shown = 0; // attempts counted in the result on screen

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.retry.addEventListener("click", () => this.again());
    /** @param {Event} event */
    const changed = (event) => {
      const question = /** @type {Element} */ (event.target).closest("[data-question]");
      if (question?.hasAttribute("data-correct")) this.unmark(/** @type {HTMLElement} */ (question));
    };
    this.form.addEventListener("change", changed);
    this.form.addEventListener("input", changed);

    this.restore();
    this.submit.hidden = false;
  }

  /**
   * The question's answer key.
   * @param {HTMLElement} question
   */
  keyOf(question) {
    return this.key.questions[questionId(question)];
  }

  /**
   * The learner's answers, in the shape builder/source/scoring.py scores.
   * @returns {Record<string, unknown>}
   */
  read() {
    return Object.fromEntries(
      this.questions.map((question) => [
        questionId(question),
        questionType(question.dataset.questionType).read(question),
      ]),
    );
  }

  /**
   * Puts saved answers back into the controls; anything unexpected is left blank.
   * @param {unknown} responses
   */
  write(responses) {
    for (const question of this.questions) {
      const id = questionId(question);
      questionType(question.dataset.questionType).write(question, own(responses, id) ? responses[id] : null);
    }
  }

  check() {
    const responses = this.read();
    const result = scoreQuiz(this.key, responses);
    const progress = store.get(this.course);
    const now = new Date().toISOString();
    const last = { score: result.score, passed: result.passed, responses, at: now };
    const entry = entryFor(progress, this.id, this.version) || {
      version: this.version,
      best: 0,
      attempts: 0,
      passedAt: null,
      last,
    };
    entry.attempts += 1;
    entry.best = Math.max(entry.best, result.score);
    if (result.passed && !entry.passedAt) entry.passedAt = now;
    entry.last = last;
    progress.quizzes[this.id] = entry;
    const kept = store.set(this.course, progress);
    this.show(result, entry, kept);
    this.result.focus();
    this.root.dispatchEvent(
      new CustomEvent("course:quiz-checked", {
        bubbles: true,
        detail: { quiz: this.id, score: result.score, passed: result.passed },
      }),
    );
    this.notifySaved();
  }

  /**
   * Marks every question and shows the score, blanks and best score.
   * @param {QuizResult} result
   * @param {QuizEntry} entry
   * @param {boolean} kept whether the browser kept the attempt
   */
  show(result, entry, kept) {
    for (const question of this.questions) this.mark(question, result.questions[questionId(question)]);
    const passMark = this.key.passMark;
    const blanks = this.questions.filter((q) => result.questions[questionId(q)].blank);
    const parts = [
      h(
        "p",
        { class: "course-quiz__score" },
        h("strong", null, messages.scored(result.score)),
        messages.points(result.earned, result.total),
      ),
      h(
        "p",
        { class: `course-mark course-mark--${result.passed ? "correct" : "wrong"}` },
        icon(result.passed ? messages.symbolRight : messages.symbolWrong),
        " ",
        result.passed ? messages.passed(passMark) : messages.notPassed(passMark),
      ),
    ];
    if (blanks.length) {
      const links = blanks.flatMap((q, i) => [
        i ? messages.listSeparator : "",
        h("a", { href: `#${q.id}` }, messages.questionLink(this.questions.indexOf(q) + 1)),
      ]);
      parts.push(h("p", null, messages.leftBlank(blanks.length), ...links, messages.endOfList));
    }
    parts.push(h("p", null, messages.bestScore(entry.best, entry.attempts)));
    if (!kept) parts.push(h("p", { class: "course-notice" }, messages.notKeptResult));
    this.result.dataset.score = String(result.score);
    this.result.dataset.passed = String(result.passed);
    this.result.replaceChildren(...parts);
    this.retry.hidden = false;
    this.shown = entry.attempts;
  }

  /**
   * Shows whether a question is right, its explanation and the chosen options' feedback.
   * @param {HTMLElement} question
   * @param {QuestionResult} outcome
   */
  mark(question, outcome) {
    const key = this.keyOf(question);
    question.dataset.correct = String(outcome.correct);
    const box = /** @type {HTMLElement | null} */ (question.querySelector("[data-question-feedback]"));
    if (box) {
      box.id ||= `${question.id}-feedback`;
      const [kind, words] = outcome.correct
        ? ["correct", messages.correct]
        : ["wrong", outcome.blank ? messages.notAnswered : messages.notQuite];
      box.replaceChildren(
        h(
          "p",
          { class: `course-mark course-mark--${kind}` },
          icon(outcome.correct ? messages.symbolRight : messages.symbolWrong),
          " ",
          words,
        ),
      );
      if (key.explanation) {
        const explanation = h("div", { class: "course-question__explanation" });
        explanation.innerHTML = key.explanation; // trainer content, rendered by the builder
        box.append(explanation);
      }
      box.hidden = false;
      describe(question, box.id, true);
    }
    const feedbacks = "feedback" in key ? key.feedback : undefined;
    for (const choice of all("[data-choice]", question)) {
      const input = find("input", choice);
      const feedback = /** @type {HTMLElement | null} */ (choice.querySelector("[data-choice-feedback]"));
      const token = choice.dataset.choice || "";
      const html = input.checked && own(feedbacks, token) ? String(feedbacks[token]) : "";
      choice.classList.toggle("course-choice--chosen", input.checked);
      if (!feedback) continue;
      feedback.id ||= `${input.id}-feedback`;
      feedback.innerHTML = html; // trainer content, rendered by the builder
      feedback.hidden = !html;
      describe(input, feedback.id, Boolean(html));
    }
  }

  /**
   * Takes a question's marks away (the learner changed the answer).
   * @param {HTMLElement} question
   */
  unmark(question) {
    question.removeAttribute("data-correct");
    const box = /** @type {HTMLElement | null} */ (question.querySelector("[data-question-feedback]"));
    if (box) {
      box.hidden = true;
      box.replaceChildren();
      describe(question, box.id, false);
    }
    for (const choice of all("[data-choice]", question)) {
      const feedback = /** @type {HTMLElement | null} */ (choice.querySelector("[data-choice-feedback]"));
      choice.classList.remove("course-choice--chosen");
      if (!feedback) continue;
      feedback.hidden = true;
      feedback.replaceChildren();
      describe(find("input", choice), feedback.id, false);
    }
  }

  /** Empties the form, marks and result (not the saved progress). */
  clear() {
    this.form.reset();
    for (const question of this.questions) this.unmark(question);
    this.result.replaceChildren();
    this.result.removeAttribute("data-score");
    this.result.removeAttribute("data-passed");
    this.retry.hidden = true;
    this.shown = 0;
  }

  /** "Try again": a clean form, reshuffled when the quiz shuffles, focus on the first answer. */
  again() {
    this.clear();
    if (this.root.dataset.shuffle === "true") this.shuffle();
    /** @type {HTMLElement | null} */ (this.form.querySelector("input, select"))?.focus();
  }

  shuffle() {
    for (const question of this.questions) {
      questionType(question.dataset.questionType).shuffle(question, this.keyOf(question));
    }
  }

  /** Shows the last saved attempt of this version of the quiz, if there is one. */
  restore() {
    const entry = entryFor(store.get(this.course), this.id, this.version);
    if (!entry) return;
    try {
      this.write(entry.last.responses);
      this.show(scoreQuiz(this.key, entry.last.responses), entry, true);
    } catch {
      this.clear(); // saved answers that do not fit this quiz: start afresh
    }
  }

  /**
   * Back from the back/forward cache: show an attempt saved meanwhile on another page.
   * @param {Change} change
   */
  update(change) {
    if (change !== "restored") return;
    const entry = entryFor(store.get(this.course), this.id, this.version);
    if (entry && entry.attempts !== this.shown) {
      this.clear();
      this.restore();
    }
  }
}

/**
 * Starts every quiz and progress view in `scope` that is not started yet; safe to call again.
 * @param {ParentNode} [scope]
 */
export function init(scope = document) {
  /** @type {ComponentClass[]} */
  const classes = [Quiz, Written, ...VIEWS];
  for (const Class of classes) createAll(Class, scope);
}

// Only static imports, and types imported with JSDoc @import tags (never inline import types): the
// offline export bundles this module and its imports as one classic script (exporters/classic.py).
start(Quiz);
start(Written);
for (const View of VIEWS) start(View);
