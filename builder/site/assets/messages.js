// @ts-check
// Every learner-facing string the course scripts write, in the course's language. The words come from the
// language's catalogue (catalogue.js, which the build writes from builder/locales/<language>.po); this table
// only names them for the scripts and puts numbers in: counts through Intl.NumberFormat, percentages in its
// percent style, and plurals by Intl.PluralRules. Symbols stay the same in every language.
import { CATALOGUE, LANGUAGE } from "./catalogue.js";

const plurals = new Intl.PluralRules(LANGUAGE);
// Latin digits in every language, as Babel writes them on the pages built in Python (locale_format.py).
const digits = { numberingSystem: "latn" };
const numbers = new Intl.NumberFormat(LANGUAGE, digits);
const percents = new Intl.NumberFormat(LANGUAGE, { ...digits, style: "percent", maximumFractionDigits: 1 });
const dates = new Intl.DateTimeFormat(LANGUAGE, { ...digits, year: "numeric", month: "long", day: "numeric" });
const PLACEHOLDER = /\{([a-z_]+)(?::(percent))?\}/g;

/**
 * A day in words in the course's language ("December 1, 2026"); French writes the first of the month "1er",
 * which Intl does not (builder/source/locale_format.py does the same for pages written in Python).
 * @param {Date} date
 * @returns {string}
 */
export function longDate(date) {
  const first = LANGUAGE.split("-")[0] === "fr" && date.getDate() === 1;
  return dates
    .formatToParts(date)
    .map((part) => (first && part.type === "day" ? `${part.value}er` : part.value))
    .join("");
}

/**
 * The catalogue's message `key` with `values` put in; `values.n` picks the plural form.
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
export function text(key, values = {}) {
  const entry = CATALOGUE[key];
  const form = typeof entry === "string" ? entry : (entry[plurals.select(Number(values.n))] ?? entry.other);
  return form.replace(PLACEHOLDER, (_, name, style) => {
    const value = values[name];
    if (style === "percent") return percents.format(Number(value) / 100);
    return typeof value === "number" ? numbers.format(value) : String(value);
  });
}

export const messages = {
  // -- saving, on every page that saves or shows progress
  notKeptResult: text("not_kept_result"),
  notKeptResults: text("not_kept_results"),
  keptResults: text("kept_results"),
  keptResultsSent: text("kept_results_sent"),

  // -- marks: a decorative symbol, then the same in words
  symbolRight: "✓",
  symbolWrong: "✗",

  // -- quizzes (quiz.js)
  correct: text("correct"),
  notAnswered: text("not_answered"),
  notQuite: text("not_quite"),
  /** @param {number} score */
  scored: (score) => text("you_scored", { score }),
  /** @param {number} earned @param {number} total */
  points: (earned, total) => ` ${text("points_earned", { earned, n: total })}`,
  /** @param {number} mark */
  passed: (mark) => text("passed_mark", { mark }),
  /** @param {number} mark */
  notPassed: (mark) => text("not_passed_mark", { mark }),
  /** While an exam's feedback is held back (nothing to read under the questions). @param {number} mark */
  notPassedHeldBack: (mark) => text("not_passed_mark_held_back", { mark }),
  /** Followed by a link to each blank question, separated by `listSeparator`, and `endOfList`. @param {number} n */
  leftBlank: (n) => text("left_blank", { n }),
  /** @param {number} position */
  questionLink: (position) => text("question_link", { position }),
  /** A question's number in the attempt on screen (a question pool's draw). @param {number} position @param {number} total */
  questionNumber: (position, total) => text("question_number", { position, total }),
  listSeparator: text("list_separator"),
  endOfList: text("end_of_list"),
  /** @param {number} best @param {number} attempts */
  bestScore: (best, attempts) => text("best_score_attempts", { best, n: attempts }),
  /** @param {number} score @param {number} attempts */
  lastScore: (score, attempts) => text("last_score_attempts", { score, n: attempts }),

  // -- exams (quiz.js): attempts, marks held back, blank questions confirmed
  /** @param {number} n */
  attemptsLeft: (n) => text("attempts_left", { n }),
  noAttemptsLeft: text("no_attempts_left"),
  /** When an exam's marks show, by its `review` setting (not "always"). @type {Record<string, string>} */
  reviewLater: {
    after_pass: text("exam_review_after_pass"),
    after_last_attempt: text("exam_review_after_last_attempt"),
    never: text("exam_review_never"),
  },
  /** Followed by a link to each blank question, separated by `listSeparator`, and `endOfList`. @param {number} n */
  confirmBlank: (n) => text("confirm_blank", { n }),
  confirmSubmit: text("confirm_submit"),
  submitAnyway: text("submit_anyway"),
  keepAnswering: text("keep_answering"),

  // -- timed quizzes (timer.js, quiz.js)
  /** @param {string} time minutes and seconds, like 12:05 */
  timeLeft: (time) => text("time_left", { time }),
  /** @param {number} n */
  minutesLeft: (n) => text("minutes_left", { n }),
  /** @param {number} n */
  timeExtended: (n) => text("time_extended", { n }),
  timeUp: text("time_up"),

  // -- written practice (written.js)
  writtenNotKept: text("written_not_kept"),
  writtenTruncated: text("written_truncated"),

  // -- role-plays (scenario.js)
  /** @param {number} position */
  step: (position) => text("step", { position }),
  ending: text("ending"),
  youChose: text("you_chose"),
  whatDoYouDo: text("what_do_you_do"),
  chooseOne: text("choose_one"),
  continue: text("continue"),
  playAgain: text("play_again"),
  goBack: text("go_back"),
  yourPath: text("your_path"),
  howItCameAcross: text("how_it_came_across"),
  barsCompare: text("bars_compare"),
  /** @param {string} dimension @param {number} score @param {number} best */
  dimensionScore: (dimension, score, best) => text("dimension_score", { dimension, score, best }),
  /** @param {number} plays @param {string} best the best play's scores (`playScore`, joined by `listSeparator`) */
  endingsReached: (plays, best) => text("endings_reached", { n: plays, best }),
  xapiLater: text("xapi_later"),
  /** @param {string} dimension @param {number} score @param {number} best */
  playScore: (dimension, score, best) => text("play_score", { dimension, score, best }),
  notPlayed: text("not_played"),

  // -- progress, home and certificate pages (pages.js)
  /** The status of a quiz or a group of quizzes, by state. */
  status: {
    "not-started": text("status_not_started"),
    attempted: text("status_attempted"),
    passed: text("status_passed"),
  },
  /** Its decorative symbol, by state. */
  statusSymbol: { "not-started": "○", attempted: "◐", passed: "✓" },
  noScore: "—",
  /** @param {number} score */
  percent: (score) => text("score_percent", { score }),
  /** @param {number} passed @param {number} total */
  groupPassed: (passed, total) => text("group_passed", { n: passed, total }),
  courseComplete: text("course_complete"),
  /** @param {number} total */
  passedAll: (total) => ` ${text("passed_all", { n: total })} `,
  inProgress: text("in_progress"),
  /** @param {number} passed @param {number} total */
  passedSome: (passed, total) => ` ${text("passed_some", { passed, n: total })} `,
  notStarted: text("overall_not_started"),
  noQuizYet: ` ${text("no_quiz_yet")} `,
  getCertificate: text("get_certificate"),
  afterCertificateLink: `${text("end_of_list")} `,
  /** @param {string} best */
  requirementBest: (best) => ` ${text("requirement_best", { best })}`,
  /** @param {string} passed `groupPassed` */
  requirementGroup: (passed) => ` ${text("requirement_group", { passed })}`,
  certificateReady: text("certificate_ready"),
  /** @param {number} missing */
  certificateLocked: (missing) => text("certificate_locked", { n: missing }),
  /** @param {number} mean @param {number} total */
  averageOver: (mean, total) => text("average_over", { mean, n: total }),
};
