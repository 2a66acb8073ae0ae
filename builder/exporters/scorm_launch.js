// SCORM 1.2 launch page: one LMS session for the whole visit.
// MkDocs pages are separate documents, so this page holds the session and shows the
// course in a frame. Course pages keep progress in localStorage exactly as on the static
// site; this page seeds it from cmi.suspend_data at launch and, whenever a page saves
// (the `storage` event), reports score, status and suspend_data to the LMS.
(function () {
  "use strict";
  var map = JSON.parse(document.getElementById("course-map").textContent);
  var KEY = map.storage;
  var FORMAT = 1, TAG = 6, MAX_TEXT = 60, MAX_NAME = 60, MAX_ATTEMPTS = 9999, MAX_CHOICES = 100, LIMIT = 4096;
  var frame = document.getElementById("course-frame");
  var started = Date.now();
  var api = null, finished = false, lastSaved = null;

  // The standard discovery: walk up the parents, then the opener's chain, a bounded number of steps.
  function findIn(win) {
    for (var tries = 0; win && tries < 10; tries += 1) {
      try {
        if (win.API) return win.API;
      } catch (e) { /* another origin: keep walking */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function findApi() {
    var found = findIn(window.parent !== window ? window.parent : null);
    if (!found && window.opener) found = findIn(window.opener);
    return found;
  }

  function get(name) { return String(api.LMSGetValue(name) || ""); }
  function set(name, value) { api.LMSSetValue(name, String(value)); }

  function cleanText(text, limit) {
    // no control characters or lone surrogates: they would widen the JSON beyond what the export measured
    return String(text).replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/g, "")
      .slice(0, limit);
  }
  function own(object, name) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, name);
  }

  function encodeAnswer(question, response) {
    var tokens = question.tokens || [];
    switch (question.type) {
      case "single": case "true_false": return tokens.indexOf(response);
      case "multiple":
        return tokens.reduce(function (mask, token, i) {
          return Array.isArray(response) && response.indexOf(token) >= 0 ? mask + Math.pow(2, i) : mask;
        }, 0);
      case "short_text": return typeof response === "string" ? cleanText(response, MAX_TEXT) : "";
      case "ordering":
        return tokens.map(function (token) {
          var value = own(response, token) ? String(response[token]) : "";
          return /^\d+$/.test(value) ? Number(value) : 0;
        });
      default:
        return tokens.map(function (token) {
          return own(response, token) ? question.rights.indexOf(response[token]) : -1;
        });
    }
  }
  function decodeAnswer(question, answer) {
    var tokens = question.tokens || [];
    switch (question.type) {
      case "single": case "true_false": return tokens[answer] || "";
      case "multiple": return tokens.filter(function (token, i) { return Math.floor(answer / Math.pow(2, i)) % 2 === 1; });
      case "short_text": return typeof answer === "string" ? answer : "";
      case "ordering": {
        var order = {};
        tokens.forEach(function (token, i) { order[token] = Array.isArray(answer) && answer[i] > 0 ? String(answer[i]) : ""; });
        return order;
      }
      default: {
        var pairs = {};
        tokens.forEach(function (token, i) {
          pairs[token] = Array.isArray(answer) && question.rights[answer[i]] ? question.rights[answer[i]] : "";
        });
        return pairs;
      }
    }
  }

  // Progress JSON (as the course pages store it) <-> suspend_data; builder/exporters/suspend.py mirrors encode.
  function encode(progress) {
    var saved = own(progress, "quizzes") ? progress.quizzes : {};
    var entries = map.quizzes.map(function (quiz) {
      var entry = own(saved, quiz.id) ? saved[quiz.id] : null;
      if (!entry || entry.version !== quiz.version || !entry.last) return 0;
      var responses = entry.last.responses || {};
      return [quiz.version.slice(0, TAG), entry.best, Math.min(entry.attempts, MAX_ATTEMPTS),
        String(entry.passedAt || "").slice(0, 10), entry.last.score,
        quiz.questions.map(function (q) { return encodeAnswer(q, own(responses, q.id) ? responses[q.id] : null); })];
    });
    var data = [FORMAT, progress.name ? cleanText(progress.name, MAX_NAME) : null, entries];
    var played = own(progress, "scenarios") ? progress.scenarios : {};
    if (map.scenarios.length) data.push(map.scenarios.map(function (s) { return encodeScenario(s, own(played, s.id) ? played[s.id] : null); }));
    return JSON.stringify(data);
  }
  function isInt(value) { return typeof value === "number" && value % 1 === 0; }
  function encodeScenario(scenario, entry) {
    if (!entry || entry.version !== scenario.version || !Array.isArray(entry.path)) return 0;
    var path = entry.path.filter(function (n) { return isInt(n) && n >= 0 && n < MAX_CHOICES; }).slice(0, scenario.longest);
    var best = entry.best, scores = own(best, "scores") ? best.scores : null;
    best = Array.isArray(scores) && scores.every(isInt) && scenario.nodes.indexOf(best.end) >= 0
      ? [scenario.nodes.indexOf(best.end)].concat(scores.slice(0, scenario.scores.length)) : 0;
    return [scenario.version.slice(0, TAG), Math.max(0, Math.min(isInt(entry.plays) ? entry.plays : 0, MAX_ATTEMPTS)), path, best];
  }
  function decode(text) {
    var progress = { v: 1, quizzes: {} };
    var data;
    try { data = JSON.parse(text); } catch (e) { return progress; }
    if (!Array.isArray(data) || data[0] !== FORMAT || !Array.isArray(data[2])) return progress;
    if (typeof data[1] === "string" && data[1]) progress.name = data[1];
    map.quizzes.forEach(function (quiz, index) {
      var entry = data[2][index];
      if (!Array.isArray(entry) || entry[0] !== quiz.version.slice(0, TAG)) return;
      var responses = {};
      quiz.questions.forEach(function (q, i) { responses[q.id] = decodeAnswer(q, (entry[5] || [])[i]); });
      var passedAt = entry[3] || null;
      progress.quizzes[quiz.id] = {
        version: quiz.version, best: entry[1], attempts: entry[2], passedAt: passedAt,
        last: { score: entry[4], passed: entry[4] >= quiz.passMark, responses: responses, at: passedAt },
      };
    });
    if (Array.isArray(data[3])) {
      progress.scenarios = {};
      map.scenarios.forEach(function (scenario, index) {
        var entry = data[3][index];
        if (!Array.isArray(entry) || entry[0] !== scenario.version.slice(0, TAG)) return;
        var best = Array.isArray(entry[3]) ? entry[3] : null;
        progress.scenarios[scenario.id] = {
          version: scenario.version, plays: entry[1], path: Array.isArray(entry[2]) ? entry[2] : [],
          best: best ? { scores: best.slice(1), end: scenario.nodes[best[0]] || "", at: "" } : null,
        };
      });
    }
    return progress;
  }

  function readProgress() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || { v: 1, quizzes: {} }; } catch (e) { return { v: 1, quizzes: {} }; }
  }

  /** Score and status from the best results: the final quiz's best, else the mean of the lesson quizzes. */
  function summary(progress) {
    var saved = own(progress, "quizzes") ? progress.quizzes : {};
    var best = function (quiz) {
      var entry = own(saved, quiz.id) ? saved[quiz.id] : null;
      return entry && entry.version === quiz.version ? entry.best : null;
    };
    var allPassed = map.quizzes.every(function (quiz) { var b = best(quiz); return b !== null && b >= quiz.passMark; });
    var attempted = map.quizzes.some(function (quiz) { return best(quiz) !== null; });
    var final = map.quizzes.filter(function (quiz) { return quiz.final; })[0];
    var score;
    if (final) score = best(final);
    else {
      var lessons = map.quizzes.filter(function (quiz) { return !quiz.final; });
      score = lessons.length ? Math.floor(lessons.reduce(function (sum, quiz) { return sum + (best(quiz) || 0); }, 0) / lessons.length) : null;
    }
    return { score: attempted ? score : null, passed: map.quizzes.length > 0 && allPassed };
  }

  function report() {
    if (!api || finished) return;
    var progress = readProgress();
    var data = encode(progress);
    if (data === lastSaved) return;
    var result = summary(progress);
    if (result.score !== null && result.score !== undefined) {
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", result.score);
    }
    // never "failed": some LMSs lock a learner out after it
    if (result.passed) set("cmi.core.lesson_status", "passed");
    if (data.length <= LIMIT) set("cmi.suspend_data", data);
    lastSaved = data;
    api.LMSCommit("");
  }

  function remember(page) {
    if (!api || finished) return;
    set("cmi.core.lesson_location", page.slice(0, 255));
  }

  function timespan(ms) {
    var total = Math.round(ms / 10) / 100;
    var hours = Math.min(9999, Math.floor(total / 3600));
    var minutes = Math.floor((total % 3600) / 60);
    var seconds = (total % 60).toFixed(2);
    var pad = function (value, width) { value = String(value); while (value.length < width) value = "0" + value; return value; };
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 5);
  }

  function finish() {
    if (!api || finished) return;
    report();
    set("cmi.core.session_time", timespan(Date.now() - started));
    set("cmi.core.exit", "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
    finished = true;
  }

  function currentPage() {
    try {
      var path = frame.contentWindow.location.pathname;
      var base = window.location.pathname.replace(/[^/]*$/, "");
      return path.indexOf(base) === 0 ? path.slice(base.length) + frame.contentWindow.location.hash : null;
    } catch (e) { return null; }
  }

  function start() {
    api = findApi();
    var first = "index.html";
    if (api && String(api.LMSInitialize("")) === "true") {
      var status = get("cmi.core.lesson_status");
      if (!status || status === "not attempted") {
        set("cmi.core.lesson_status", "incomplete");
        api.LMSCommit("");
      }
      // The LMS is the record: seed the course pages' storage from it (empty on a first launch).
      var restored = decode(get("cmi.suspend_data"));
      try { window.localStorage.setItem(KEY, JSON.stringify(restored)); } catch (e) { /* storage off */ }
      lastSaved = encode(restored);
      var location = get("cmi.core.lesson_location");
      if (/^[\w\-./#]+\.html(#[\w\-]*)?$/.test(location) && location.indexOf("..") < 0) first = location;
    } else {
      api = null;
      document.documentElement.setAttribute("data-scorm", "none");
    }
    window.addEventListener("storage", function (event) { if (event.key === KEY) report(); });
    frame.addEventListener("load", function () {
      var page = currentPage();
      if (page) remember(page);
      try {
        if (frame.contentWindow.document.title) document.title = frame.contentWindow.document.title;
      } catch (e) { /* another origin */ }
      report();
    });
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    frame.src = first;
    document.documentElement.setAttribute("data-scorm-ready", api ? "lms" : "none");
  }

  start();
}());
