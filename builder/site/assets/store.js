// @ts-check
// Saved progress behind one small interface: store.get(key) and store.set(key, progress), where the key
// is the course's storage key as the page gives it (data-course).
// The backend is localStorage; another (e.g. SCORM) can be plugged in with setBackend().
// Anything else found in storage resets quietly to empty progress.
import { isObject, own } from "./dom.js";

/**
 * A quiz's last checked attempt.
 * A question pool's attempt also keeps its `draw`: the questions it showed, in order. `correct` (the questions
 * answered right) and `latency` (ms from the attempt's start to each question's last change) are what the SCORM
 * launch page reports per question; attempts saved before they were added have neither.
 * @typedef {{ score: number, passed: boolean, responses: Record<string, unknown>, at: string | null, draw?: string[],
 *   correct?: string[], latency?: Record<string, number> }} Attempt
 */
/**
 * What is kept for a quiz: its version (a hash: an edited quiz starts afresh), best score, attempts,
 * when it was first passed and the last attempt.
 * @typedef {{ version: string, best: number, attempts: number, passedAt: string | null, last: Attempt }} QuizEntry
 */
/**
 * A written answer (written.js; never scored, so kept apart from the quiz's attempts, and kept when the quiz
 * is edited): the learner's text, the checklist items ticked (by position) on the checklist `tag` names, and
 * whether they compared it with the model answer.
 * @typedef {{ text: string, ticks: number[], tag: string, compared: boolean }} WrittenEntry
 */
/**
 * A course's progress. Role-plays' entries are checked by scenario.js, which writes them. `written` (by quiz
 * id, then question id) was added without a new `v`: progress saved before it simply has none.
 * @typedef {object} Progress
 * @property {1} v
 * @property {string} [name] the learner's name, for the certificate
 * @property {Record<string, QuizEntry>} quizzes
 * @property {Record<string, unknown>} [scenarios]
 * @property {Record<string, { version: string, ids: string[] }>} [draws] each question pool's draw that waits for
 *   its first submission (a reload shows the same questions; submitting moves it into the attempt)
 * @property {Record<string, Timer>} [timers] each timed quiz's attempt in progress
 * @property {Record<string, Record<string, WrittenEntry>>} [written]
 */
/**
 * A timed attempt in progress: when it started (ms), the minutes added by an extension (0 until then), and the
 * answers so far.
 * @typedef {{ version: string, started: number, extra: number, draft?: Record<string, unknown> }} Timer
 */
/** @typedef {{ read(name: string): string | null, write(name: string, value: string): void, remove(name: string): void }} Backend */

const PROBE = "course-storage-probe";
/** @type {Backend} */
let backend = {
  read: (name) => window.localStorage.getItem(name),
  write: (name, value) => window.localStorage.setItem(name, value),
  remove: (name) => window.localStorage.removeItem(name),
};
/** Course -> progress kept in memory while storage refuses writes. @type {Map<string, Progress>} */
const unsaved = new Map();

/** @param {Backend} next */
export function setBackend(next) {
  backend = next;
  unsaved.clear();
}

/**
 * @param {unknown} value
 * @returns {value is number}
 */
const isPercent = (value) =>
  Number.isInteger(value) && /** @type {number} */ (value) >= 0 && /** @type {number} */ (value) <= 100;
/** @param {unknown} value */
const text = (value) => (typeof value === "string" ? value.slice(0, 200) : null);

/** The longest written answer kept: pages of text, far beyond a practice reply, and bounded storage. */
export const MAX_WRITTEN = 20000;
const MAX_TICKS = 10;

/**
 * The written answers found in storage that have the expected shape; any other entry is left out.
 * @param {Record<string, unknown>} data
 * @returns {Record<string, Record<string, WrittenEntry>>}
 */
function cleanWritten(data) {
  /** @type {Record<string, Record<string, WrittenEntry>>} */
  const written = {};
  for (const [quiz, answers] of Object.entries(data)) {
    if (!isObject(answers)) continue;
    for (const [question, entry] of Object.entries(answers)) {
      if (!isObject(entry) || typeof entry.text !== "string") continue;
      const ticks = Array.isArray(entry.ticks) ? entry.ticks : [];
      written[quiz] ||= {};
      written[quiz][question] = {
        text: entry.text.slice(0, MAX_WRITTEN),
        ticks: ticks.filter((n) => Number.isInteger(n) && n >= 0 && n < MAX_TICKS),
        tag: typeof entry.tag === "string" ? entry.tag.slice(0, 40) : "",
        compared: entry.compared === true,
      };
    }
  }
  return written;
}

/** @returns {Progress} */
export const emptyProgress = () => ({ v: 1, quizzes: {} });

/**
 * Progress as the scripts write it, from whatever was stored; null when it is not progress at all.
 * @param {unknown} data
 * @returns {Progress | null}
 */
function clean(data) {
  const progress = emptyProgress();
  if (!isObject(data) || data.v !== 1 || !isObject(data.quizzes)) return null;
  for (const [id, entry] of Object.entries(data.quizzes)) {
    const last = isObject(entry) ? entry.last : null;
    if (
      !isObject(entry) ||
      !isObject(last) ||
      typeof entry.version !== "string" ||
      !isPercent(entry.best) ||
      !isPercent(last.score) ||
      !isObject(last.responses)
    )
      continue;
    progress.quizzes[id] = {
      version: entry.version,
      best: Math.max(entry.best, last.score),
      attempts: Number.isInteger(entry.attempts) && Number(entry.attempts) > 0 ? Number(entry.attempts) : 1,
      passedAt: text(entry.passedAt),
      last: { score: last.score, passed: last.passed === true, responses: last.responses, at: text(last.at) },
    };
    if (isIds(last.draw)) progress.quizzes[id].last.draw = last.draw;
    if (isIds(last.correct)) progress.quizzes[id].last.correct = last.correct;
    if (isObject(last.latency) && Object.values(last.latency).every((ms) => Number.isInteger(ms) && Number(ms) >= 0))
      progress.quizzes[id].last.latency = /** @type {Record<string, number>} */ (last.latency);
  }
  const name = text(data.name);
  if (name) progress.name = name;
  if (isObject(data.scenarios)) progress.scenarios = data.scenarios;
  if (isObject(data.draws)) {
    /** @type {Record<string, { version: string, ids: string[] }>} */
    const draws = {};
    for (const [id, draw] of Object.entries(data.draws)) {
      if (isObject(draw) && typeof draw.version === "string" && isIds(draw.ids)) {
        draws[id] = { version: draw.version, ids: draw.ids };
      }
    }
    progress.draws = draws;
  }
  if (isObject(data.timers)) {
    /** @type {Record<string, Timer>} */
    const timers = {};
    for (const [id, timer] of Object.entries(data.timers)) {
      if (!isObject(timer) || typeof timer.version !== "string" || !Number.isFinite(timer.started)) continue;
      const extra = Number.isInteger(timer.extra) && Number(timer.extra) > 0 ? Number(timer.extra) : 0;
      timers[id] = { version: timer.version, started: Number(timer.started), extra };
      if (isObject(timer.draft)) timers[id].draft = timer.draft;
    }
    progress.timers = timers;
  }
  if (isObject(data.written)) progress.written = cleanWritten(data.written);
  return progress;
}

/**
 * A draw as saved: question ids.
 * @param {unknown} value
 * @returns {value is string[]}
 */
const isIds = (value) => Array.isArray(value) && value.every((id) => typeof id === "string");

export const store = {
  /** Whether the browser keeps what set() writes. */
  available() {
    try {
      backend.write(PROBE, "1");
      backend.remove(PROBE);
      return true;
    } catch {
      return false;
    }
  },
  /**
   * The course's progress; always a valid object, empty when nothing usable is stored.
   * @param {string} course
   * @returns {Progress}
   */
  get(course) {
    const kept = unsaved.get(course);
    if (kept) return structuredClone(kept);
    let raw;
    try {
      raw = backend.read(course);
    } catch {
      return emptyProgress();
    }
    if (raw === null || raw === undefined) return emptyProgress();
    let progress = null;
    try {
      progress = clean(JSON.parse(raw));
    } catch {
      /* not JSON: reset below */
    }
    if (!progress) {
      try {
        backend.remove(course);
      } catch {
        /* read-only storage */
      }
    }
    return progress || emptyProgress();
  },
  /**
   * Saves the course's progress; false when the browser will not keep it.
   * @param {string} course
   * @param {Progress} progress
   */
  set(course, progress) {
    try {
      backend.write(course, JSON.stringify(progress));
      unsaved.delete(course);
      return true;
    } catch {
      unsaved.set(course, structuredClone(progress));
      return false;
    }
  },
};

/**
 * The saved entry for a quiz, or null when none matches this version of the quiz.
 * @param {Progress} progress
 * @param {string} quiz
 * @param {string} version
 */
export function entryFor(progress, quiz, version) {
  const entry = own(progress.quizzes, quiz) ? progress.quizzes[quiz] : null;
  return entry && entry.version === version ? entry : null;
}

/**
 * The saved written answer to a question, or null.
 * @param {Progress} progress
 * @param {string} quiz
 * @param {string} question
 * @returns {WrittenEntry | null}
 */
export function writtenFor(progress, quiz, question) {
  const answers = own(progress.written, quiz) ? progress.written?.[quiz] : null;
  return answers && own(answers, question) ? answers[question] : null;
}
