// @ts-check
// Per-question data for the LMS (SCORM cmi.interactions and cmi.objectives), which is how LMS reports (Moodle's
// interactions report, corporate LMSs) show which questions learners miss.
// Each checked attempt of a quiz writes one interaction per question it showed: a stable id (quiz/question), the
// interaction type, the learner's response and the right answer's patterns in that type's format
// (builder/exporters/interactions.py writes the patterns and names choices with the same SYMBOLS), the result, the
// weight (points), the latency (from the attempt's start to the learner's last change of that answer), when, and the
// objective it assesses. A written answer, once compared with the model answer, writes one unscored interaction.
// The lessons' objectives get a score and status from the latest attempts of the quizzes that assess them.
// Interactions are a journal (SCORM appends, never rewrites), so each attempt is written once: the attempts already
// reported are those the LMS's suspend_data held at launch, plus those written since.
// Where the LMS has no interactions or objectives (`_children` empty) nothing is written, quietly; a value the LMS
// refuses stops that interaction's other values, never the course.
// A classic script in ES5, like the launch page, loaded after scorm_lms.js and before it.

/**
 * @typedef {{ id: string, encoding: string, type: string, patterns: string[], weight: number, objective: string,
 *   text?: string, tokens?: string[], rights?: string[] }} InteractionQuestion
 * @typedef {{ id: string, passMark: number, questions: InteractionQuestion[] }} InteractionQuiz
 * @typedef {{ quiz: string, id: string, type: string, objective: string, text?: string }} InteractionWritten
 * @typedef {{ quizzes: InteractionQuiz[], written?: InteractionWritten[], objectives: string[], decimal: string }} InteractionMap
 * @typedef {{ version: string, attempts: number, last?: { responses?: Record<string, unknown>, at?: string | null,
 *   draw?: unknown, correct?: unknown, latency?: unknown } }} AttemptEntry
 */

// biome-ignore lint/correctness/noUnusedVariables: used by the launch page, loaded after this script
var CourseInteractions = (function () {
  "use strict";

  var SYMBOLS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var ROW_SYMBOLS = "123456789abcdefghijklmnopqrstuvwxyz0";
  var MAX_TEXT = { "1.2": 255, "2004": 250 };
  var MAX_LONG_TEXT = { "1.2": 255, "2004": 4000 };
  var MAX_ID = 255; // 1.2's CMIIdentifier (2004 takes 4,000); quiz, question and objective ids are short slugs anyway

  /**
   * @param {unknown} object
   * @param {string} name
   * @returns {object is Record<string, unknown>}
   */
  function own(object, name) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, name);
  }

  /**
   * Free text as a response: on one line (2004's strings do not take line breaks), at most `limit` characters; in
   * 2004 without its reserved delimiters ([,] [.] [:]) and without a leading "{" (read as a {lang=…} tag).
   * @param {"1.2" | "2004"} version
   * @param {string} text
   * @param {number} limit
   */
  function freeText(version, text, limit) {
    var line = String(text).replace(/\s+/g, " ").trim();
    if (version === "2004") line = line.replace(/\[[,.:]\]/g, "").replace(/^\{+/, "");
    return line.slice(0, limit);
  }

  /**
   * A typed number as a SCORM real ("1000.5"), by the course's rule (builder/source/questions/numeric.py):
   * spaces ignored; groups of three split by the other of "." and "," than the decimal symbol; else at most one
   * "." or "," as the decimal point. "" when it is not a number.
   * @param {string} text
   * @param {string} decimal
   */
  function decimalText(text, decimal) {
    var plain = String(text);
    if (typeof plain.normalize === "function") plain = plain.normalize("NFKC"); // ES2015: fullwidth digits
    plain = plain.replace(/\u2212/g, "-").replace(/\s+/g, "");
    var group = decimal === "," ? "." : ",";
    var grouped = new RegExp("^[+-]?\\d{1,3}(?:\\" + group + "\\d{3})+(?:\\" + decimal + "\\d+)?$");
    if (grouped.test(plain)) plain = plain.split(group).join("").replace(decimal, ".");
    else if (/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(plain)) plain = plain.replace(",", ".");
    else return "";
    var value = Number(plain);
    return isFinite(value) && Math.abs(value) < 1e10 ? String(value) : "";
  }

  /**
   * The learner's response in the interaction type's format ("" for none).
   * @param {"1.2" | "2004"} version
   * @param {InteractionQuestion} question
   * @param {unknown} response the answer as the course pages saved it
   * @param {string} decimal the course language's decimal symbol
   */
  function responseText(version, question, response, decimal) {
    var comma = version === "2004" ? "[,]" : ",";
    var dot = version === "2004" ? "[.]" : ".";
    var tokens = question.tokens || [];
    var rights = question.rights || [];
    /** @type {string[]} */
    var parts = [];
    var index;
    switch (question.type) {
      case "true-false":
        index = tokens.indexOf(/** @type {string} */ (response)); // tokens: false, true
        if (index < 0) return "";
        return version === "2004" ? String(index === 1) : index === 1 ? "t" : "f";
      case "choice":
        tokens.forEach(function (token, i) {
          if (response === token || (Array.isArray(response) && response.indexOf(token) >= 0)) parts.push(SYMBOLS[i]);
        });
        return parts.join(comma);
      case "fill-in":
        return typeof response === "string" ? freeText(version, response, MAX_TEXT[version]) : "";
      case "numeric":
        if (typeof response !== "string") return "";
        return decimalText(response, decimal) || (version === "2004" ? "" : freeText(version, response, 255));
      case "sequencing":
        tokens
          .map(function (token, i) {
            var position = own(response, token) ? Number(response[token]) : 0;
            return { position: position > 0 ? position : 0, name: SYMBOLS[i] };
          })
          .filter(function (item) {
            return item.position > 0;
          })
          .sort(function (a, b) {
            return a.position - b.position;
          })
          .forEach(function (item) {
            parts.push(item.name);
          });
        return parts.join(comma);
      case "matching":
        tokens.forEach(function (token, row) {
          var value = own(response, token) ? rights.indexOf(/** @type {string} */ (response[token])) : -1;
          if (value >= 0) parts.push(ROW_SYMBOLS[row] + dot + SYMBOLS[value]);
        });
        return parts.join(comma);
      default:
        return ""; // performance or other: too many choices to name
    }
  }

  /**
   * @param {InteractionMap} map
   * @param {Lms} lms
   */
  function create(map, lms) {
    var version = lms.version;
    var children = lms.get("cmi.interactions._children").split(",");
    var objectiveChildren = lms.get("cmi.objectives._children").split(",");
    var count = Number(lms.get("cmi.interactions._count")) || 0;
    /** Quiz id -> the attempts already written. @type {Record<string, number>} */
    var reported = {};
    /** Written answer ("quiz/question") -> the text already written. @type {Record<string, string>} */
    var writtenReported = {};
    /** Objective id -> its index in cmi.objectives. @type {Record<string, number>} */
    var objectiveIndex = {};
    /** Objective id -> the values last written. @type {Record<string, string>} */
    var objectiveWritten = {};
    var objectiveCount = Number(lms.get("cmi.objectives._count")) || 0;
    var i;
    for (i = 0; objectiveChildren.indexOf("id") >= 0 && i < objectiveCount; i += 1) {
      objectiveIndex[lms.get("cmi.objectives." + i + ".id")] = i;
    }

    /** @param {string} child */
    function has(child) {
      return children.indexOf(child) >= 0;
    }

    /**
     * Writes one interaction; false when the LMS refused it (nothing more is written then).
     * @param {{ id: string, type: string, objective: string, text?: string }} item
     * @param {{ response: string, patterns: string[], result: string, weight: number, latency: number | null, at: Date }} values
     */
    function write(item, values) {
      var base = "cmi.interactions." + count + ".";
      // the id first and the type before the responses: 2004 requires that order
      if (!lms.set(base + "id", item.id.slice(0, MAX_ID))) return false;
      if (has("type")) lms.set(base + "type", item.type);
      if (has("objectives") && item.objective) lms.set(base + "objectives.0.id", item.objective);
      if (has(lms.names.time)) lms.set(base + lms.names.time, lms.time(values.at));
      if (has("weighting")) lms.set(base + "weighting", values.weight);
      if (has(lms.names.response) && values.response) lms.set(base + lms.names.response, values.response);
      if (has("correct_responses")) {
        values.patterns.forEach(function (pattern, n) {
          lms.set(base + "correct_responses." + n + ".pattern", pattern);
        });
      }
      if (has("result")) lms.set(base + "result", values.result);
      if (has("latency") && values.latency !== null) lms.set(base + "latency", lms.timespan(values.latency));
      if (has("description") && item.text) lms.set(base + "description", item.text);
      count += 1;
      return true;
    }

    /**
     * The questions a quiz's last attempt showed: its draw, in order, or every question.
     * @param {InteractionQuiz} quiz
     * @param {unknown} draw
     */
    function shown(quiz, draw) {
      if (!Array.isArray(draw)) return quiz.questions;
      return quiz.questions.filter(function (q) {
        return draw.indexOf(q.id) >= 0;
      });
    }

    /**
     * @param {unknown} at an ISO time the course page saved
     */
    function moment(at) {
      var date = typeof at === "string" ? new Date(at) : new Date();
      return isNaN(date.getTime()) ? new Date() : date;
    }

    /**
     * A quiz's last attempt, when it is new and the page said which answers were right.
     * @param {InteractionQuiz} quiz
     * @param {AttemptEntry} entry
     */
    function reportAttempt(quiz, entry) {
      var last = entry.last;
      var correct = last && Array.isArray(last.correct) ? last.correct : null;
      var latency = last && own(last, "latency") && last.latency !== null && typeof last.latency === "object" ? last.latency : {};
      var responses = (last && last.responses) || {};
      /** @type {unknown[]} */
      var right;
      if (!last || !correct || entry.attempts <= (reported[quiz.id] || 0)) return;
      right = correct;
      reported[quiz.id] = entry.attempts;
      shown(quiz, last.draw).every(function (q) {
        var ms = own(latency, q.id) ? Number(latency[q.id]) : NaN;
        return write(
          { id: quiz.id + "/" + q.id, type: q.type, objective: q.objective, text: q.text },
          {
            response: responseText(version, q, own(responses, q.id) ? responses[q.id] : null, map.decimal),
            patterns: q.patterns,
            result: lms.result(right.indexOf(q.id) >= 0),
            weight: q.weight,
            latency: isFinite(ms) && ms >= 0 ? ms : null,
            at: moment(last && last.at),
          },
        );
      });
    }

    /**
     * A written answer's text as its interaction's response once the learner compared it with the model answer;
     * "" before that.
     * @param {InteractionWritten} question
     * @param {unknown} written the course pages' `written` progress
     */
    function comparedText(question, written) {
      var answers = own(written, question.quiz) ? written[question.quiz] : null;
      var entry = own(answers, question.id) ? answers[question.id] : null;
      if (!own(entry, "text") || typeof entry.text !== "string" || entry.compared !== true) return "";
      return freeText(version, entry.text, MAX_LONG_TEXT[version]);
    }

    /**
     * A written answer, once compared with the model answer and each time its text changes after that.
     * @param {InteractionWritten} question
     * @param {unknown} written the course pages' `written` progress
     */
    function reportWritten(question, written) {
      var key = question.quiz + "/" + question.id;
      var text = comparedText(question, written);
      if (!text || writtenReported[key] === text) return;
      writtenReported[key] = text;
      write(
        { id: key, type: question.type, objective: question.objective, text: question.text },
        { response: text, patterns: [], result: "neutral", weight: 0, latency: null, at: new Date() },
      );
    }

    /**
     * Each assessed objective's score (the share of its questions' points earned in the latest attempts of the
     * quizzes that assess it) and status (passed at the highest pass mark of those quizzes).
     * @param {Record<string, AttemptEntry>} entries the quizzes' progress of this version, by id
     */
    function reportObjectives(entries) {
      if (objectiveChildren.indexOf("id") < 0) return;
      map.objectives.forEach(function (objective) {
        var earned = 0;
        var possible = 0;
        var passMark = 0;
        var score;
        var values;
        var n;
        var base;
        map.quizzes.forEach(function (quiz) {
          var entry = own(entries, quiz.id) ? entries[quiz.id] : null;
          var correct = entry && entry.last && Array.isArray(entry.last.correct) ? entry.last.correct : null;
          if (!entry || !entry.last || !correct) return;
          shown(quiz, entry.last.draw).forEach(function (q) {
            if (q.objective !== objective) return;
            possible += q.weight;
            if (/** @type {unknown[]} */ (correct).indexOf(q.id) >= 0) earned += q.weight;
            passMark = Math.max(passMark, quiz.passMark);
          });
        });
        if (!possible) return;
        score = Math.floor((earned * 100) / possible);
        values = score + (score >= passMark ? " passed" : " failed");
        if (objectiveWritten[objective] === values) return;
        n = own(objectiveIndex, objective) ? objectiveIndex[objective] : objectiveCount;
        base = "cmi.objectives." + n + ".";
        if (!lms.set(base + "id", objective.slice(0, MAX_ID))) return;
        if (n === objectiveCount) {
          objectiveIndex[objective] = n;
          objectiveCount += 1;
        }
        objectiveWritten[objective] = values;
        if (version === "2004") lms.set(base + "score.scaled", score / 100);
        lms.set(base + "score.min", 0);
        lms.set(base + "score.max", 100);
        lms.set(base + "score.raw", score);
        if (version === "2004") {
          lms.set(base + "success_status", score >= passMark ? "passed" : "failed");
          lms.set(base + "completion_status", "completed");
        } else lms.set(base + "status", score >= passMark ? "passed" : "failed");
      });
    }

    return {
      /**
       * What the LMS already holds, at launch: the attempts and written answers suspend_data kept.
       * @param {Record<string, AttemptEntry>} entries
       * @param {unknown} written
       */
      seen: function (entries, written) {
        map.quizzes.forEach(function (quiz) {
          if (own(entries, quiz.id)) reported[quiz.id] = entries[quiz.id].attempts;
        });
        (map.written || []).forEach(function (question) {
          var text = comparedText(question, written);
          if (text) writtenReported[question.quiz + "/" + question.id] = text;
        });
      },
      /**
       * New attempts, compared written answers and the objectives, from the course pages' progress.
       * @param {Record<string, AttemptEntry>} entries the quizzes' progress of this version, by id
       * @param {unknown} written
       */
      report: function (entries, written) {
        if (has("id")) {
          map.quizzes.forEach(function (quiz) {
            if (own(entries, quiz.id)) reportAttempt(quiz, entries[quiz.id]);
          });
          (map.written || []).forEach(function (question) {
            reportWritten(question, written);
          });
        }
        reportObjectives(entries);
      },
    };
  }

  return { create: create, responseText: responseText };
})();
