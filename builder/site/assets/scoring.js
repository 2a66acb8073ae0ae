// The one scoring rule, in JavaScript; builder/scoring.py is the same rule in Python.
// Both run the shared cases in tests/scoring_cases.json. Each question scores all its
// points or none; score = earned * 100 // total (rounded down); pass when score >= pass mark.

// Python's str.split() whitespace, so both sides normalise answers alike.
const SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const own = (object, name) => Object.prototype.hasOwnProperty.call(object, name);
const filled = (value) => value !== null && value !== undefined && value !== "";

export const normalise = (text) => String(text).split(SPACE).filter(Boolean).join(" ").toLowerCase();

/** The answer key from a quiz root's data-quiz-key: base64 of UTF-8 JSON. */
export function decodeKey(base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function isBlank(key, response) {
  if (response === null || response === undefined) return true;
  switch (key.type) {
    case "short_text": return !normalise(response);
    case "ordering": case "matching": return !Object.values(response).some(filled);
    case "multiple": return !response.length;
    default: return response === "";
  }
}

export function isCorrect(key, response) {
  if (isBlank(key, response)) return false;
  const kind = key.type;
  if (kind === "single" || kind === "true_false") return key.correct.includes(response);
  if (kind === "multiple") {
    const given = Array.from(response);
    const unique = new Set(given);
    return unique.size === given.length && unique.size === new Set(key.correct).size
      && key.correct.every((token) => unique.has(token));
  }
  if (kind === "short_text") return key.accept.includes(normalise(response));
  if (kind === "ordering" || kind === "matching") {
    return Object.entries(key.correct).every(([token, expected]) => {
      let value = own(response, token) ? response[token] : undefined;
      if (kind === "ordering" && filled(value)) value = Number(value);
      return value === expected;
    });
  }
  return false;
}

/** Scores responses ({question id: response}) against a key; mirrors scoring.score_quiz. */
export function scoreQuiz(key, responses) {
  const questions = {};
  let earned = 0;
  let total = 0;
  for (const [id, question] of Object.entries(key.questions)) {
    const response = own(responses, id) ? responses[id] : undefined;
    const correct = isCorrect(question, response);
    questions[id] = { correct, blank: isBlank(question, response), points: correct ? question.points : 0 };
    earned += questions[id].points;
    total += question.points;
  }
  const score = total ? (earned * 100 - ((earned * 100) % total)) / total : 0;
  return { score, passed: score >= key.passMark, earned, total, questions };
}
