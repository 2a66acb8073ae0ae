// @ts-check
// xAPI statements to a Learning Record Store (docs/xapi.md), only with the `xapi` option: for each checked quiz
// attempt one `answered` per question it showed, then `passed` or `failed`; the course `completed` once every quiz
// is passed; a written answer `answered` when the learner compares it; each role-play choice `responded`.
// Statements wait in the learner's storage, in order, and go to the LRS oldest first. When it cannot be reached
// they stay, and go on the next page, when the browser is back online, or on a later try; their ids are set here,
// so a statement sent twice (its answer lost on the way back) is stored once. A failing LRS never stops a quiz:
// one quiet notice says the answers will be sent later.
import { h, own } from "./dom.js";
import { messages } from "./messages.js";
import { parseNumber } from "./questions.js";
import { reveal } from "./scoring.js";
import { entryFor, store } from "./store.js";

/**
 * #course-xapi: the LRS, the course's write-only credentials, the course IRI and every quiz.
 * @typedef {{ endpoint: string, auth: string, base: string, storage: string, language: string, name: string,
 *   quizzes: { id: string, version: string, passMark: number }[] }} XapiConfig
 */
/**
 * A question's activity (site/xapi.py): its id, points, definition, and its choice tokens by source position.
 * @typedef {{ id: string, points: number, definition: Record<string, any>, tokens?: string[], rights?: string[],
 *   decimal?: string }} QuestionActivity
 * @typedef {{ id: string, name: Record<string, string>, type: string, questions: Record<string, QuestionActivity> }} QuizActivity
 */
/** @typedef {Record<string, any>} Statement */
/**
 * What this browser keeps: who the learner is to the LRS, its registration, the statements waiting, and whether
 * the course's `completed` was queued.
 * @typedef {{ actor: Record<string, unknown>, registration: string, queue: Statement[], completed: boolean }} XapiState
 */

const VERB = "http://adlnet.gov/expapi/verbs/";
const ACTIVITY = "http://adlnet.gov/expapi/activities/";
const SYMBOLS = "abcdefghijklmnopqrstuvwxyz0123456789";
const ROW_SYMBOLS = "123456789abcdefghijklmnopqrstuvwxyz0";
const BATCH = 50; // statements per request
const RETRY_MS = 20_000;

/** A random UUID (version 4): crypto.randomUUID where the page is a secure context, else from random bytes. */
function uuid() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An Agent from the launch URL (`?actor=<JSON>`, as an LMS or a cmi5 launcher passes it), or null.
 * @param {string | null} text
 */
function launchActor(text) {
  try {
    const actor = JSON.parse(text || "null");
    const identified = ["mbox", "mbox_sha1sum", "openid", "account"].some((ifi) => own(actor, ifi));
    return actor && typeof actor === "object" && !Array.isArray(actor) && identified
      ? { ...actor, objectType: "Agent" }
      : null;
  } catch {
    return null;
  }
}

/**
 * The learner's answer in the interaction type's format (docs/xapi.md), or "" when blank.
 * @param {QuestionActivity} question
 * @param {unknown} response as the quiz saved it
 */
export function responseText(question, response) {
  const tokens = question.tokens || [];
  const rights = question.rights || [];
  switch (question.definition.interactionType) {
    case "true-false":
      return response === "true" || response === "false" ? response : "";
    case "choice":
      return tokens
        .flatMap((token, i) =>
          response === token || (Array.isArray(response) && response.includes(token)) ? [SYMBOLS[i]] : [],
        )
        .join("[,]");
    case "fill-in":
    case "long-fill-in":
      return typeof response === "string" ? response.trim() : "";
    case "numeric":
      return typeof response === "string" ? numberText(response, question.decimal === "," ? "," : ".") : "";
    case "sequencing":
      return tokens
        .map((token, i) => ({ position: own(response, token) ? Number(response[token]) || 0 : 0, name: SYMBOLS[i] }))
        .filter((item) => item.position > 0)
        .sort((a, b) => a.position - b.position)
        .map((item) => item.name)
        .join("[,]");
    case "matching":
      return tokens
        .flatMap((token, row) => {
          const value = own(response, token) ? rights.indexOf(String(response[token])) : -1;
          return value >= 0 ? [`${ROW_SYMBOLS[row]}[.]${SYMBOLS[value]}`] : [];
        })
        .join("[,]");
    default:
      return "";
  }
}

/**
 * A typed number as an xAPI numeric response ("1000.5"), read by the quiz's own rule; "" when it is not a number.
 * @param {string} text
 * @param {"." | ","} decimal
 */
function numberText(text, decimal) {
  const value = parseNumber(text, decimal);
  return value !== null && Number.isFinite(value) ? String(value) : "";
}

class Recorder {
  /** @param {XapiConfig} config */
  constructor(config) {
    this.config = config;
    this.key = `course-xapi:${config.storage}`;
    /** @type {XapiState} */
    this.state = this.load();
    this.sending = false;
    this.noticed = false;
    /** @type {number | undefined} */
    this.retry = undefined;
  }

  /** @returns {XapiState} */
  load() {
    /** @type {Partial<XapiState>} */
    let saved = {};
    try {
      saved = JSON.parse(window.localStorage.getItem(this.key) || "{}") || {};
    } catch {
      saved = {};
    }
    const actor = launchActor(new URLSearchParams(window.location.search).get("actor")) ||
      (own(saved, "actor") && saved.actor && typeof saved.actor === "object" ? saved.actor : null) || {
        objectType: "Agent",
        account: { homePage: this.config.base, name: uuid() },
      };
    const state = {
      actor,
      registration: typeof saved.registration === "string" ? saved.registration : uuid(),
      queue: Array.isArray(saved.queue) ? saved.queue : [],
      completed: saved.completed === true,
    };
    this.state = state;
    this.save();
    return state;
  }

  /**
   * The state as storage holds it now: another page of the course may have queued or sent statements meanwhile.
   * This page's own when storage is off, so what waits is kept for as long as the page is open.
   * @returns {XapiState}
   */
  current() {
    try {
      const saved = JSON.parse(window.localStorage.getItem(this.key) || "null");
      if (saved && Array.isArray(saved.queue)) {
        return { ...this.state, queue: saved.queue, completed: saved.completed === true || this.state.completed };
      }
    } catch {
      /* storage off */
    }
    return this.state;
  }

  save() {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.state));
    } catch {
      /* storage off or full: the queue lives as long as the page */
    }
  }

  /**
   * A statement about `object`, with this learner, its registration and the course as grouping.
   * @param {string} verb
   * @param {Record<string, any>} object
   * @param {Record<string, any>} result
   * @param {Record<string, any>} [context] more context (parent, extensions)
   * @returns {Statement}
   */
  statement(verb, object, result, context = {}) {
    const config = this.config;
    return {
      id: uuid(),
      actor: this.state.actor,
      verb: { id: VERB + verb, display: { "en-US": verb } },
      object: { objectType: "Activity", ...object },
      result,
      context: {
        registration: this.state.registration,
        platform: "course builder",
        language: config.language,
        ...context,
        contextActivities: {
          ...(context.contextActivities || {}),
          grouping: [this.course()],
        },
      },
      timestamp: new Date().toISOString(),
    };
  }

  course() {
    const config = this.config;
    return {
      objectType: "Activity",
      id: config.base,
      definition: { type: `${ACTIVITY}course`, name: { [config.language]: config.name } },
    };
  }

  /** @param {Statement[]} statements */
  queue(statements) {
    this.state = this.current();
    this.state.queue.push(...statements);
    this.save();
    this.flush();
  }

  /**
   * A checked quiz attempt: the questions it showed, then its result; the course, when it is now passed.
   * @param {HTMLElement} root the quiz
   */
  quizChecked(root) {
    const activity = /** @type {QuizActivity} */ (JSON.parse(reveal(root.dataset.xapi || "") || "null"));
    const progress = store.get(this.config.storage);
    const entry = entryFor(progress, root.dataset.quiz || "", root.dataset.quizVersion || "");
    if (!activity || !entry) return;
    const last = entry.last;
    const shown = last.draw || Object.keys(activity.questions).filter((id) => activity.questions[id].points > 0);
    const correct = last.correct || [];
    const quiz = { id: activity.id, definition: { type: activity.type, name: activity.name } };
    const attempt = { [`${this.config.base}/xapi/attempt`]: entry.attempts };
    const parent = { contextActivities: { parent: [{ objectType: "Activity", id: activity.id }] } };
    /** @type {Statement[]} */
    const statements = shown
      .filter((id) => own(activity.questions, id))
      .map((id) => {
        const question = activity.questions[id];
        const right = correct.includes(id);
        const response = responseText(question, own(last.responses, id) ? last.responses[id] : null);
        return this.statement(
          "answered",
          { id: question.id, definition: question.definition },
          {
            ...(response ? { response } : {}),
            success: right,
            score: { raw: right ? question.points : 0, min: 0, max: question.points },
          },
          { ...parent, extensions: attempt },
        );
      });
    statements.push(
      this.statement(
        last.passed ? "passed" : "failed",
        quiz,
        {
          success: last.passed,
          completion: true,
          score: { scaled: last.score / 100, raw: last.score, min: 0, max: 100 },
        },
        { extensions: attempt },
      ),
    );
    const passedAll = this.config.quizzes.every((q) => {
      const saved = entryFor(progress, q.id, q.version);
      return saved && saved.best >= q.passMark;
    });
    if (passedAll && !this.state.completed) {
      this.state.completed = true;
      statements.push(this.statement("completed", this.course(), { completion: true, success: true }));
    }
    this.queue(statements);
  }

  /**
   * A written answer compared with the model answer: an unscored `answered`.
   * @param {HTMLElement} root the quiz
   * @param {string} id the question
   * @param {string} text
   */
  writtenCompared(root, id, text) {
    const activity = /** @type {QuizActivity} */ (JSON.parse(reveal(root.dataset.xapi || "") || "null"));
    const question = activity && own(activity.questions, id) ? activity.questions[id] : null;
    if (!question || !text.trim()) return;
    const parent = { contextActivities: { parent: [{ objectType: "Activity", id: activity.id }] } };
    this.queue([
      this.statement(
        "answered",
        { id: question.id, definition: question.definition },
        { response: text.trim() },
        parent,
      ),
    ]);
  }

  /**
   * A role-play choice: the choice's text, where it was made, the scores so far and the ending it led to.
   * @param {{ scenario: string, title: string, node: string, choice: number, text: string, ending: string | null,
   *   dimensions: string[], scores: number[] }} detail
   */
  responded(detail) {
    const base = this.config.base;
    const scores = Object.fromEntries(detail.dimensions.map((d, i) => [d, detail.scores[i]]));
    const extensions = {
      [`${base}/xapi/node`]: detail.node,
      [`${base}/xapi/choice`]: detail.choice,
      [`${base}/xapi/scores`]: scores,
      ...(detail.ending ? { [`${base}/xapi/ending`]: detail.ending } : {}),
    };
    const object = {
      id: `${base}/role-plays/${detail.scenario}`,
      definition: { type: `${ACTIVITY}simulation`, name: { [this.config.language]: detail.title } },
    };
    this.queue([this.statement("responded", object, { response: detail.text, extensions })]);
  }

  /** Sends the waiting statements, oldest first, a batch at a time, until none wait or the LRS fails. */
  async flush() {
    if (this.sending || !this.state.queue.length) return;
    this.sending = true;
    window.clearTimeout(this.retry);
    try {
      while (this.state.queue.length) {
        const batch = this.state.queue.slice(0, BATCH);
        const status = await this.post(batch);
        // 409: the LRS holds one of these ids already (its reply to an earlier send was lost), and some LRSs then
        // refuse the whole batch: send them one by one, each 409 a statement stored before. 400: it never will.
        if (status === 409 && batch.length > 1) {
          for (const one of batch) {
            const alone = await this.post([one]);
            if (alone >= 300 && alone !== 409 && alone !== 400) throw new Error(`${alone}`);
          }
        } else if (status >= 300 && status !== 409 && status !== 400) throw new Error(`${status}`);
        const sent = new Set(batch.map((s) => s.id));
        const now = this.current();
        this.state = { ...now, queue: now.queue.filter((s) => !sent.has(s.id)) };
        this.save();
      }
    } catch {
      this.notice();
      this.retry = window.setTimeout(() => this.flush(), RETRY_MS);
    } finally {
      this.sending = false;
    }
  }

  /**
   * POSTs statements to the LRS; the HTTP status (a network failure throws).
   * @param {Statement[]} statements
   */
  async post(statements) {
    const response = await fetch(`${this.config.endpoint}statements`, {
      method: "POST",
      headers: {
        Authorization: this.config.auth,
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
      },
      body: JSON.stringify(statements),
    });
    return response.status;
  }

  /** Once per page, quietly: the LRS could not be reached, and the answers will go later. */
  notice() {
    if (this.noticed) return;
    this.noticed = true;
    const where = document.querySelector(".md-content__inner") || document.body;
    where.append(h("p", { class: "course-notice", role: "status", "data-xapi-notice": "" }, messages.xapiLater));
  }
}

const element = document.getElementById("course-xapi");
if (element) {
  const recorder = new Recorder(JSON.parse(element.textContent || "{}"));
  document.addEventListener("course:quiz-checked", (event) => {
    if (event.target instanceof HTMLElement) recorder.quizChecked(event.target);
  });
  document.addEventListener("course:written-compared", (event) => {
    const detail = /** @type {CustomEvent<{ question: string, text: string }>} */ (event).detail;
    const quiz = event.target instanceof HTMLElement ? event.target.closest("[data-quiz]") : null;
    if (quiz instanceof HTMLElement) recorder.writtenCompared(quiz, detail.question, detail.text);
  });
  document.addEventListener("course:scenario-chose", (event) => {
    recorder.responded(/** @type {CustomEvent<any>} */ (event).detail);
  });
  window.addEventListener("online", () => recorder.flush());
  recorder.flush();
}
