// Learner-side quizzes. The builder renders each quiz as a real form; this script scores
// it, marks and explains every question, saves progress and keeps the progress pages in
// step. It reads only data attributes (see builder/templates/_quiz.html).
// Learner input is only ever read from controls and written back with .value/.textContent;
// the only HTML inserted is feedback and explanations that the builder rendered.
import { decodeKey, scoreQuiz } from "./scoring.js";
import { entryFor, store } from "./store.js";
import { all, h, icon } from "./dom.js";
import { syncPages } from "./pages.js";

const own = (object, name) => object !== null && typeof object === "object"
  && Object.prototype.hasOwnProperty.call(object, name);
const live = new Set();

function shuffled(items) {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Adds or removes one id in an element's aria-describedby. */
function describe(element, id, on) {
  const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

const rowToken = (row) => row.dataset.item || row.dataset.row;

export class Quiz {
  constructor(root) {
    if (root.hasAttribute("data-quiz-init")) throw new Error("this quiz is already set up");
    const find = (selector) => {
      const element = root.querySelector(selector);
      if (!element) throw new Error(`missing ${selector}`);
      return element;
    };
    this.root = root;
    this.id = root.dataset.quiz;
    this.course = root.dataset.course;
    this.version = root.dataset.quizVersion;
    this.key = decodeKey(root.dataset.quizKey);
    this.form = find("[data-quiz-form]");
    this.submit = find("[data-quiz-submit]");
    this.retry = find("[data-quiz-retry]");
    this.result = find("[data-quiz-result]");
    this.questions = all("[data-question]", this.form).filter((q) => own(this.key.questions, q.dataset.question));
    this.shown = 0; // attempts counted in the result on screen

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.retry.addEventListener("click", () => this.again());
    const changed = (event) => {
      const question = event.target.closest("[data-question]");
      if (question && question.hasAttribute("data-correct")) this.unmark(question);
    };
    this.form.addEventListener("change", changed);
    this.form.addEventListener("input", changed);

    this.restore();
    root.setAttribute("data-quiz-init", "");
    this.submit.hidden = false;
  }

  /** The learner's answers, in the shape builder/scoring.py scores. */
  read() {
    const responses = {};
    for (const question of this.questions) {
      const type = question.dataset.questionType;
      let response;
      if (type === "short_text") response = question.querySelector("input").value;
      else if (type === "ordering" || type === "matching") {
        response = Object.fromEntries(all("[data-item],[data-row]", question)
          .map((row) => [rowToken(row), row.querySelector("select").value]));
      } else if (type === "multiple") response = all("input:checked", question).map((input) => input.value);
      else response = question.querySelector("input:checked")?.value ?? "";
      responses[question.dataset.question] = response;
    }
    return responses;
  }

  /** Puts saved answers back into the controls; anything unexpected is left blank. */
  write(responses) {
    for (const question of this.questions) {
      const type = question.dataset.questionType;
      const value = own(responses, question.dataset.question) ? responses[question.dataset.question] : null;
      if (type === "short_text") question.querySelector("input").value = typeof value === "string" ? value : "";
      else if (type === "ordering" || type === "matching") {
        for (const row of all("[data-item],[data-row]", question)) {
          const select = row.querySelector("select");
          const wanted = own(value, rowToken(row)) ? String(value[rowToken(row)]) : "";
          select.value = Array.from(select.options).some((o) => o.value === wanted) ? wanted : "";
        }
      } else {
        const chosen = type === "multiple" ? (Array.isArray(value) ? value : []) : [value];
        for (const input of all("input", question)) input.checked = chosen.includes(input.value);
      }
    }
  }

  check() {
    const responses = this.read();
    const result = scoreQuiz(this.key, responses);
    const progress = store.get(this.course);
    let entry = entryFor(progress, this.id, this.version);
    if (!entry) entry = { version: this.version, best: 0, attempts: 0, passedAt: null };
    const now = new Date().toISOString();
    entry.attempts += 1;
    entry.best = Math.max(entry.best, result.score);
    if (result.passed && !entry.passedAt) entry.passedAt = now;
    entry.last = { score: result.score, passed: result.passed, responses, at: now };
    progress.quizzes[this.id] = entry;
    const saved = store.set(this.course, progress);
    this.show(result, entry, saved);
    this.result.focus();
    this.root.dispatchEvent(new CustomEvent("course:quiz-checked", {
      bubbles: true, detail: { quiz: this.id, score: result.score, passed: result.passed },
    }));
    syncViews(document);
  }

  /** Marks every question and shows the score, blanks and best score. */
  show(result, entry, saved) {
    this.questions.forEach((question) => this.mark(question, result.questions[question.dataset.question]));
    const passMark = this.key.passMark;
    const blanks = this.questions.filter((q) => result.questions[q.dataset.question].blank);
    const parts = [
      h("p", { class: "course-quiz__score" }, h("strong", null, `You scored ${result.score}%`),
        ` (${result.earned} of ${result.total} points).`),
      h("p", { class: `course-mark course-mark--${result.passed ? "correct" : "wrong"}` },
        icon(result.passed ? "✓" : "✗"), result.passed
          ? ` Passed: the pass mark is ${passMark}%.`
          : ` Not passed yet: the pass mark is ${passMark}%. Read the feedback under each question, then try again.`),
    ];
    if (blanks.length) {
      const links = blanks.flatMap((q, i) => [i ? ", " : "", h("a", { href: `#${q.id}` },
        `question ${this.questions.indexOf(q) + 1}`)]);
      parts.push(h("p", null, `You left ${blanks.length} question${blanks.length === 1 ? "" : "s"} blank `
        + "(blank answers count as wrong): ", ...links, "."));
    }
    parts.push(h("p", null, `Your best score: ${entry.best}% (${entry.attempts} attempt${entry.attempts === 1 ? "" : "s"}).`));
    if (!saved) {
      parts.push(h("p", { class: "course-notice" }, "This browser is not keeping your progress (storage is "
        + "turned off or full), so this result will be lost when you leave the page."));
    }
    this.result.dataset.score = String(result.score);
    this.result.dataset.passed = String(result.passed);
    this.result.replaceChildren(...parts);
    this.retry.hidden = false;
    this.shown = entry.attempts;
  }

  mark(question, outcome) {
    const key = this.key.questions[question.dataset.question];
    question.dataset.correct = String(outcome.correct);
    const box = question.querySelector("[data-question-feedback]");
    if (box) {
      box.id ||= `${question.id}-feedback`;
      const [kind, label] = outcome.correct ? ["correct", "Correct"]
        : ["wrong", outcome.blank ? "Not answered" : "Not quite"];
      box.replaceChildren(h("p", { class: `course-mark course-mark--${kind}` },
        icon(outcome.correct ? "✓" : "✗"), ` ${label}`));
      if (key.explanation) {
        const explanation = h("div", { class: "course-question__explanation" });
        explanation.innerHTML = key.explanation; // trainer content, rendered by the builder
        box.append(explanation);
      }
      box.hidden = false;
      describe(question, box.id, true);
    }
    for (const choice of all("[data-choice]", question)) {
      const input = choice.querySelector("input");
      const feedback = choice.querySelector("[data-choice-feedback]");
      const token = choice.dataset.choice;
      const html = input.checked && own(key.feedback, token) ? key.feedback[token] : "";
      choice.classList.toggle("course-choice--chosen", input.checked);
      if (!feedback) continue;
      feedback.id ||= `${input.id}-feedback`;
      feedback.innerHTML = html; // trainer content, rendered by the builder
      feedback.hidden = !html;
      describe(input, feedback.id, Boolean(html));
    }
  }

  unmark(question) {
    question.removeAttribute("data-correct");
    const box = question.querySelector("[data-question-feedback]");
    if (box) {
      box.hidden = true;
      box.replaceChildren();
      describe(question, box.id, false);
    }
    for (const choice of all("[data-choice]", question)) {
      const feedback = choice.querySelector("[data-choice-feedback]");
      choice.classList.remove("course-choice--chosen");
      if (!feedback) continue;
      feedback.hidden = true;
      feedback.replaceChildren();
      describe(choice.querySelector("input"), feedback.id, false);
    }
  }

  /** Empties the form, marks and result (not the saved progress). */
  clear() {
    this.form.reset();
    this.questions.forEach((question) => this.unmark(question));
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
    this.form.querySelector("input, select")?.focus();
  }

  shuffle() {
    for (const question of this.questions) {
      const type = question.dataset.questionType;
      const key = this.key.questions[question.dataset.question];
      if (type === "single" || type === "multiple") {
        const box = question.querySelector("[data-choices]");
        if (box) box.append(...shuffled(all("[data-choice]", box)));
      } else if (type === "ordering") {
        const rows = shuffled(all("[data-item]", question));
        // Never show the answer: the right order is rotated by one.
        if (rows.length > 1 && rows.every((row, i) => key.correct[row.dataset.item] === i + 1)) rows.push(rows.shift());
        if (rows.length) rows[0].parentElement.append(...rows);
      } else if (type === "matching") {
        const selects = all("select", question);
        const order = shuffled(selects.length ? Array.from(selects[0].options, (o) => o.value).filter(Boolean) : []);
        for (const select of selects) {
          select.append(...order.map((value) => Array.from(select.options).find((o) => o.value === value)).filter(Boolean));
        }
      }
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

  /** After the page comes back (bfcache), show attempts saved meanwhile on another page. */
  resync() {
    const entry = entryFor(store.get(this.course), this.id, this.version);
    if (entry && entry.attempts !== this.shown) {
      this.clear();
      this.restore();
    }
  }
}

/** Sets up every quiz and progress view in `scope`; safe to call again (quizzes set up once). */
export function init(scope = document) {
  for (const quiz of live) if (!quiz.root.isConnected) live.delete(quiz);
  for (const root of all("[data-quiz]", scope)) {
    if (root.hasAttribute("data-quiz-init")) continue;
    try {
      live.add(new Quiz(root));
    } catch (error) {
      console.error(`course: quiz "${root.dataset.quiz}" could not start:`, error);
    }
  }
  syncViews(scope);
}

/** Progress table, passed marks and certificate (only static imports: the offline export bundles them). */
function syncViews(scope) {
  try {
    syncPages(scope);
  } catch (error) {
    console.error("course: progress could not be shown:", error);
  }
}

function resync() {
  init(document);
  for (const quiz of live) quiz.resync();
}

init(document);
// Material's instant navigation swaps pages without running this module again; its document$
// observable emits for every page shown (the first one too), and init() is safe to repeat.
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(() => init(document));
window.addEventListener("pageshow", (event) => {
  if (event.persisted) resync();
});
window.addEventListener("storage", () => syncViews(document));
