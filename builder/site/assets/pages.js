// The pages that show saved progress: progress table, passed marks on the home page and
// the certificate. Everything is written with DOM nodes and textContent, never as HTML.
import { all, h, icon } from "./dom.js";
import { entryFor, store } from "./store.js";

const LABELS = { "not-started": "Not started", attempted: "Attempted", passed: "Passed" };
const ICONS = { "not-started": "○", attempted: "◐", passed: "✓" };
const KEPT = "Your results are saved only in this browser; nothing is sent anywhere.";
const NOT_KEPT = "This browser is not keeping your progress (storage is turned off or full), "
  + "so results will be lost when you leave the page.";

const num = (n) => n.toLocaleString("en");
const quizzes = (n) => `${num(n)} quiz${n === 1 ? "" : "zes"}`;

/** Status of the quizzes an element follows (data-quiz-group="id:version:pass-mark ..."): passed when all
 * are; a group of one (a lesson's quiz) shows its best score, a larger one how many are passed. */
function statusOf(progress, element) {
  const group = element.dataset.quizGroup.split(" ").map((quiz) => quiz.split(":"));
  const entries = [];
  let count = 0;
  for (const [ref, version, mark] of group) {
    const entry = entryFor(progress, ref, version);
    if (entry) entries.push(entry);
    count += Boolean(entry) && entry.best >= Number(mark);
  }
  const passed = count === group.length;
  const entry = entries[0];
  const single = group.length === 1;
  const best = !entry ? "—" : single ? `${entry.best}%` : `${count} of ${group.length} passed`;
  return { entry, entries, count, total: group.length, single, best, passed,
    state: passed ? "passed" : entry ? "attempted" : "not-started" };
}

const statusLabel = (state) => h("span", { class: `course-status course-status--${state}` },
  icon(ICONS[state]), " ", LABELS[state]);

function progressPage(page) {
  const progress = store.get(page.dataset.courseProgress);
  let passed = 0;
  let total = 0;
  let started = 0;
  for (const row of all("tr[data-quiz-group]", page)) {
    const status = statusOf(progress, row);
    row.dataset.status = status.state;
    row.querySelector("[data-progress-status]").replaceChildren(statusLabel(status.state));
    row.querySelector("[data-progress-best]").textContent = status.best;
    passed += status.count;
    total += status.total;
    started += Boolean(status.entry);
  }
  const overall = page.querySelector("[data-progress-overall]");
  const state = passed === total ? "complete" : started ? "in-progress" : "not-started";
  const count = quizzes(total);
  const parts = {
    complete: [h("strong", null, "Course complete:"), ` you have passed all ${count}. `],
    "in-progress": [h("strong", null, "In progress:"), ` you have passed ${num(passed)} of ${count}. `],
    "not-started": [h("strong", null, "Not started:"), " you have not taken a quiz yet. "],
  }[state];
  const certificate = overall.dataset.certificateUrl;
  if (state === "complete" && certificate) parts.push(h("a", { href: certificate }, "Get your certificate"), ". ");
  overall.dataset.courseStatus = state;
  overall.replaceChildren(...parts, store.available() ? KEPT : NOT_KEPT);
}

function homeMarks(scope) {
  for (const mark of all("[data-lesson-passed][data-quiz-group]", scope)) {
    const course = mark.closest("[data-course]");
    if (course) mark.hidden = !statusOf(store.get(course.dataset.course), mark).passed;
  }
}

function certificatePage(page) {
  const course = page.dataset.certificatePage;
  const progress = store.get(course);
  const find = (selector) => page.querySelector(selector);
  const statuses = all("[data-certificate-requirement]", page).map((item) => {
    const status = statusOf(progress, item);
    item.dataset.status = status.state;
    item.querySelector("[data-requirement-status]").replaceChildren(statusLabel(status.state),
      status.entry ? ` (${status.single ? `best score ${status.best}` : status.best})` : "");
    return { ...status, ref: item.dataset.certificateRequirement };
  });
  const missing = statuses.reduce((sum, status) => sum + status.total - status.count, 0);
  const unlocked = missing === 0;
  page.dataset.certificateStatus = unlocked ? "unlocked" : "locked";
  find("[data-certificate-summary]").textContent = unlocked
    ? "You have passed every quiz of the course: your certificate is ready."
    : `Your certificate is not available yet: you still need to pass ${quizzes(missing)}. `
      + "These are the quizzes and how you did:";
  find("[data-certificate-locked]").hidden = unlocked;
  find("[data-certificate-unlocked]").hidden = !unlocked;
  if (!unlocked) return;

  for (const cell of all("[data-certificate-score]", page)) {
    const status = statuses.find((s) => s.ref === cell.dataset.certificateScore);
    // A module: the mean of its quizzes' best scores, rounded down as the SCORM score is.
    cell.textContent = !status || !status.entry ? "—" : !status.single
      ? `${Math.floor(status.entries.reduce((sum, e) => sum + e.best, 0) / status.total)}% average over ${quizzes(status.total)}`
      : status.best;
  }
  const dates = statuses.flatMap((s) => s.entries.map((e) => e.passedAt)).filter((d) => d && !Number.isNaN(Date.parse(d))).sort();
  const date = new Date(dates.length ? dates[dates.length - 1] : Date.now());
  const time = find("[data-certificate-date]");
  time.dateTime = date.toISOString().slice(0, 10);
  time.textContent = date.toLocaleDateString(page.lang || document.documentElement.lang || undefined,
    { year: "numeric", month: "long", day: "numeric" });

  const form = find("[data-certificate-form]");
  const input = form.querySelector("input");
  const error = find("[data-certificate-error]");
  const sheet = find("[data-certificate]");
  const show = (name) => {
    find("[data-certificate-name]").textContent = name;
    sheet.hidden = false;
    find("[data-certificate-print]").hidden = false;
  };
  if (!page.hasAttribute("data-certificate-init")) {
    page.setAttribute("data-certificate-init", "");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = input.value.trim().replace(/\s+/g, " ");
      error.hidden = Boolean(name);
      if (!name) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      const saved = store.get(course);
      saved.name = name;
      store.set(course, saved);
      show(name);
      sheet.focus();
    });
    find("[data-certificate-print]").addEventListener("click", () => window.print());
  }
  if (progress.name && sheet.hidden) {
    input.value = progress.name;
    show(progress.name);
  }
}

/** Brings every progress view inside `scope` up to date with the saved progress. */
export function syncPages(scope = document) {
  for (const page of all("[data-course-progress]", scope)) progressPage(page);
  homeMarks(scope);
  for (const page of all("[data-certificate-page]", scope)) certificatePage(page);
  // Shown: tools and tests may wait for this, as they wait for a quiz's check button.
  const views = "[data-course-progress], [data-certificate-page], .course-home[data-course], .course-module[data-course]";
  for (const view of all(views, scope)) {
    view.setAttribute("data-course-synced", "");
  }
}
