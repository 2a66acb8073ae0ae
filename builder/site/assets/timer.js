// @ts-check
// A timed quiz's countdown (the quiz's `time_limit_minutes`): the time left, shown and updated each second in
// a role="timer" element that screen readers do not read out by itself; the notice beside it is read out once
// at 5 minutes and once at 1 minute left. At zero the quiz is told (`expire`). quiz.js keeps when the attempt
// started in the learner's progress, so the time runs on across a reload.
import { find } from "./dom.js";
import { messages } from "./messages.js";

/** Minutes left at which the notice is read out. */
const ANNOUNCE_AT = [5, 1];

/** @param {number} ms */
const clockText = (ms) => {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

export class Countdown {
  /**
   * @param {HTMLElement} box the quiz's [data-quiz-timer]
   * @param {() => void} expire called once when the time is up
   */
  constructor(box, expire) {
    this.box = box;
    this.clock = find("[data-quiz-clock]", box);
    this.notice = find("[data-quiz-timer-notice]", box);
    this.expire = expire;
    this.ends = 0;
    this.tick = 0;
    /** @type {Set<number>} */
    this.announced = new Set();
  }

  /** Milliseconds left (0 when the time is up). */
  left() {
    return Math.max(0, this.ends - Date.now());
  }

  /**
   * Shows the countdown and runs it until `ends` (a time in ms); announcements already passed are not made.
   * @param {number} ends
   */
  run(ends) {
    this.ends = ends;
    this.announced = new Set(ANNOUNCE_AT.filter((minutes) => this.left() <= minutes * 60_000));
    this.box.hidden = false;
    window.clearInterval(this.tick);
    this.tick = window.setInterval(() => this.update(), 1000);
    this.update();
  }

  update() {
    const left = this.left();
    this.clock.textContent = messages.timeLeft(clockText(left));
    for (const minutes of ANNOUNCE_AT) {
      if (left > 0 && left <= minutes * 60_000 && !this.announced.has(minutes)) {
        this.announced.add(minutes);
        this.say(messages.minutesLeft(minutes));
      }
    }
    if (left === 0) {
      this.stop();
      this.expire();
    }
  }

  /**
   * Reads a message out (polite: after what the screen reader is saying).
   * @param {string} text
   */
  say(text) {
    this.notice.textContent = text;
  }

  stop() {
    window.clearInterval(this.tick);
    this.tick = 0;
    this.box.hidden = true;
  }
}
