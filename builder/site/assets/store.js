// Saved progress behind one small interface: store.get(key) and store.set(key, progress), where the key
// is the course's storage key as the page gives it (data-course).
// The backend is localStorage; another (e.g. SCORM) can be plugged in with setBackend().
// Progress: {v: 1, name?, quizzes: {quizId: {version, best, attempts, passedAt, last: {score,
// passed, responses, at}}}, scenarios?: {...}} (role-plays: scenario.js checks its own entries).
// Anything else found in storage resets quietly to empty progress.
const PROBE = "course-storage-probe";
let backend = {
  read: (name) => window.localStorage.getItem(name),
  write: (name, value) => window.localStorage.setItem(name, value),
  remove: (name) => window.localStorage.removeItem(name),
};
const unsaved = new Map(); // course -> progress kept in memory while storage refuses writes

export function setBackend(next) {
  backend = next;
  unsaved.clear();
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isPercent = (value) => Number.isInteger(value) && value >= 0 && value <= 100;
const text = (value) => (typeof value === "string" ? value.slice(0, 200) : null);

export const emptyProgress = () => ({ v: 1, quizzes: {} });

function clean(data) {
  const progress = emptyProgress();
  if (!isObject(data) || data.v !== 1 || !isObject(data.quizzes)) return null;
  for (const [id, entry] of Object.entries(data.quizzes)) {
    const last = isObject(entry) ? entry.last : null;
    if (!isObject(last) || typeof entry.version !== "string" || !isPercent(entry.best)
        || !isPercent(last.score) || !isObject(last.responses)) continue;
    progress.quizzes[id] = {
      version: entry.version,
      best: Math.max(entry.best, last.score),
      attempts: Number.isInteger(entry.attempts) && entry.attempts > 0 ? entry.attempts : 1,
      passedAt: text(entry.passedAt),
      last: { score: last.score, passed: last.passed === true, responses: last.responses, at: text(last.at) },
    };
  }
  if (text(data.name)) progress.name = text(data.name);
  if (isObject(data.scenarios)) progress.scenarios = data.scenarios;
  return progress;
}

export const store = {
  /** Whether the browser keeps what set() writes. */
  available() {
    try {
      backend.write(PROBE, "1");
      backend.remove(PROBE);
      return true;
    } catch {
      return false;
    }
  },
  /** The course's progress; always a valid object, empty when nothing usable is stored. */
  get(course) {
    if (unsaved.has(course)) return structuredClone(unsaved.get(course));
    let raw;
    try {
      raw = backend.read(course);
    } catch {
      return emptyProgress();
    }
    if (raw === null || raw === undefined) return emptyProgress();
    let progress = null;
    try {
      progress = clean(JSON.parse(raw));
    } catch { /* not JSON: reset below */ }
    if (!progress) {
      try { backend.remove(course); } catch { /* read-only storage */ }
    }
    return progress || emptyProgress();
  },
  /** Saves the course's progress; false when the browser will not keep it. */
  set(course, progress) {
    try {
      backend.write(course, JSON.stringify(progress));
      unsaved.delete(course);
      return true;
    } catch {
      unsaved.set(course, structuredClone(progress));
      return false;
    }
  },
};

/** The saved entry for a quiz, or null when none matches this version of the quiz. */
export function entryFor(progress, quiz, version) {
  const entry = Object.prototype.hasOwnProperty.call(progress.quizzes, quiz) ? progress.quizzes[quiz] : null;
  return entry && entry.version === version ? entry : null;
}
