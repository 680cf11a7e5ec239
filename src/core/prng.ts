/**
 * A small seeded random generator (mulberry32): the same numbers for the same seed, for made-up
 * works (the page's warm-up workbook, the bench and test generators). Not for anything secret.
 */

/**
 * Numbers in [0, 1) from a 32-bit seed.
 *
 * @example
 * const rand = prng(42);
 * rand(); // the same first number on every run
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
