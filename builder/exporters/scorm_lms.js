// @ts-check
// The LMS's SCORM runtime, for the launch page (scorm_launch.js) and its interactions (scorm_interactions.js):
// found and spoken to in the same way for SCORM 1.2 (window.API) and SCORM 2004 4th edition (window.API_1484_11).
// The launch page asks for what it means (a status, a score, the place the learner left off); this file knows each
// version's element names, vocabularies and formats.
// A classic script in ES5, like the launch page, and loaded before it.

/**
 * The course's state as the LMS is told it: attempted, passed, or failed for good (the final assessment's attempts
 * used up without a pass, reported only with the `report_failed` option).
 * @typedef {"incomplete" | "passed" | "failed"} CourseStatus
 */
/**
 * @typedef {object} Lms
 * @property {"1.2" | "2004"} version
 * @property {(name: string) => string} get an element's value ("" when the LMS has none or refuses)
 * @property {(name: string, value: string | number) => boolean} set whether the LMS took the value
 * @property {() => void} commit
 * @property {() => string} status the status the LMS holds (CourseStatus, or "" before any)
 * @property {(status: CourseStatus) => boolean} changeStatus sets and commits a new status on its own; whether it changed
 * @property {(percent: number) => void} setScore
 * @property {(page: string) => void} setLocation
 * @property {() => string} location
 * @property {() => void} start marks a first launch as started (incomplete), and commits it
 * @property {(ms: number) => void} finish the session's time, exit as suspended (the learner comes back), terminate
 * @property {(ms: number) => string} timespan a duration in the version's format
 * @property {(at: Date) => string} time a moment in the version's format (cmi.interactions.n.time / timestamp)
 * @property {(correct: boolean) => string} result an interaction's result
 * @property {{ response: string, time: string }} names the version's names of an interaction's response and time
 */

// biome-ignore lint/correctness/noUnusedVariables: used by the scripts loaded after this one
var CourseLms = (function () {
  "use strict";

  /**
   * The SCORM 1.2 or 2004 runtime API the LMS provides; only the calls of the version found are used.
   * @typedef {{ [call: string]: (...args: string[]) => unknown }} Api
   */

  var VERSIONS = {
    "1.2": {
      api: "API",
      initialize: "LMSInitialize",
      terminate: "LMSFinish",
      commit: "LMSCommit",
      get: "LMSGetValue",
      set: "LMSSetValue",
      location: "cmi.core.lesson_location",
      locationLength: 255,
      exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time",
      score: "cmi.core.score",
      response: "student_response",
      time: "time",
    },
    "2004": {
      api: "API_1484_11",
      initialize: "Initialize",
      terminate: "Terminate",
      commit: "Commit",
      get: "GetValue",
      set: "SetValue",
      location: "cmi.location",
      locationLength: 1000,
      exit: "cmi.exit",
      sessionTime: "cmi.session_time",
      score: "cmi.score",
      response: "learner_response",
      time: "timestamp",
    },
  };

  /**
   * The standard discovery: walk up the parents, then the opener's chain, a bounded number of steps.
   * @param {Window | null} win
   * @param {string} name API or API_1484_11
   * @returns {Api | null}
   */
  function findIn(win, name) {
    var tries;
    var found;
    for (tries = 0; win && tries < 10; tries += 1) {
      try {
        found = /** @type {Window & { [name: string]: unknown }} */ (win)[name];
        if (found) return /** @type {Api} */ (found);
      } catch (_e) {
        /* another origin: keep walking */
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  /**
   * @param {number | string} value
   * @param {number} width
   */
  function pad(value, width) {
    var text = String(value);
    while (text.length < width) text = "0" + text;
    return text;
  }

  /**
   * A duration: SCORM 1.2's CMITimespan (HHHH:MM:SS.SS) or 2004's ISO 8601 duration (PT1H2M3.45S).
   * @param {"1.2" | "2004"} version
   * @param {number} ms
   */
  function timespan(version, ms) {
    var total = Math.max(0, Math.round(ms / 10) / 100);
    var hours = Math.floor(total / 3600);
    var minutes = Math.floor((total % 3600) / 60);
    var seconds = Math.round((total % 60) * 100) / 100;
    if (version === "2004") {
      return "PT" + (hours ? hours + "H" : "") + (minutes ? minutes + "M" : "") + seconds + "S";
    }
    return pad(Math.min(9999, hours), 4) + ":" + pad(minutes, 2) + ":" + pad(seconds.toFixed(2), 5);
  }

  /**
   * A moment: 1.2's CMITime (the local time of day, HH:MM:SS) or 2004's timestamp (ISO 8601, UTC).
   * @param {"1.2" | "2004"} version
   * @param {Date} at
   */
  function time(version, at) {
    if (version === "2004") return at.toISOString();
    return pad(at.getHours(), 2) + ":" + pad(at.getMinutes(), 2) + ":" + pad(at.getSeconds(), 2);
  }

  /**
   * The LMS's API of `version`, initialized; null when there is none or it refuses.
   * @param {"1.2" | "2004"} version
   * @returns {Lms | null}
   */
  function connect(version) {
    var names = VERSIONS[version];
    var api = findIn(window.parent !== window ? window.parent : null, names.api);
    if (!api && window.opener) api = findIn(window.opener, names.api);
    if (!api || String(api[names.initialize]("")) !== "true") return null;
    var found = /** @type {Api} */ (api);
    var v2004 = version === "2004";

    /** @param {string} name */
    function get(name) {
      return String(found[names.get](name) || "");
    }
    /**
     * @param {string} name
     * @param {string | number} value
     */
    function set(name, value) {
      return String(found[names.set](name, String(value))) === "true";
    }
    function commit() {
      found[names.commit]("");
    }
    /** @returns {string} */
    function status() {
      var success;
      if (!v2004) return get("cmi.core.lesson_status");
      success = get("cmi.success_status");
      return success === "passed" || success === "failed" ? success : get("cmi.completion_status");
    }

    return {
      version: version,
      names: names,
      get: get,
      set: set,
      commit: commit,
      status: status,
      changeStatus: function (next) {
        if (status() === next) return false;
        if (v2004) {
          set("cmi.completion_status", next === "incomplete" ? "incomplete" : "completed");
          set("cmi.success_status", next === "incomplete" ? "unknown" : next);
        } else set("cmi.core.lesson_status", next);
        commit();
        return true;
      },
      setScore: function (percent) {
        if (v2004) set("cmi.score.scaled", percent / 100);
        set(names.score + ".min", 0);
        set(names.score + ".max", 100);
        set(names.score + ".raw", percent);
      },
      setLocation: function (page) {
        set(names.location, page.slice(0, names.locationLength));
      },
      location: function () {
        return get(names.location);
      },
      start: function () {
        var now = v2004 ? get("cmi.completion_status") : get("cmi.core.lesson_status");
        if (!now || now === "not attempted" || now === "unknown") {
          set(v2004 ? "cmi.completion_status" : "cmi.core.lesson_status", "incomplete");
          commit();
        }
      },
      finish: function (ms) {
        set(names.sessionTime, timespan(version, ms));
        set(names.exit, "suspend");
        commit();
        found[names.terminate]("");
      },
      timespan: function (ms) {
        return timespan(version, ms);
      },
      time: function (at) {
        return time(version, at);
      },
      result: function (correct) {
        return correct ? "correct" : v2004 ? "incorrect" : "wrong";
      },
    };
  }

  return { connect: connect, timespan: timespan };
})();
