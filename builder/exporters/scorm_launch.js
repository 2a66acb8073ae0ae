// @ts-check
// SCORM launch page (1.2 or 2004): one LMS session for the whole visit.
// MkDocs pages are separate documents, so this page holds the session and shows the
// course in a frame. Course pages keep progress in localStorage exactly as on the static
// site; this page seeds it from cmi.suspend_data at launch and, whenever a page saves
// (the `storage` event), reports status, score, suspend_data and each new attempt's answers to the LMS.
// The LMS's API is scorm_lms.js's, for either version; the per-question data is scorm_interactions.js's.
// A classic script in ES5, unlike the course's modules: it is the page the LMS opens, in whatever
// browser and player the LMS has, so it takes no chances with newer syntax, and it imports nothing
// (hence its own copy of own(), which the modules share from dom.js).
(function () {
  "use strict";

  /**
   * How a question's answer is kept in suspend_data (builder/exporters/suspend.py gives each question
   * one; the launch page never needs question types): "choice" the chosen token's index (-1 blank),
   * "choices" a bit mask of the chosen tokens, "text" the text (control characters removed, at most
   * MAX_TEXT characters), "positions" the position given to each token (0 blank), "pairs" the index in
   * `rights` of the value chosen for each token (-1 blank).
   * @typedef {"choice" | "choices" | "text" | "positions" | "pairs"} Encoding
   */
  /**
   * A question: how its answer is kept, and what its interaction is (builder/exporters/interactions.py).
   * @typedef {{ id: string, encoding: Encoding, tokens?: string[], rights?: string[], type: string, patterns: string[],
   *   weight: number, objective: string, text?: string }} QuestionMap
   */
  /**
   * @typedef {{ id: string, version: string, passMark: number, final: boolean, questions: QuestionMap[], draw: number,
   *   timeLimit: number, attempts: number }} QuizMap
   */
  /**
   * @typedef {{ id: string, version: string, nodes: string[], longest: number, choices: number,
   *   scores: number[][] }} ScenarioMap
   */
  /**
   * A written question (never scored, kept apart from the quizzes): its quiz, id, checklist tag and length.
   * @typedef {{ quiz: string, id: string, tag: string, checks: number, type: string, objective: string,
   *   text?: string }} WrittenMap
   */
  /**
   * The course as builder/exporters/suspend.py `course_map` describes it: the SCORM version, its suspend_data limit,
   * and whether a final assessment failed for good is reported as failed.
   * @typedef {{ v: number, scorm: "1.2" | "2004", limit: number, reportFailed: boolean, decimal: string, course: string,
   *   storage: string, quizzes: QuizMap[], scenarios: ScenarioMap[], objectives: string[], written?: WrittenMap[],
   *   writtenBudget?: number }} CourseMap
   */
  /**
   * The course pages' progress (assets/store.js), as found in storage: shapes are expected, not checked,
   * except where a wrong one would break the encoding.
   * @typedef {{ version: string, best: number, attempts: number, passedAt?: string | null,
   *   last?: { score: number, responses?: Record<string, unknown>, draw?: unknown, at?: string | null,
   *   correct?: unknown, latency?: unknown } }} QuizEntry
   * @typedef {{ version: string, plays?: unknown, path?: unknown, best?: unknown }} ScenarioEntry
   * @typedef {{ text?: unknown, ticks?: unknown, tag?: unknown, compared?: unknown }} WrittenEntry
   * @typedef {{ v?: number, name?: string, quizzes?: Record<string, QuizEntry>,
   *   scenarios?: Record<string, ScenarioEntry>, draws?: Record<string, { version: string, ids?: unknown }>,
   *   timers?: Record<string, { version: string, started: number, extra?: number, draft?: Record<string, unknown> }>,
   *   written?: Record<string, Record<string, WrittenEntry>> }} Progress
   */
  /** @typedef {number | string | number[] | null} Answer */

  /** @type {CourseMap} */
  var map = JSON.parse(/** @type {HTMLElement} */ (document.getElementById("course-map")).textContent || "");
  var KEY = map.storage;
  var FORMAT = 2, // 2 adds question pools' draws; 1 (no draws) is still read
    TAG = 6,
    MAX_TEXT = 60,
    MAX_NAME = 60,
    MAX_ATTEMPTS = 9999,
    MAX_CHOICES = 100;
  var frame = /** @type {HTMLIFrameElement} */ (document.getElementById("course-frame"));
  var started = Date.now();
  /** @type {Lms | null} */
  var lms = null;
  /** @type {ReturnType<typeof CourseInteractions.create> | null} */
  var interactions = null;
  var finished = false;
  /** @type {string | null} */
  var lastSaved = null;
  /** The written answers ("quiz/question") the last encode() cut to fit; the course page is told. @type {string[]} */
  var truncated = [];

  /**
   * @param {string} text
   * @param {number} limit
   */
  function cleanText(text, limit) {
    // no control characters or lone surrogates: they would widen the JSON beyond what the export measured
    return (
      String(text)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
        .replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/g, "")
        .slice(0, limit)
    );
  }
  /**
   * A written answer as suspend_data keeps it (builder/exporters/suspend.py `written_text`): line breaks kept,
   * other control characters and lone surrogates removed, then the beginning that JSON writes in at most
   * `budget` characters (a quote, a backslash or a line break takes two; so does a character beyond U+FFFF).
   * @param {string} text
   * @param {number} budget
   */
  function writtenText(text, budget) {
    var clean = String(text).replace(/\r\n?/g, "\n");
    var kept = "";
    var used = 0;
    var i;
    var ch;
    var cost;
    for (i = 0; i < clean.length; i += Math.max(ch.length, 1)) {
      ch = clean.charAt(i);
      if (/[\ud800-\udbff]/.test(ch) && /[\udc00-\udfff]/.test(clean.charAt(i + 1))) ch = clean.slice(i, i + 2);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them (all but the line break) is the point
      else if (/[\u0000-\u0009\u000b-\u001f\u007f\ud800-\udfff]/.test(ch)) continue;
      cost = ch === '"' || ch === "\\" || ch === "\n" || ch.length === 2 ? 2 : 1;
      if (used + cost > budget) break;
      kept += ch;
      used += cost;
    }
    return kept;
  }
  /**
   * Whether `object` is an object with its own property `name` (parsed JSON: never an inherited one).
   * @param {unknown} object
   * @param {string} name
   * @returns {object is Record<string, unknown>}
   */
  function own(object, name) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, name);
  }

  /**
   * A question's saved answer as suspend_data keeps it.
   * @param {QuestionMap} question
   * @param {unknown} response
   * @returns {Answer}
   */
  function encodeAnswer(question, response) {
    var tokens = question.tokens || [];
    var rights = question.rights || [];
    switch (question.encoding) {
      case "choice":
        return tokens.indexOf(/** @type {string} */ (response));
      case "choices":
        return tokens.reduce(function (mask, token, i) {
          return Array.isArray(response) && response.indexOf(token) >= 0 ? mask + Math.pow(2, i) : mask;
        }, 0);
      case "text":
        return typeof response === "string" ? cleanText(response, MAX_TEXT) : "";
      case "positions":
        return tokens.map(function (token) {
          var value = own(response, token) ? String(response[token]) : "";
          return /^\d+$/.test(value) ? Number(value) : 0;
        });
      case "pairs":
        return tokens.map(function (token) {
          return own(response, token) ? rights.indexOf(/** @type {string} */ (response[token])) : -1;
        });
      default:
        return null; // an encoding this page does not know: nothing kept
    }
  }
  /**
   * A saved answer back as the course pages keep it.
   * @param {QuestionMap} question
   * @param {unknown} answer
   * @returns {unknown}
   */
  function decodeAnswer(question, answer) {
    var tokens = question.tokens || [];
    var rights = question.rights || [];
    var index = /** @type {number} */ (answer);
    /** @type {Record<string, string>} */
    var values = {};
    switch (question.encoding) {
      case "choice":
        return tokens[index] || "";
      case "choices":
        return tokens.filter(function (_token, i) {
          return Math.floor(index / Math.pow(2, i)) % 2 === 1;
        });
      case "text":
        return typeof answer === "string" ? answer : "";
      case "positions":
        tokens.forEach(function (token, i) {
          values[token] = Array.isArray(answer) && answer[i] > 0 ? String(answer[i]) : "";
        });
        return values;
      case "pairs":
        tokens.forEach(function (token, i) {
          values[token] = Array.isArray(answer) && rights[answer[i]] ? rights[answer[i]] : "";
        });
        return values;
      default:
        return null;
    }
  }

  /** @returns {Progress} */
  function emptyProgress() {
    return { v: 1, quizzes: {} };
  }

  /**
   * Progress JSON (as the course pages store it) -> suspend_data; builder/exporters/suspend.py mirrors it.
   * @param {Progress} progress
   */
  function encode(progress) {
    /** @type {Record<string, QuizEntry>} */
    var saved = own(progress, "quizzes") ? /** @type {Record<string, QuizEntry>} */ (progress.quizzes) : {};
    var entries = map.quizzes.map(function (quiz) {
      var entry = own(saved, quiz.id) ? saved[quiz.id] : null;
      if (!entry || entry.version !== quiz.version || !entry.last) return 0;
      var responses = entry.last.responses || {};
      return [
        quiz.version.slice(0, TAG),
        entry.best,
        Math.min(entry.attempts, MAX_ATTEMPTS),
        String(entry.passedAt || "").slice(0, 10),
        entry.last.score,
        quiz.questions.map(function (q) {
          return encodeAnswer(q, own(responses, q.id) ? responses[q.id] : null);
        }),
      ].concat(entry.last.draw ? [encodeDraw(quiz, entry.last.draw)] : []);
    });
    /** @type {Record<string, { version: string, ids?: unknown }>} */
    var drawn = own(progress, "draws")
      ? /** @type {Record<string, { version: string, ids?: unknown }>} */ (progress.draws)
      : {};
    var pending = map.quizzes.map(function (quiz) {
      var draw = own(drawn, quiz.id) ? drawn[quiz.id] : null;
      return draw && draw.version === quiz.version ? encodeDraw(quiz, draw.ids) : 0;
    });
    /** @type {unknown[]} */
    var data = [FORMAT, progress.name ? cleanText(progress.name, MAX_NAME) : null, entries];
    /** @type {Record<string, ScenarioEntry>} */
    var played = own(progress, "scenarios") ? /** @type {Record<string, ScenarioEntry>} */ (progress.scenarios) : {};
    if (map.scenarios.length) {
      data.push(
        map.scenarios.map(function (s) {
          return encodeScenario(s, own(played, s.id) ? played[s.id] : null);
        }),
      );
    }
    var timed = own(progress, "timers") ? /** @type {NonNullable<Progress["timers"]>} */ (progress.timers) : {};
    var running = map.quizzes.map(function (quiz) {
      var timer = own(timed, quiz.id) ? timed[quiz.id] : null;
      if (!timer || timer.version !== quiz.version || !isFinite(timer.started)) return 0;
      var draft = timer.draft || {};
      return [
        Math.round(timer.started / 1000),
        isInt(timer.extra) ? timer.extra : 0,
        quiz.questions.map(function (q) {
          return encodeAnswer(q, own(draft, q.id) ? draft[q.id] : null);
        }),
      ];
    });
    truncated = [];
    // after the role-plays (0 when there are none), each list only when something follows it or it has
    // something: the draws waiting (4), the timed attempts running (5), the written answers (6)
    /** @type {unknown[]} */
    var tail = [
      pending.some(Array.isArray) ? pending : 0,
      running.some(Array.isArray) ? running : 0,
      (map.written || []).length
        ? (map.written || []).map(function (q) {
            return encodeWritten(q, own(progress, "written") ? progress.written : null);
          })
        : 0,
    ];
    while (tail.length && tail[tail.length - 1] === 0) tail.pop();
    if (tail.length) {
      if (data.length < 4) data.push(0); // no role-plays
      data = data.concat(tail);
    }
    return JSON.stringify(data);
  }
  /**
   * A question pool's draw (question ids) as their positions in the quiz.
   * @param {QuizMap} quiz
   * @param {unknown} ids
   * @returns {number[]}
   */
  function encodeDraw(quiz, ids) {
    var positions = quiz.questions.map(function (q) {
      return q.id;
    });
    return (Array.isArray(ids) ? ids : [])
      .map(function (id) {
        return positions.indexOf(id);
      })
      .filter(function (n) {
        return n >= 0;
      });
  }
  /**
   * Positions back to question ids (null when one does not fit the quiz).
   * @param {QuizMap} quiz
   * @param {unknown} positions
   * @returns {string[] | null}
   */
  function decodeDraw(quiz, positions) {
    if (!Array.isArray(positions)) return null;
    var ids = positions.map(function (n) {
      return isInt(n) && quiz.questions[n] ? quiz.questions[n].id : "";
    });
    return ids.indexOf("") < 0 ? ids : null;
  }
  /**
   * A written answer as suspend_data keeps it: 0, or [text, ticks (a bit mask; -1 not compared), tag].
   * @param {WrittenMap} question
   * @param {unknown} written the course pages' `written` progress
   */
  function encodeWritten(question, written) {
    var answers = own(written, question.quiz) ? written[question.quiz] : null;
    var entry = own(answers, question.id) ? /** @type {WrittenEntry} */ (answers[question.id]) : null;
    var budget = map.writtenBudget || 0;
    var text;
    var ticks;
    if (!entry || typeof entry.text !== "string") return 0;
    text = writtenText(entry.text, budget);
    if (text !== writtenText(entry.text, Infinity)) truncated.push(question.quiz + "/" + question.id);
    ticks = (Array.isArray(entry.ticks) ? entry.ticks : []).reduce(function (mask, n, i, all) {
      return isInt(n) && n >= 0 && n < question.checks && all.indexOf(n) === i ? mask + Math.pow(2, n) : mask;
    }, 0);
    return [text, entry.compared === true ? ticks : -1, String(entry.tag || "").slice(0, 6)];
  }
  /**
   * @param {unknown} value
   * @returns {value is number}
   */
  function isInt(value) {
    return typeof value === "number" && value % 1 === 0;
  }
  /**
   * @param {ScenarioMap} scenario
   * @param {ScenarioEntry | null} entry
   */
  function encodeScenario(scenario, entry) {
    if (!entry || entry.version !== scenario.version || !Array.isArray(entry.path)) return 0;
    var path = entry.path
      .filter(function (n) {
        return isInt(n) && n >= 0 && n < MAX_CHOICES;
      })
      .slice(0, scenario.longest);
    var best = entry.best;
    var scores = own(best, "scores") ? best.scores : null;
    var end = own(best, "end") ? scenario.nodes.indexOf(/** @type {string} */ (best.end)) : -1;
    var kept =
      Array.isArray(scores) && scores.every(isInt) && end >= 0
        ? [end].concat(scores.slice(0, scenario.scores.length))
        : 0;
    var plays = Math.max(0, Math.min(isInt(entry.plays) ? entry.plays : 0, MAX_ATTEMPTS));
    return [scenario.version.slice(0, TAG), plays, path, kept];
  }
  /**
   * suspend_data -> progress JSON; anything that does not fit the course map is dropped.
   * @param {string} text
   * @returns {Progress}
   */
  function decode(text) {
    var progress = emptyProgress();
    var quizzes = /** @type {Record<string, unknown>} */ (progress.quizzes);
    /** @type {Record<string, unknown>} */
    var scenarios = {};
    /** @type {Record<string, { version: string, ids: string[] }>} */
    var draws = {};
    /** @type {unknown} */
    var data;
    /** @type {unknown[]} */
    var found;
    try {
      data = JSON.parse(text);
    } catch (_e) {
      return progress;
    }
    if (!Array.isArray(data) || (data[0] !== FORMAT && data[0] !== 1) || !Array.isArray(data[2])) return progress;
    found = data;
    if (typeof found[1] === "string" && found[1]) progress.name = found[1];
    map.quizzes.forEach(function (quiz, index) {
      var entry = /** @type {unknown[]} */ (found[2])[index];
      if (!Array.isArray(entry) || entry[0] !== quiz.version.slice(0, TAG)) return;
      var answers = entry[5] || [];
      /** @type {Record<string, unknown>} */
      var responses = {};
      quiz.questions.forEach(function (q, i) {
        responses[q.id] = decodeAnswer(q, answers[i]);
      });
      var passedAt = entry[3] || null;
      var draw = decodeDraw(quiz, entry[6]);
      quizzes[quiz.id] = {
        version: quiz.version,
        best: entry[1],
        attempts: entry[2],
        passedAt: passedAt,
        last: Object.assign(
          { score: entry[4], passed: entry[4] >= quiz.passMark, responses: responses, at: passedAt },
          draw ? { draw: draw } : {},
        ),
      };
    });
    if (Array.isArray(found[5])) {
      progress.timers = {};
      map.quizzes.forEach(function (quiz, index) {
        var timer = /** @type {unknown[]} */ (found[5])[index];
        if (!Array.isArray(timer) || !isInt(timer[0])) return;
        var answers = Array.isArray(timer[2]) ? timer[2] : [];
        /** @type {Record<string, unknown>} */
        var draft = {};
        quiz.questions.forEach(function (q, i) {
          draft[q.id] = decodeAnswer(q, answers[i]);
        });
        /** @type {NonNullable<Progress["timers"]>} */ (progress.timers)[quiz.id] = {
          version: quiz.version,
          started: timer[0] * 1000,
          extra: isInt(timer[1]) ? timer[1] : 0,
          draft: draft,
        };
      });
    }
    if (Array.isArray(found[4])) {
      progress.draws = draws;
      map.quizzes.forEach(function (quiz, index) {
        var ids = decodeDraw(quiz, /** @type {unknown[]} */ (found[4])[index]);
        if (ids) draws[quiz.id] = { version: quiz.version, ids: ids };
      });
    }
    if (map.written && Array.isArray(found[6])) {
      progress.written = decodeWritten(map.written, found[6]);
    }
    if (Array.isArray(found[3])) {
      progress.scenarios = /** @type {Record<string, ScenarioEntry>} */ (scenarios);
      map.scenarios.forEach(function (scenario, index) {
        var entry = /** @type {unknown[]} */ (found[3])[index];
        if (!Array.isArray(entry) || entry[0] !== scenario.version.slice(0, TAG)) return;
        var best = Array.isArray(entry[3]) ? entry[3] : null;
        scenarios[scenario.id] = {
          version: scenario.version,
          plays: entry[1],
          path: Array.isArray(entry[2]) ? entry[2] : [],
          best: best ? { scores: best.slice(1), end: scenario.nodes[best[0]] || "", at: "" } : null,
        };
      });
    }
    return progress;
  }

  /**
   * The written answers of suspend_data back as the course pages keep them.
   * @param {WrittenMap[]} questions
   * @param {unknown[]} saved
   */
  function decodeWritten(questions, saved) {
    /** @type {Record<string, Record<string, WrittenEntry>>} */
    var written = {};
    questions.forEach(function (q, index) {
      var entry = saved[index];
      var mask;
      var ticks = [];
      var n;
      if (!Array.isArray(entry) || typeof entry[0] !== "string") return;
      mask = isInt(entry[1]) ? entry[1] : -1;
      for (n = 0; mask > 0 && n < q.checks; n += 1) if (Math.floor(mask / Math.pow(2, n)) % 2 === 1) ticks.push(n);
      written[q.quiz] = written[q.quiz] || {};
      written[q.quiz][q.id] = { text: entry[0], ticks: ticks, tag: String(entry[2] || ""), compared: mask >= 0 };
    });
    return written;
  }

  /**
   * Tells the course page in the frame which written answers the LMS keeps only the beginning of
   * (assets/written.js shows a notice under each).
   */
  function tellTruncated() {
    try {
      /** @type {Window} */ (frame.contentWindow).postMessage(
        { courseSuspend: { truncated: truncated } },
        window.location.origin,
      );
    } catch (_e) {
      /* the frame shows another origin */
    }
  }

  /** @returns {Progress} */
  function readProgress() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || "null") || emptyProgress();
    } catch (_e) {
      return emptyProgress();
    }
  }

  /**
   * The quizzes' progress of their current version, by id (an edited quiz's old progress does not count).
   * @param {Progress} progress
   * @returns {Record<string, QuizEntry>}
   */
  function currentEntries(progress) {
    /** @type {Record<string, QuizEntry>} */
    var saved = own(progress, "quizzes") ? /** @type {Record<string, QuizEntry>} */ (progress.quizzes) : {};
    /** @type {Record<string, QuizEntry>} */
    var current = {};
    map.quizzes.forEach(function (quiz) {
      var entry = own(saved, quiz.id) ? saved[quiz.id] : null;
      if (entry && entry.version === quiz.version) current[quiz.id] = entry;
    });
    return current;
  }

  /**
   * Score and status from the best results: the final quiz's best, else the mean of the lesson quizzes. Passed when
   * every quiz is; failed (with `report_failed`) when the final quiz's attempts are used up without a pass.
   * @param {Progress} progress
   * @returns {{ score: number | null, status: CourseStatus }}
   */
  function summary(progress) {
    var entries = currentEntries(progress);
    /**
     * @param {QuizMap} quiz
     * @returns {number | null}
     */
    var best = function (quiz) {
      return own(entries, quiz.id) ? entries[quiz.id].best : null;
    };
    var allPassed = map.quizzes.every(function (quiz) {
      var b = best(quiz);
      return b !== null && b >= quiz.passMark;
    });
    var attempted = map.quizzes.some(function (quiz) {
      return best(quiz) !== null;
    });
    var final = map.quizzes.filter(function (quiz) {
      return quiz.final;
    })[0];
    var failed =
      map.reportFailed &&
      final &&
      final.attempts > 0 &&
      own(entries, final.id) &&
      entries[final.id].attempts >= final.attempts &&
      entries[final.id].best < final.passMark;
    var score;
    var lessons;
    if (final) score = best(final);
    else {
      lessons = map.quizzes.filter(function (quiz) {
        return !quiz.final;
      });
      score = lessons.length
        ? Math.floor(
            lessons.reduce(function (sum, quiz) {
              return sum + (best(quiz) || 0);
            }, 0) / lessons.length,
          )
        : null;
    }
    return {
      score: attempted ? score : null,
      status: map.quizzes.length > 0 && allPassed ? "passed" : failed ? "failed" : "incomplete",
    };
  }

  function report() {
    if (!lms || finished) return;
    var progress = readProgress();
    var data = encode(progress);
    if ((map.written || []).length) tellTruncated();
    if (data === lastSaved) return;
    var result = summary(progress);
    // A change of status is committed on its own, before the score. Moodle (mod/scorm/locallib.php) updates
    // the grade and completion only when a commit changes the status, testing the status it had stored before
    // that commit; its player sends the values of one commit score first, so a score and a new status in one
    // commit update nothing, ever again. Status, commit, then score, commit: right in Moodle, and two commits
    // instead of one anywhere else. "failed" only with report_failed: some LMSs lock a learner out after it.
    if (result.status !== "incomplete") lms.changeStatus(result.status);
    if (result.score !== null && result.score !== undefined) lms.setScore(result.score);
    if (data.length <= map.limit) lms.set("cmi.suspend_data", data);
    lastSaved = data;
    if (interactions) interactions.report(currentEntries(progress), progress.written);
    lms.commit();
  }

  /** @param {string} page */
  function remember(page) {
    if (!lms || finished) return;
    lms.setLocation(page);
  }

  function finish() {
    if (!lms || finished) return;
    report();
    lms.finish(Date.now() - started);
    finished = true;
  }

  /** The course page shown in the frame, relative to this page; null when it is elsewhere. */
  function currentPage() {
    var shown;
    var base;
    try {
      shown = /** @type {Window} */ (frame.contentWindow).location;
      base = window.location.pathname.replace(/[^/]*$/, "");
      return shown.pathname.indexOf(base) === 0 ? shown.pathname.slice(base.length) + shown.hash : null;
    } catch (_e) {
      return null;
    }
  }

  /**
   * The LMS is the record: marks the attempt started, seeds the course pages' storage from it (empty
   * on a first launch) and returns the page to open: where the learner left off, else the home page.
   * @param {Lms} connected
   */
  function resume(connected) {
    var restored;
    var location;
    connected.start();
    restored = decode(connected.get("cmi.suspend_data"));
    try {
      window.localStorage.setItem(KEY, JSON.stringify(restored));
    } catch (_e) {
      /* storage off */
    }
    lastSaved = encode(restored);
    interactions = CourseInteractions.create(map, connected);
    interactions.seen(currentEntries(restored), restored.written); // the attempts the LMS has already
    location = connected.location();
    return /^[\w\-./#]+\.html(#[\w-]*)?$/.test(location) && location.indexOf("..") < 0 ? location : "index.html";
  }

  function start() {
    var first = "index.html";
    lms = CourseLms.connect(map.scorm);
    if (lms) first = resume(lms);
    else document.documentElement.setAttribute("data-scorm", "none");
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) report();
    });
    frame.addEventListener("load", function () {
      var page = currentPage();
      var title;
      if (page) remember(page);
      try {
        title = /** @type {Window} */ (frame.contentWindow).document.title;
        if (title) document.title = title;
      } catch (_e) {
        /* another origin */
      }
      report();
    });
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    frame.src = first;
    document.documentElement.setAttribute("data-scorm-ready", lms ? "lms" : "none");
  }

  start();
})();
