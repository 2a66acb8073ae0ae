// @ts-check
// The one scoring rule, in JavaScript; builder/source/scoring.py is the same rule in Python.
// Both run the shared cases in tests/scoring_cases.json. Each question scores all its
// points or none; score = earned * 100 // total (rounded down); pass when score >= pass mark.
// What counts as blank or right is each question type's own rule (questions.js).
import { own } from "./dom.js";
import { questionType } from "./questions.js";

/** @import { QuestionKey } from "./questions.js" */
/** @import { DrawSpec } from "./draw.js" */

/**
 * A quiz's answer key, as the builder embeds it in data-quiz-key.
 * A question pool's key has its `draw` (assets/draw.js), and each question its `objective` when the pool draws
 * per objective.
 * @typedef {{ v: number, quiz: string, passMark: number, questions: Record<string, QuestionKey>, draw?: DrawSpec }} QuizKey
 */
/** @typedef {{ correct: boolean, blank: boolean, points: number }} QuestionResult */
/**
 * @typedef {object} QuizResult
 * @property {number} score a whole percent, rounded down
 * @property {boolean} passed
 * @property {number} earned
 * @property {number} total
 * @property {Record<string, QuestionResult>} questions
 */

/**
 * The answer key from a quiz root's data-quiz-key: JSON, obscured by builder/source/scoring.py's obscure(), which
 * is its own inverse: ROT13 for ASCII letters, and each character from U+00A0 up swapped with its neighbour.
 * @param {string} encoded
 * @returns {QuizKey}
 */
export function decodeKey(encoded) {
  return JSON.parse(reveal(encoded));
}

/**
 * Text as builder/source/scoring.py's obscure() wrote it (the answer key, and a quiz's xAPI activities, which hold
 * the correct-response patterns), read again.
 * @param {string} encoded
 * @returns {string}
 */
export function reveal(encoded) {
  return encoded.replace(/[A-Za-z\u00a0-\u{10ffff}]/gu, (c) => {
    const code = /** @type {number} */ (c.codePointAt(0));
    if (code >= 0xa0) return String.fromCodePoint(code ^ 1);
    const a = code < 0x61 ? 0x41 : 0x61;
    return String.fromCharCode(a + ((code - a + 13) % 26));
  });
}

/**
 * @param {QuestionKey} key
 * @param {unknown} response
 */
export function isBlank(key, response) {
  return response === null || response === undefined || questionType(key.type).isBlank(key, response);
}

/**
 * @param {QuestionKey} key
 * @param {unknown} response
 */
export function isCorrect(key, response) {
  return !isBlank(key, response) && questionType(key.type).isCorrect(key, response);
}

/**
 * Scores responses ({question id: response}) against a key; mirrors scoring.score_quiz.
 * @param {QuizKey} key
 * @param {Record<string, unknown>} responses
 * @returns {QuizResult}
 */
export function scoreQuiz(key, responses) {
  /** @type {Record<string, QuestionResult>} */
  const questions = {};
  let earned = 0;
  let total = 0;
  for (const [id, question] of Object.entries(key.questions)) {
    const response = own(responses, id) ? responses[id] : undefined;
    const correct = isCorrect(question, response);
    questions[id] = { correct, blank: isBlank(question, response), points: correct ? question.points : 0 };
    earned += questions[id].points;
    total += question.points;
  }
  const score = total ? (earned * 100 - ((earned * 100) % total)) / total : 0;
  return { score, passed: score >= key.passMark, earned, total, questions };
}
