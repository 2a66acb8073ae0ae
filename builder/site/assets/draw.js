// @ts-check
// Question pools: which of a quiz's questions an attempt shows (the quiz's `draw`, builder/source/scoring.py
// puts it in the answer key). An attempt draws `count` questions, or a number for each objective, at random;
// a new attempt takes questions the previous one did not show first, where the pool has enough of them. The
// questions drawn keep the quiz's order, so a trainer's sequence (easier first, say) holds in every attempt.

/** @typedef {{ count: number, byObjective: [string, number][] }} DrawSpec */

/**
 * A random number generator that gives the same numbers for the same seed (mulberry32), for tests.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @template T
 * @param {T[]} items
 * @param {() => number} random
 */
function shuffled(items, random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * `n` of `ids` at random, those not in `avoid` first.
 * @param {string[]} ids
 * @param {number} n
 * @param {Set<string>} avoid
 * @param {() => number} random
 */
function pick(ids, n, avoid, random) {
  const fresh = shuffled(
    ids.filter((id) => !avoid.has(id)),
    random,
  );
  const seen = shuffled(
    ids.filter((id) => avoid.has(id)),
    random,
  );
  return fresh.concat(seen).slice(0, n);
}

/**
 * The questions an attempt shows, in the quiz's order.
 * @param {DrawSpec} spec
 * @param {string[]} ids every question of the quiz, in its order
 * @param {Record<string, string>} objectives each question's objective (needed for a draw per objective)
 * @param {string[]} [avoid] the previous attempt's questions, drawn again only when the pool runs short
 * @param {() => number} [random]
 * @returns {string[]}
 */
export function drawQuestions(spec, ids, objectives, avoid = [], random = Math.random) {
  const skip = new Set(avoid);
  const chosen = spec.byObjective.length
    ? spec.byObjective.flatMap(([objective, n]) =>
        pick(
          ids.filter((id) => objectives[id] === objective),
          n,
          skip,
          random,
        ),
      )
    : pick(ids, spec.count, skip, random);
  const drawn = new Set(chosen);
  return ids.filter((id) => drawn.has(id));
}

/**
 * Whether a saved draw still fits the quiz (it may have been edited): questions it has, each once, in its
 * order, as many as it draws (for each objective too).
 * @param {unknown} draw
 * @param {DrawSpec} spec
 * @param {string[]} ids
 * @param {Record<string, string>} objectives
 * @returns {draw is string[]}
 */
export function fits(draw, spec, ids, objectives) {
  if (!Array.isArray(draw) || draw.length !== spec.count) return false;
  const positions = draw.map((id) => ids.indexOf(id));
  if (positions.some((p, i) => p < 0 || (i > 0 && p <= positions[i - 1]))) return false;
  return spec.byObjective.every(([objective, n]) => draw.filter((id) => objectives[id] === objective).length === n);
}
