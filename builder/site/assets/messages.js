// @ts-check
// Every learner-facing string the course scripts write, in one table: plain strings, and small
// functions where numbers or plurals go in. A later change turns this table into a translation
// catalogue, so wording lives here and nowhere else; the scripts only put the pieces in place.

/**
 * A number with thousands separators, as the progress pages write counts: 1,000.
 * @param {number} n
 */
const number = (n) => n.toLocaleString("en");

/**
 * @param {number} n
 * @param {string} one
 * @param {string} other
 */
const plural = (n, one, other) => (n === 1 ? one : other);

/** @param {number} n */
const quizzes = (n) => `${number(n)} ${plural(n, "quiz", "quizzes")}`;

const NOT_KEPT = "This browser is not keeping your progress (storage is turned off or full), so";

export const messages = {
  // -- saving, on every page that saves or shows progress
  notKeptResult: `${NOT_KEPT} this result will be lost when you leave the page.`,
  notKeptResults: `${NOT_KEPT} results will be lost when you leave the page.`,
  keptResults: "Your results are saved only in this browser; nothing is sent anywhere.",

  // -- marks: a decorative symbol, then the same in words
  symbolRight: "✓",
  symbolWrong: "✗",

  // -- quizzes (quiz.js)
  correct: "Correct",
  notAnswered: "Not answered",
  notQuite: "Not quite",
  /** @param {number} score */
  scored: (score) => `You scored ${score}%`,
  /** @param {number} earned @param {number} total */
  points: (earned, total) => ` (${earned} of ${total} points).`,
  /** @param {number} mark */
  passed: (mark) => `Passed: the pass mark is ${mark}%.`,
  /** @param {number} mark */
  notPassed: (mark) =>
    `Not passed yet: the pass mark is ${mark}%. Read the feedback under each question, then try again.`,
  /** Followed by a link to each blank question, separated by `listSeparator`, and `endOfList`. @param {number} n */
  leftBlank: (n) => `You left ${n} ${plural(n, "question", "questions")} blank (blank answers count as wrong): `,
  /** @param {number} position */
  questionLink: (position) => `question ${position}`,
  listSeparator: ", ",
  endOfList: ".",
  /** @param {number} best @param {number} attempts */
  bestScore: (best, attempts) => `Your best score: ${best}% (${attempts} ${plural(attempts, "attempt", "attempts")}).`,

  // -- role-plays (scenario.js)
  /** @param {number} position */
  step: (position) => `Step ${position}`,
  ending: "How it ended",
  youChose: "You chose: ",
  whatDoYouDo: "What do you do?",
  chooseOne: "Choose one of the options, then press Continue.",
  continue: "Continue",
  playAgain: "Play again",
  goBack: "Go back one step",
  yourPath: "Your path",
  howItCameAcross: "How your choices came across",
  barsCompare: "Each bar compares your score with the best that any path through this role-play can reach.",
  /** @param {string} dimension @param {number} score @param {number} best */
  dimensionScore: (dimension, score, best) => `${dimension}: ${score} out of a best possible ${best}`,
  /** @param {number} plays @param {string} best the best play's scores (`playScore`, joined by `listSeparator`) */
  endingsReached: (plays, best) =>
    `You have reached an ending ${plays} ${plural(plays, "time", "times")}. Your best play: ${best}.`,
  /** @param {string} dimension @param {number} score @param {number} best */
  playScore: (dimension, score, best) => `${dimension} ${score} of ${best}`,
  notPlayed: "Not played yet",

  // -- progress, home and certificate pages (pages.js)
  /** The status of a quiz or a group of quizzes, by state. */
  status: { "not-started": "Not started", attempted: "Attempted", passed: "Passed" },
  /** Its decorative symbol, by state. */
  statusSymbol: { "not-started": "○", attempted: "◐", passed: "✓" },
  noScore: "—",
  /** @param {number} score */
  percent: (score) => `${score}%`,
  /** @param {number} passed @param {number} total */
  groupPassed: (passed, total) => `${passed} of ${total} passed`,
  courseComplete: "Course complete:",
  /** @param {number} total */
  passedAll: (total) => ` you have passed all ${quizzes(total)}. `,
  inProgress: "In progress:",
  /** @param {number} passed @param {number} total */
  passedSome: (passed, total) => ` you have passed ${number(passed)} of ${quizzes(total)}. `,
  notStarted: "Not started:",
  noQuizYet: " you have not taken a quiz yet. ",
  getCertificate: "Get your certificate",
  afterCertificateLink: ". ",
  /** @param {string} best */
  requirementBest: (best) => ` (best score ${best})`,
  /** @param {string} passed `groupPassed` */
  requirementGroup: (passed) => ` (${passed})`,
  certificateReady: "You have passed every quiz of the course: your certificate is ready.",
  /** @param {number} missing */
  certificateLocked: (missing) =>
    `Your certificate is not available yet: you still need to pass ${quizzes(missing)}. ` +
    "These are the quizzes and how you did:",
  /** @param {number} mean @param {number} total */
  averageOver: (mean, total) => `${mean}% average over ${quizzes(total)}`,
};
