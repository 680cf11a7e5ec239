import { generateWerken } from '../../../bench/generate';
import { analyse, mergeShares } from '../../../src/core/analysis/analyse';
import { packPairs, packRun, slabShares, unpackPairs, unpackRun } from '../../../src/core/analysis/pack';
import { DEFAULT_REGELS, type Werk } from '../../../src/core/types';
import { toWerken, utrechtBuurten } from '../../fixtures/engine/load';

// one copy of Utrecht with 900 works, a fifth with their own buffer_m: many pairs, some across slab edges
const werken: Werk[] = toWerken(generateWerken(900, 11, { worksPerTile: 900, bufferShare: 0.2 }));
const buurten = utrechtBuurten();
const whole = analyse(werken, buurten, DEFAULT_REGELS);

/** the answer of each share, found on its own members only, as one answer */
function splitAnalyse(threads: number): ReturnType<typeof analyse> {
  return mergeShares(slabShares(werken, DEFAULT_REGELS.afstandM, threads).map((s) => {
    const members = Array.from(s.members, (i) => werken[i]);
    return analyse(members, buurten, DEFAULT_REGELS, { owned: s.owned });
  }));
}

describe('packRun and unpackRun', () => {
  it('give back every work and buurt as the analysis reads them', () => {
    const back = unpackRun(packRun(werken, buurten));
    expect(back.werken.map((w) => [w.id, w.categorie, w.start, w.eind, w.bufferM, w.geometry]))
      .toEqual(werken.map((w) => [w.id, w.categorie, w.start, w.eind, w.bufferM, w.geometry]));
    expect(back.buurten.map((b) => [b.code, b.geometry])).toEqual(buurten.map((b) => [b.code, b.geometry]));
  });

  it('keep ids of any text, one after another, apart', () => {
    const odd = ['', 'a', 'é€', 'W-1\n2', '𝔘', ''].map((id, i) => ({ ...werken[i], id }));
    expect(unpackRun(packRun(odd, [])).werken.map((w) => w.id)).toEqual(['', 'a', 'é€', 'W-1\n2', '𝔘', '']);
  });

  it('put the arrays where alloc says, e.g. on shared memory', () => {
    const run = packRun(werken.slice(0, 10), [], (kind, bytes, n) => new kind(new SharedArrayBuffer(bytes * n)));
    expect(run.werken.xy.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(run.days.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('packPairs and unpackPairs', () => {
  it('give back every pair with its shared part, of every kind', () => {
    expect(new Set(whole.map((p) => p.shared.kind))).toEqual(new Set(['point', 'line', 'poly']));
    expect(JSON.parse(JSON.stringify(unpackPairs(packPairs(whole))))).toEqual(JSON.parse(JSON.stringify(whole)));
  });
});

describe('slabShares', () => {
  it('gives every work to exactly one share as its owner', () => {
    const shares = slabShares(werken, DEFAULT_REGELS.afstandM, 3);
    const owners = new Int32Array(werken.length);
    for (const s of shares) s.owned.forEach((o, k) => (owners[s.members[k]] += o));
    expect([...new Set(owners)]).toEqual([1]);
  });

  it('lets the shares together find exactly the pairs of the whole run, in its order', () => {
    expect(whole.length).toBeGreaterThan(200);
    expect(splitAnalyse(2)).toEqual(whole);
    expect(splitAnalyse(3)).toEqual(whole);
    expect(splitAnalyse(5)).toEqual(whole);
  });

  it('gives each thread only about its own slab of works, not all of them', () => {
    for (const share of slabShares(werken, DEFAULT_REGELS.afstandM, 2)) {
      expect(share.members.length).toBeLessThan(0.7 * werken.length);
      expect(share.members.length).toBeGreaterThan(0.5 * werken.length);
    }
  });

  it('copes with more threads than works', () => {
    const two = werken.slice(0, 2);
    const shares = slabShares(two, DEFAULT_REGELS.afstandM, 4);
    expect(shares).toHaveLength(4);
    expect(shares.reduce((n, s) => n + s.owned.reduce((a, b) => a + b, 0), 0)).toBe(2);
  });
});

describe('analyse with owned', () => {
  it('looks only for the pairs that start at owned works', () => {
    const owned = new Uint8Array(werken.length);
    expect(analyse(werken, buurten, DEFAULT_REGELS, { owned })).toEqual([]);
    expect(analyse(werken, buurten, DEFAULT_REGELS, { owned: owned.fill(1) })).toEqual(whole);
  });

  it('refuses an owned list of the wrong length, saying what to give', () => {
    expect(() => analyse(werken, [], DEFAULT_REGELS, { owned: new Uint8Array(3) })).toThrow(/one per work/);
  });
});
