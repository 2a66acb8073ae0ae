// @ts-check
// Each question type in one place: how the quiz reads, writes and shuffles its controls
// (templates/_quiz.html renders them) and how its answer is judged (scoring.js). Python's half of
// the same rule is builder/source/scoring.py; both run tests/scoring_cases.json.
import { all, find, own } from "./dom.js";

/**
 * @typedef {object} ChoiceKey
 * @property {"single" | "multiple" | "true_false"} type
 * @property {number} points
 * @property {string[]} correct the tokens of the right options
 * @property {Record<string, string>} [feedback] builder-rendered HTML per option token
 * @property {string} [explanation] builder-rendered HTML
 */
/**
 * @typedef {object} TextKey
 * @property {"short_text"} type
 * @property {number} points
 * @property {string[]} accept accepted answers, normalised (with the key's ignoreAccents)
 * @property {boolean} [ignoreAccents] letters with and without accents count as the same
 * @property {number} [typos] 1: one slip is forgiven in answers of six letters or more
 * @property {string} [explanation]
 */
/**
 * @typedef {object} OrderingKey
 * @property {"ordering"} type
 * @property {number} points
 * @property {Record<string, number>} correct each item token's position, from 1
 * @property {string} [explanation]
 */
/**
 * @typedef {object} MatchingKey
 * @property {"matching"} type
 * @property {number} points
 * @property {Record<string, string>} correct each row token's right value token
 * @property {string} [explanation]
 */
/**
 * @typedef {object} NumericKey
 * @property {"numeric"} type
 * @property {number} points
 * @property {number} answer
 * @property {number} tolerance at least 0
 * @property {"." | ","} decimal the course language's decimal symbol
 * @property {string} [explanation]
 */
/**
 * Written practice is never scored, so the builder leaves it out of the answer key; this is its place in the
 * type table.
 * @typedef {object} WrittenKey
 * @property {"written"} type
 * @property {number} points always 0
 * @property {string} [explanation] never set: a written question has its model answer instead
 */
/** @typedef {ChoiceKey | TextKey | OrderingKey | MatchingKey | NumericKey | WrittenKey} QuestionKey */

/**
 * A learner's answer as the quiz reads it and progress keeps it: an option token ("" for none), the
 * chosen tokens, the typed text, or a value per row. Saved answers are checked again when read back.
 * @typedef {string | string[] | Record<string, string>} Response
 */

/**
 * One question type. `element` is the question's fieldset (data-question); `response` may be anything
 * found in storage, and isCorrect is asked only when isBlank said no (scoring.js).
 * @template {QuestionKey} [K=QuestionKey]
 * @typedef {object} QuestionType
 * @property {(element: HTMLElement) => Response} read the answer in the controls
 * @property {(element: HTMLElement, value: unknown) => void} write puts a saved answer back; anything that does not fit is left blank
 * @property {(element: HTMLElement, key: K) => void} shuffle reorders the options, for "Try again"
 * @property {(key: K, response: unknown) => boolean} isBlank no answer given (`response` is neither null nor undefined)
 * @property {(key: K, response: unknown) => boolean} isCorrect
 */

// Python's str.split() whitespace (str.isspace()), so both sides normalise answers alike.
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python counts \x1c-\x1f as whitespace too
const SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const SPACES = new RegExp(SPACE.source, "g");

// -- short text ----------------------------------------------------------------------------------
// Answers are compared as a person would mark them; builder/source/questions/short_text.py is the same
// rule, and both run tests/scoring_cases.json. The learner's text and each accepted answer are:
// NFKC-normalised and lower-cased; typographic apostrophes (’ ‘ ʼ) become '; accents are dropped only
// with ignoreAccents; hyphens and dashes (- ‐ ‑ ‒ – — ―) count as spaces; repeated spaces are one; and
// spaces, punctuation and quotes at either end (. , ; : ! ? " ' “ ” „ ‘ ’ « » ‹ ›) are ignored.
// With typos: 1, one slip (a letter added, left out, changed, or two neighbours swapped) is forgiven
// in accepted answers of six letters or more.
const DASHES = /[-\u2010-\u2015]/g;
const END_CHARS = `${SPACE.source.slice(1, -2)}.,;:!?"'“”„‘’«»‹›`; // the spaces of SPACE, and end punctuation
const ENDS = new RegExp(`^[${END_CHARS}]+|[${END_CHARS}]+$`, "g");
const TYPO_MIN_LETTERS = 6;

/**
 * A short-text answer as it is compared.
 * @param {unknown} text
 * @param {boolean} [ignoreAccents]
 */
export function normalise(text, ignoreAccents = false) {
  let value = String(text).normalize("NFKC").toLowerCase().replace(/[’‘ʼ]/g, "'");
  if (ignoreAccents)
    value = value
      .normalize("NFD")
      .replace(/\p{Mn}/gu, "")
      .normalize("NFC");
  return value.replace(DASHES, " ").split(SPACE).filter(Boolean).join(" ").replace(ENDS, "");
}

/**
 * Whether `typed` is `answer` with one letter added, left out or changed, or two neighbours swapped.
 * @param {string} typed
 * @param {string} answer
 */
function oneSlipApart(typed, answer) {
  if (typed === answer) return true;
  if (Math.abs(typed.length - answer.length) > 1) return false;
  if (typed.length === answer.length) {
    const differ = [];
    for (let i = 0; i < typed.length; i += 1) if (typed[i] !== answer[i]) differ.push(i);
    if (differ.length === 1) return true;
    const [first, second] = differ;
    return (
      differ.length === 2 && second === first + 1 && typed[first] === answer[second] && typed[second] === answer[first]
    );
  }
  const [shorter, longer] = typed.length < answer.length ? [typed, answer] : [answer, typed];
  let start = 0;
  while (start < shorter.length && shorter[start] === longer[start]) start += 1;
  return shorter.slice(start) === longer.slice(start + 1);
}

/** @param {string} text */
const letters = (text) => (text.match(/\p{L}/gu) || []).length;

/** @param {unknown} value */
const filled = (value) => value !== null && value !== undefined && value !== "";

/**
 * A copy of `items` in random order (Fisher-Yates).
 * @template T
 * @param {T[]} items
 */
function shuffled(items) {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// -- the controls, shared by types rendered alike ------------------------------------------------

/** Radio buttons: the chosen option's token, "" for none. */
const radios = {
  /** @param {HTMLElement} element */
  read: (element) => /** @type {HTMLInputElement | null} */ (element.querySelector("input:checked"))?.value ?? "",
  /** @param {HTMLElement} element @param {unknown} value */
  write(element, value) {
    for (const input of all("input", element)) input.checked = input.value === value;
  },
};

/** Options in a [data-choices] box, shown in a new order. @param {HTMLElement} element */
function shuffleOptions(element) {
  const box = element.querySelector("[data-choices]");
  if (box) box.append(...shuffled(all("[data-choice]", box)));
}

/** One text box. */
const textBox = {
  /** @param {HTMLElement} element */
  read: (element) => find("input", element).value,
  /** @param {HTMLElement} element @param {unknown} value */
  write(element, value) {
    find("input", element).value = typeof value === "string" ? value : "";
  },
  shuffle() {},
};

/** @param {HTMLElement} row */
const rowToken = (row) => row.dataset.item || row.dataset.row || "";

/** A select per row (data-item for ordering, data-row for matching): the chosen value per row token. */
const rowSelects = {
  /** @param {HTMLElement} element */
  read: (element) =>
    Object.fromEntries(all("[data-item],[data-row]", element).map((row) => [rowToken(row), find("select", row).value])),
  /** @param {HTMLElement} element @param {unknown} value */
  write(element, value) {
    for (const row of all("[data-item],[data-row]", element)) {
      const select = find("select", row);
      const token = rowToken(row);
      const wanted = own(value, token) ? String(value[token]) : "";
      select.value = Array.from(select.options).some((option) => option.value === wanted) ? wanted : "";
    }
  },
  /** @param {unknown} _key @param {unknown} response */
  isBlank: (_key, response) => !Object.values(/** @type {object} */ (response)).some(filled),
};

/**
 * Whether each row has its expected value; ordering positions may be saved as text or numbers.
 * @param {Record<string, string | number>} correct
 * @param {unknown} response
 * @param {boolean} positions
 */
function rowsMatch(correct, response, positions) {
  return Object.entries(correct).every(([token, expected]) => {
    let value = own(response, token) ? response[token] : undefined;
    if (positions && filled(value)) value = Number(value);
    return value === expected;
  });
}

// -- numeric -------------------------------------------------------------------------------------
// The rule, the same in builder/source/scoring.py:
// - The response is the typed text. It is blank when it is empty after trimming whitespace (as
//   Python's str.strip() trims: the SPACE characters above). A response that is not text (only
//   possible in hand-edited storage) is not blank and never right; none at all (null) is blank.
// - Parsing: NFKC-normalise (fullwidth digits and signs become ASCII, no-break spaces become spaces);
//   replace U+2212 MINUS SIGN with "-"; remove every whitespace character ("1 000" is 1000). Let D be
//   the key's decimal symbol and G the other of "." and ",". Only ASCII digits 0-9 count.
//   (a) ^[+-]?[0-9]{1,3}(G[0-9]{3})+(D[0-9]+)?$  digits grouped in threes by G: drop G, D is the point;
//   (b) else ^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$  at most one separator, either symbol: the point;
//   (c) else the text is not a number: wrong, not blank.
// - Right when |value - answer| <= tolerance + 1e-9 * max(1, |answer|): the small relative margin
//   absorbs binary rounding (0.1 + 0.2), so a value exactly at the edge of the tolerance is right.

/** @param {string} symbol */
const escaped = (symbol) => (symbol === "." ? "\\." : symbol);

/**
 * The number a learner typed, or null when the text is not a number by the rule above.
 * @param {string} text
 * @param {"." | ","} decimal
 */
export function parseNumber(text, decimal) {
  const compact = text
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .replace(SPACES, "");
  const point = escaped(decimal);
  const group = escaped(decimal === "." ? "," : ".");
  if (new RegExp(`^[+-]?[0-9]{1,3}(${group}[0-9]{3})+(${point}[0-9]+)?$`).test(compact)) {
    return Number(compact.replace(new RegExp(group, "g"), "").replace(decimal, "."));
  }
  if (/^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$/.test(compact)) return Number(compact.replace(",", "."));
  return null;
}

// -- the types -----------------------------------------------------------------------------------

/** @type {QuestionType<ChoiceKey>} */
const single = {
  ...radios,
  shuffle: shuffleOptions,
  isBlank: (_key, response) => response === "",
  isCorrect: (key, response) => key.correct.includes(/** @type {string} */ (response)),
};

/**
 * Each type's answer key.
 * @typedef {{ single: ChoiceKey, true_false: ChoiceKey, multiple: ChoiceKey, short_text: TextKey,
 *   numeric: NumericKey, ordering: OrderingKey, matching: MatchingKey, written: WrittenKey }} KeyOfType
 */

/**
 * Every question type, by the name the builder gives it (data-question-type, and the key's type).
 * @type {{ [name in keyof KeyOfType]: QuestionType<KeyOfType[name]> }}
 */
export const QUESTION_TYPES = {
  single,
  true_false: { ...single, shuffle() {} },
  multiple: {
    read: (element) => all("input:checked", element).map((input) => /** @type {HTMLInputElement} */ (input).value),
    write(element, value) {
      const chosen = Array.isArray(value) ? value : [];
      for (const input of all("input", element)) input.checked = chosen.includes(input.value);
    },
    shuffle: shuffleOptions,
    isBlank: (_key, response) => !Object(response).length,
    isCorrect(key, response) {
      const given = Array.from(/** @type {ArrayLike<unknown>} */ (response));
      const unique = new Set(given);
      return (
        unique.size === given.length &&
        unique.size === new Set(key.correct).size &&
        key.correct.every((token) => unique.has(token))
      );
    },
  },
  short_text: {
    ...textBox,
    isBlank: (key, response) => !normalise(response, key.ignoreAccents),
    isCorrect(key, response) {
      const typed = normalise(response, key.ignoreAccents);
      if (key.accept.includes(typed)) return true;
      return (
        Boolean(key.typos) &&
        key.accept.some((answer) => letters(answer) >= TYPO_MIN_LETTERS && oneSlipApart(typed, answer))
      );
    },
  },
  numeric: {
    ...textBox,
    isBlank: (_key, response) => typeof response === "string" && !response.replace(SPACES, ""),
    isCorrect(key, response) {
      const value = typeof response === "string" ? parseNumber(response, key.decimal) : null;
      return value !== null && Math.abs(value - key.answer) <= key.tolerance + 1e-9 * Math.max(1, Math.abs(key.answer));
    },
  },
  ordering: {
    ...rowSelects,
    shuffle(element, key) {
      const rows = shuffled(all("[data-item]", element));
      // Never show the answer: the right order is rotated by one.
      if (rows.length > 1 && rows.every((row, i) => key.correct[rowToken(row)] === i + 1)) {
        rows.push(/** @type {HTMLElement} */ (rows.shift()));
      }
      if (rows.length) rows[0].parentElement?.append(...rows);
    },
    isCorrect: (key, response) => rowsMatch(key.correct, response, true),
  },
  matching: {
    ...rowSelects,
    shuffle(element) {
      const selects = all("select", element);
      const values = selects.length ? Array.from(selects[0].options, (option) => option.value).filter(Boolean) : [];
      const order = shuffled(values);
      for (const select of selects) {
        const options = Array.from(select.options);
        select.append(...order.map((value) => options.find((o) => o.value === value)).filter((o) => o !== undefined));
      }
    },
    isCorrect: (key, response) => rowsMatch(key.correct, response, false),
  },
  // never scored (written.js shows the model answer): a text area that is never right
  written: {
    read: (element) => find("textarea", element).value,
    write(element, value) {
      find("textarea", element).value = typeof value === "string" ? value : "";
    },
    shuffle() {},
    isBlank: (_key, response) => typeof response !== "string" || !response.trim(),
    isCorrect: () => false,
  },
};

/**
 * A type the builder does not make: its controls read as radio buttons, and it is never right.
 * @type {QuestionType}
 */
const UNKNOWN = { ...radios, shuffle() {}, isBlank: (_key, response) => response === "", isCorrect: () => false };

/**
 * The question type called `name` (a question's data-question-type, or its key's type).
 * @param {string | undefined} name
 * @returns {QuestionType}
 */
export function questionType(name) {
  // Each entry takes its own kind of key; callers pass the key of the question they name.
  const types = /** @type {Record<string, QuestionType>} */ (/** @type {unknown} */ (QUESTION_TYPES));
  return name && own(types, name) ? types[name] : UNKNOWN;
}
