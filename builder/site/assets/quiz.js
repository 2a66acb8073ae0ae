// @ts-check
// Learner-side quizzes. The builder renders each quiz as a real form; this script scores
// it, marks and explains every question, saves progress, and starts the views of progress
// (pages.js) on the pages that show them. It reads only data attributes (see
// builder/site/templates/_quiz.html); what each question type reads and writes is in questions.js.
// Learner input is only ever read from controls and written back with .value/.textContent;
// the only HTML inserted is feedback and explanations that the builder rendered.
import { all, Component, createAll, find, h, icon, own, start } from "./dom.js";
import { drawQuestions, fits } from "./draw.js";
import { messages } from "./messages.js";
import { VIEWS } from "./pages.js";
import { questionType } from "./questions.js";
import { decodeKey, scoreQuiz } from "./scoring.js";
import { entryFor, store } from "./store.js";
import { Countdown } from "./timer.js";
import { Written } from "./written.js";

/** @import { Change, ComponentClass } from "./dom.js" */
/** @import { QuestionResult, QuizResult } from "./scoring.js" */
/** @import { Attempt, Progress, QuizEntry } from "./store.js" */
/** @import { DrawSpec } from "./draw.js" */

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
    // Every question of the quiz; with a question pool (the key's `draw`) an attempt shows some of them.
    this.pool = all("[data-question]", this.form).filter((q) => own(this.key.questions, questionId(q)));
    this.questions = this.pool; // the questions of the attempt on screen
    this.shown = 0; // attempts counted in the result on screen
    // An exam (data-exam): limited attempts, marks held back until `review` allows them, or a time limit. It
    // asks before it takes blank answers, and locks submitted answers until the next attempt.
    this.exam = root.hasAttribute("data-exam");
    this.attempts = Number(root.dataset.attempts) || Infinity;
    this.review = root.dataset.review || "always";
    this.lastCounts = root.dataset.scoreRule === "last";
    // A timed quiz (data-time-limit, minutes): started by its button, submitted as it stands at zero.
    this.timeLimit = Number(root.dataset.timeLimit) || 0;
    this.timeUp = false; // while the attempt the time ran out on is being submitted
    if (this.timeLimit) {
      this.startButton = find("[data-quiz-start]", root);
      this.extendButton = /** @type {HTMLElement | null} */ (root.querySelector("[data-quiz-extend]"));
      this.countdown = new Countdown(find("[data-quiz-timer]", root), () => this.expire());
      this.startButton.addEventListener("click", () => this.begin());
      this.extendButton?.addEventListener("click", () => this.extend());
    }

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.form.hasAttribute("data-quiz-locked")) return;
      const blanks = this.exam ? this.blanks() : [];
      if (blanks.length) this.confirm(blanks);
      else this.check();
    });
    this.retry.addEventListener("click", () => this.again());
    // When each question was last answered in this attempt, for its latency (the time from the attempt's start
    // to the learner's last change of that answer), which an LMS shows per question (SCORM interactions).
    this.startAttempt();
    /** @param {Event} event */
    const changed = (event) => {
      const question = /** @type {Element} */ (event.target).closest("[data-question]");
      if (question instanceof HTMLElement) this.answeredAt[questionId(question)] = Date.now();
      if (question?.hasAttribute("data-correct")) this.unmark(/** @type {HTMLElement} */ (question));
    };
    this.form.addEventListener("change", changed);
    this.form.addEventListener("input", changed);
    if (this.timeLimit) {
      // the answers of a timed attempt are kept as they are typed: a reload must not lose them, nor stop the time
      const keep = () => this.keepDraft();
      this.form.addEventListener("change", keep);
      this.form.addEventListener("input", keep);
    }

    this.submit.hidden = false;
    if (this.timeLimit && this.timer()) this.resume();
    else {
      this.restore(); // an exam's submitted attempt hides the button again (lock)
      if (this.timeLimit && !entryFor(store.get(this.course), this.id, this.version)) this.waitForStart();
    }
  }

  /**
   * A timed attempt in progress, as kept in the learner's progress, or null.
   * @param {Progress} [progress] read already, by a caller that saves it again
   */
  timer(progress = store.get(this.course)) {
    const timers = progress.timers;
    const timer = timers && own(timers, this.id) ? timers[this.id] : null;
    return timer && timer.version === this.version ? timer : null;
  }

  /** When the running attempt's time is up, in ms. @param {{ started: number, extra: number }} timer */
  ends(timer) {
    return timer.started + (this.timeLimit + timer.extra) * 60_000;
  }

  /** Before a timed attempt: only the start button, not the questions. */
  waitForStart() {
    this.form.hidden = true;
    /** @type {HTMLElement} */ (this.startButton).hidden = false;
  }

  /** An attempt starts: when the questions showed, none answered yet. @param {number} [at] */
  startAttempt(at = Date.now()) {
    this.startedAt = at;
    /** @type {Record<string, number>} */
    this.answeredAt = {};
  }

  /** The start button: the questions show and the time starts. */
  begin() {
    const progress = store.get(this.course);
    progress.timers = { ...progress.timers, [this.id]: { version: this.version, started: Date.now(), extra: 0 } };
    store.set(this.course, progress);
    this.resume();
    /** @type {HTMLElement | null} */ (
      this.form.querySelector("fieldset:not([hidden]) :is(input, select, textarea)")
    )?.focus();
  }

  /** Shows the running attempt (its draw and the answers kept so far) and its countdown. */
  resume() {
    const timer = this.timer();
    if (!timer) return;
    this.startAttempt(timer.started);
    const entry = entryFor(store.get(this.course), this.id, this.version);
    if (this.key.draw) this.showDraw(this.nextDraw(entry?.last.draw || []));
    if (timer.draft) this.write(timer.draft);
    /** @type {HTMLElement} */ (this.startButton).hidden = true;
    this.form.hidden = false;
    if (this.extendButton) this.extendButton.hidden = timer.extra > 0;
    /** @type {Countdown} */ (this.countdown).run(this.ends(timer)); // at zero already: submitted at once
  }

  /** "I need more time": once, twice the limit more (WCAG 2.2.1). */
  extend() {
    const progress = store.get(this.course);
    const timer = this.timer(progress);
    if (!timer || timer.extra > 0 || !progress.timers) return;
    timer.extra = 2 * this.timeLimit;
    progress.timers[this.id] = timer;
    store.set(this.course, progress);
    const countdown = /** @type {Countdown} */ (this.countdown);
    countdown.run(this.ends(timer));
    countdown.say(messages.timeExtended(timer.extra));
    if (this.extendButton) this.extendButton.hidden = true;
    countdown.clock.focus(); // the button is gone: focus goes to the time, which now reads the new total
  }

  /** Keeps the running attempt's answers so far with its timer. */
  keepDraft() {
    const progress = store.get(this.course); // read once per keystroke: the draft is saved as it is typed
    const timer = this.timer(progress);
    if (!timer || !progress.timers) return;
    progress.timers[this.id] = { ...timer, draft: this.read() };
    store.set(this.course, progress);
  }

  /** The time is up: the attempt is submitted as it stands, blanks and all. */
  expire() {
    if (!this.timer()) return;
    this.timeUp = true;
    this.check();
    this.timeUp = false;
  }

  /** The answer key of the questions on screen (with a pool, the attempt's draw): what the score is out of. */
  scoring() {
    if (!this.key.draw) return this.key;
    const ids = new Set(this.questions.map(questionId));
    return {
      ...this.key,
      questions: Object.fromEntries(Object.entries(this.key.questions).filter(([id]) => ids.has(id))),
    };
  }

  /** Each question's id and objective, for drawing from the pool. */
  poolIds() {
    const ids = this.pool.map(questionId);
    /** @type {Record<string, string>} */
    const objectives = Object.fromEntries(
      // a pool drawn per objective has each question's objective in its key
      ids.map((id) => [id, /** @type {{ objective?: string }} */ (this.key.questions[id]).objective || ""]),
    );
    return { ids, objectives };
  }

  /**
   * Whether a saved draw still fits this quiz.
   * @param {unknown} draw
   * @returns {draw is string[]}
   */
  fits(draw) {
    const { ids, objectives } = this.poolIds();
    return Boolean(this.key.draw) && fits(draw, /** @type {DrawSpec} */ (this.key.draw), ids, objectives);
  }

  /**
   * The draw for a new attempt: the one already drawn and not yet submitted (so a reload cannot draw again), or
   * a new one that avoids `previous` where the pool allows; kept in the learner's progress.
   * @param {string[]} previous
   */
  nextDraw(previous) {
    const progress = store.get(this.course);
    const pending = progress.draws && own(progress.draws, this.id) ? progress.draws[this.id] : null;
    if (pending && pending.version === this.version && this.fits(pending.ids)) return pending.ids;
    const { ids, objectives } = this.poolIds();
    const drawn = drawQuestions(/** @type {DrawSpec} */ (this.key.draw), ids, objectives, previous);
    progress.draws = { ...progress.draws, [this.id]: { version: this.version, ids: drawn } };
    store.set(this.course, progress);
    return drawn;
  }

  /**
   * Shows the questions of a draw, numbered in order, and hides the rest of the pool.
   * @param {string[]} drawn
   */
  showDraw(drawn) {
    this.questions = this.pool.filter((q) => drawn.includes(questionId(q)));
    for (const question of this.pool) {
      const on = this.questions.includes(question);
      question.hidden = !on;
      /** @type {HTMLFieldSetElement} */ (question).disabled = !on;
    }
    this.questions.forEach((question, index) => {
      const number = question.querySelector("[data-question-number]");
      if (number) number.textContent = messages.questionNumber(index + 1, this.questions.length);
    });
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

  /** The questions left blank as the form stands. */
  blanks() {
    const result = scoreQuiz(this.scoring(), this.read());
    return this.questions.filter((q) => result.questions[questionId(q)].blank);
  }

  /**
   * Before an exam takes blank answers: which questions are blank (each a link to it), and the choice to
   * submit anyway or keep answering.
   * @param {HTMLElement[]} blanks
   */
  confirm(blanks) {
    const submit = h("button", { type: "button", class: "course-button" }, messages.submitAnyway);
    const back = h(
      "button",
      { type: "button", class: "course-button course-button--secondary" },
      messages.keepAnswering,
    );
    submit.addEventListener("click", () => this.check());
    back.addEventListener("click", () => {
      this.result.replaceChildren();
      /** @type {HTMLElement | null} */ (blanks[0].querySelector("input, select, textarea"))?.focus();
    });
    this.result.replaceChildren(
      h(
        "div",
        { class: "course-quiz__confirm", "data-quiz-confirm": "" },
        h("p", null, messages.confirmBlank(blanks.length), ...this.links(blanks), messages.endOfList),
        h("p", null, messages.confirmSubmit),
        h("p", { class: "course-quiz__actions" }, submit, back),
      ),
    );
    this.result.focus();
  }

  /**
   * A link to each question, written out as a list in a sentence.
   * @param {HTMLElement[]} questions
   */
  links(questions) {
    return questions.flatMap((q, i) => [
      i ? messages.listSeparator : "",
      h("a", { href: `#${q.id}` }, messages.questionLink(this.questions.indexOf(q) + 1)),
    ]);
  }

  check() {
    const progress = store.get(this.course);
    const saved = entryFor(progress, this.id, this.version);
    if (saved && saved.attempts >= this.attempts) return; // every attempt used (the form is locked too)
    const responses = this.read();
    const result = scoreQuiz(this.scoring(), responses);
    const now = new Date().toISOString();
    /** @type {Attempt} */
    const last = {
      score: result.score,
      passed: result.passed,
      responses,
      at: now,
      correct: Object.keys(result.questions).filter((id) => result.questions[id].correct),
      latency: Object.fromEntries(
        Object.entries(this.answeredAt)
          .filter(([id]) => own(result.questions, id))
          .map(([id, at]) => [id, Math.max(0, at - (this.startedAt ?? at))]),
      ),
    };
    if (this.key.draw) {
      last.draw = this.questions.map(questionId); // the attempt keeps its draw; the next one draws afresh
      if (progress.draws) delete progress.draws[this.id];
    }
    if (this.timeLimit) {
      if (progress.timers) delete progress.timers[this.id];
      this.countdown?.stop();
    }
    const entry = saved || { version: this.version, best: 0, attempts: 0, passedAt: null, last };
    entry.attempts += 1;
    if (this.lastCounts) {
      // `best` holds the score that counts: here the last one, and the quiz is passed while it passes
      entry.best = result.score;
      entry.passedAt = result.passed ? entry.passedAt || now : null;
    } else {
      entry.best = Math.max(entry.best, result.score);
      if (result.passed && !entry.passedAt) entry.passedAt = now;
    }
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
    this.startAttempt(); // a practice quiz's next attempt is a changed answer checked again
  }

  /**
   * Marks every question and shows the score, blanks and best score.
   * @param {QuizResult} result
   * @param {QuizEntry} entry
   * @param {boolean} kept whether the browser kept the attempt
   */
  show(result, entry, kept) {
    const reveal = this.reveals(entry);
    for (const question of this.questions) {
      if (reveal) this.mark(question, result.questions[questionId(question)]);
      else this.unmark(question);
    }
    const passMark = this.key.passMark;
    const blanks = this.questions.filter((q) => result.questions[questionId(q)].blank);
    const left = this.attempts - entry.attempts;
    // "read the feedback, then try again" only when there is feedback to read and an attempt to make
    const advice = reveal && left > 0;
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
        result.passed
          ? messages.passed(passMark)
          : advice
            ? messages.notPassed(passMark)
            : messages.notPassedHeldBack(passMark),
      ),
    ];
    if (blanks.length) {
      parts.push(h("p", null, messages.leftBlank(blanks.length), ...this.links(blanks), messages.endOfList));
    }
    parts.push(
      h(
        "p",
        null,
        this.lastCounts
          ? messages.lastScore(entry.best, entry.attempts)
          : messages.bestScore(entry.best, entry.attempts),
      ),
    );
    if (this.attempts !== Infinity) {
      parts.push(
        h(
          "p",
          { "data-quiz-attempts-left": String(left) },
          left > 0 ? messages.attemptsLeft(left) : messages.noAttemptsLeft,
        ),
      );
    }
    if (this.timeUp) parts.unshift(h("p", { class: "course-mark course-mark--wrong" }, messages.timeUp));
    if (!reveal) parts.push(h("p", null, messages.reviewLater[this.review]));
    if (!kept) parts.push(h("p", { class: "course-notice" }, messages.notKeptResult));
    this.result.dataset.score = String(result.score);
    this.result.dataset.passed = String(result.passed);
    this.result.replaceChildren(...parts);
    this.retry.hidden = left <= 0;
    if (this.exam) this.lock(true);
    this.shown = entry.attempts;
  }

  /**
   * Whether the marks, feedback and explanations show yet, by the quiz's `review` setting.
   * @param {QuizEntry} entry
   */
  reveals(entry) {
    switch (this.review) {
      case "after_pass":
        return Boolean(entry.passedAt);
      case "after_last_attempt":
        return entry.attempts >= this.attempts;
      case "never":
        return false;
      default:
        return true;
    }
  }

  /**
   * Locks an exam's submitted answers (until "Try again"), or unlocks them.
   * @param {boolean} locked
   */
  lock(locked) {
    this.form.toggleAttribute("data-quiz-locked", locked);
    for (const question of this.pool) {
      /** @type {HTMLFieldSetElement} */ (question).disabled = locked || !this.questions.includes(question);
    }
    this.submit.hidden = locked;
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
    this.lock(false);
    this.shown = 0;
  }

  /** "Try again": a clean form, reshuffled when the quiz shuffles, focus on the first answer. */
  again() {
    const entry = entryFor(store.get(this.course), this.id, this.version);
    if (entry && entry.attempts >= this.attempts) return; // no attempt left
    this.clear();
    this.startAttempt();
    if (this.key.draw) this.showDraw(this.nextDraw(entry?.last.draw || []));
    if (this.root.dataset.shuffle === "true") this.shuffle();
    if (this.timeLimit) {
      this.waitForStart(); // a new timed attempt starts when the learner says so
      /** @type {HTMLElement} */ (this.startButton).focus();
      return;
    }
    /** @type {HTMLElement | null} */ (this.form.querySelector("fieldset:not([hidden]) :is(input, select)"))?.focus();
  }

  shuffle() {
    for (const question of this.questions) {
      questionType(question.dataset.questionType).shuffle(question, this.keyOf(question));
    }
  }

  /** Shows the last saved attempt of this version of the quiz, if there is one. */
  restore() {
    const entry = entryFor(store.get(this.course), this.id, this.version);
    if (this.key.draw) {
      // the last attempt with its draw; else the draw waiting for its first submission, or a new one
      const last = entry && this.fits(entry.last.draw) ? entry.last.draw : null;
      this.showDraw(last || this.nextDraw(entry?.last.draw || []));
      if (!last) return;
    }
    if (!entry) return;
    try {
      this.write(entry.last.responses);
      this.show(scoreQuiz(this.scoring(), entry.last.responses), entry, true);
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
// build bundles this module and its imports into the one script pages load (site/classic.py).
start(Quiz);
start(Written);
for (const View of VIEWS) start(View);
