/**
 * The WKT reader and the GeoJSON scanner read decimals without cutting a substring; these tests
 * hold them to Number() and JSON.parse, bit for bit, on 300,000 random and printed numbers each and edge cases (a million each was run once, 0 differences).
 */
import { prng } from '../../../bench/generate';
import { FlatBuilder } from '../../../src/core/geometry/builder';
import { scanGeoJson } from '../../../src/core/geometry/geojsonscan';
import { readWktInto } from '../../../src/core/geometry/wkt';

const b = new FlatBuilder();
// Object.is tells every two doubles apart that differ in a bit (there are no NaNs here), -0 and 0 too
const same = (a: number | undefined, b: number | undefined): boolean => a !== undefined && b !== undefined && Object.is(a, b);

/** the x the WKT reader gives for token t, or undefined when it refuses the text */
function wktX(t: string): number | undefined {
  return readWktInto(`POINT(${t} 1)`, b).ok ? b.xy[0] : undefined;
}

/** the x the GeoJSON scanner gives for token t, or undefined when it leaves the text to JSON.parse */
function scanX(t: string): number | undefined {
  return scanGeoJson(`{"type":"Point","coordinates":[${t},1]}`, b) ? b.xy[0] : undefined;
}

/** a random decimal: sign, integer digits, maybe a point and fraction digits, leading zeros sometimes */
function randomDecimal(rand: () => number): string {
  const digits = (n: number): string => {
    let out = '';
    for (let k = 0; k < n; k++) out += String.fromCharCode(48 + Math.floor(rand() * 10));
    return out;
  };
  const sign = rand() < 0.3 ? '-' : rand() < 0.05 ? '+' : '';
  const int = rand() < 0.1 ? '0' : digits(Math.floor(rand() * 12)) || '7';
  const frac = rand() < 0.8 ? `.${digits(Math.floor(rand() * 12))}` : '';
  return `${sign}${int}${frac}`;
}

/** a double printed as JavaScript prints it, or with fixed digits as a spreadsheet might */
function printedDouble(rand: () => number): string {
  const v = (rand() - 0.5) * 10 ** Math.floor(rand() * 12 - 3);
  return rand() < 0.5 ? String(v) : v.toFixed(Math.floor(rand() * 12));
}

const EDGES = ['0', '-0', '0.0', '-0.0', '00', '01', '1.', '.5', '-.5', '5.', '+5', '1e5', '1E-5', '1.5e+3', '9007199254740993', '0.1', '0.2', '0.3',
  '999999999999999', '9999999999999999', '123456789012345.6', '0.000000000000001', '1234567890.12345', '136603.381', '455665.99', '5.12345678', '52.09876543',
  '4.35', '1.005', '2.675', '0.1000000000000000055511151231257827', '179769313486231570000000000000000000000', '1' + '0'.repeat(400), '.', '-', '+', '', '1.2.3', '--1', '1-'];

describe('the WKT reader reads numbers as Number() does', () => {
  it('on edge cases: signs, zeros, points at either end, exponents, long digit runs', () => {
    for (const t of EDGES) {
      const got = wktX(t), want = Number(t);
      // an empty token is a missing number, and a non-finite one is refused with a melding
      if (t === '' || !Number.isFinite(want)) expect(got).toBeUndefined();
      else expect(same(got, want)).toBe(true);
    }
  });

  it('on 300,000 random decimals and printed doubles, to the bit', () => {
    const rand = prng(2026);
    const wrong: string[] = [];
    for (let k = 0; k < 300_000; k++) {
      const t = k % 2 === 0 ? randomDecimal(rand) : printedDouble(rand);
      const got = wktX(t);
      if (!same(got, Number(t))) wrong.push(t);
    }
    expect(wrong).toEqual([]);
  });
});

/** what JSON.parse gives for the number t, or undefined when JSON refuses it */
function jsonX(t: string): number | undefined {
  try {
    return (JSON.parse(`[${t}]`) as number[])[0];
  } catch {
    return undefined;
  }
}

describe('the GeoJSON scanner reads numbers as JSON.parse does', () => {
  it('reads the JSON numbers it takes to the bit, and leaves what JSON refuses or spells with an exponent to JSON.parse', () => {
    for (const t of EDGES) {
      const got = scanX(t);
      const want = jsonX(t);
      if (want === undefined || !Number.isFinite(want)) expect(got).toBeUndefined();
      else if (got !== undefined) expect(same(got, want)).toBe(true);
      else expect(t).toMatch(/[eE]/);
    }
  });

  it('on 300,000 random decimals and printed doubles, to the bit', () => {
    const rand = prng(42);
    const wrong: string[] = [];
    let scanned = 0;
    for (let k = 0; k < 300_000; k++) {
      const t = k % 2 === 0 ? randomDecimal(rand) : printedDouble(rand);
      const got = scanX(t);
      const want = jsonX(t);
      if (got !== undefined) scanned++;
      // taken: the same double; left: only what JSON refuses or writes with an exponent
      if (got !== undefined ? !same(got, want) : want !== undefined && !/[eE]/.test(t)) wrong.push(t);
    }
    expect(wrong).toEqual([]);
    expect(scanned).toBeGreaterThan(240_000);
  });
});
