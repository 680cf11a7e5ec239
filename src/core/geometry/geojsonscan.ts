/**
 * A scanner for GeoJSON geometry text of the plain form writers produce:
 * `{"type":"LineString","coordinates":[[x,y],...]}` (any JSON white space, the six geometry types,
 * two numbers per position, no empty lists). It writes the numbers straight into a `FlatBuilder`,
 * where JSON.parse would build an array per position first. Anything else (a Feature, a `crs`
 * member, heights, exponents, other key orders, bad JSON) answers false, and `readGeoJson` reads it.
 */
import type { FlatBuilder } from './builder';
import type { KindCode } from './flat';

const POINT = { kind: 0, depth: 0 } as const, MULTIPOINT = { kind: 0, depth: 1 } as const;
const LINE = { kind: 1, depth: 1 } as const, MULTILINE = { kind: 1, depth: 2 } as const;
const POLYGON = { kind: 2, depth: 2 } as const, MULTIPOLYGON = { kind: 2, depth: 3 } as const;

/** per type name as GeoJSON spells it: the kind, and how deep the lists nest above a position (a switch: no keyed lookup per cell) */
function typeOf(name: string): { kind: KindCode; depth: number } | undefined {
  switch (name) {
    case 'Point': return POINT;
    case 'MultiPoint': return MULTIPOINT;
    case 'LineString': return LINE;
    case 'MultiLineString': return MULTILINE;
    case 'Polygon': return POLYGON;
    case 'MultiPolygon': return MULTIPOLYGON;
    default: return undefined;
  }
}

// exact powers of ten: a mantissa below 2^53 divided by one is the correctly rounded decimal (Clinger)
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** the scan state; `i` is -1 once the text left the plain form */
interface Scan {
  s: string;
  i: number;
  b: FlatBuilder;
}

const isSpace = (k: number): boolean => k === 32 || k === 10 || k === 13 || k === 9;

/** skips JSON white space and answers the next character code, or -1 at the end */
function peek(c: Scan): number {
  while (c.i < c.s.length && isSpace(c.s.charCodeAt(c.i))) c.i++;
  return c.i < c.s.length ? c.s.charCodeAt(c.i) : -1;
}

/** consumes `k` after white space; false when something else stands there */
function eat(c: Scan, k: number): boolean {
  if (peek(c) !== k) return false;
  c.i++;
  return true;
}

/** consumes the exact text `lit` after white space */
function literal(c: Scan, lit: string): boolean {
  peek(c);
  if (!c.s.startsWith(lit, c.i)) return false;
  c.i += lit.length;
  return true;
}

/**
 * One JSON number without exponent: -?(0|[1-9][0-9]*)(.[0-9]+)?, which JSON.parse reads as Number()
 * does; up to 15 digits it is exact as mantissa / 10^k. NaN for anything else (the scan gives up).
 */
function number(c: Scan): number {
  const s = c.s, start = c.i;
  let i = start, neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  const first = i;
  let mantissa = 0, decimals = -1;
  for (; i < s.length; i++) {
    const k = s.charCodeAt(i);
    if (k >= 48 && k <= 57) {
      mantissa = mantissa * 10 + (k - 48);
      if (decimals >= 0) decimals++;
    } else if (k === 46 && decimals < 0 && i > first) decimals = 0;
    else break;
  }
  const digits = i - first - (decimals >= 0 ? 1 : 0);
  const k = i < s.length ? s.charCodeAt(i) : -1;
  // JSON: no leading zero before a digit, digits after the point, no exponent
  if (digits === 0 || decimals === 0 || (s.charCodeAt(first) === 48 && i > first + 1 && s.charCodeAt(first + 1) !== 46)) return NaN;
  if (k === 101 || k === 69) return NaN;
  c.i = i;
  if (digits > 15) {
    const v = Number(s.slice(start, i));
    return Number.isFinite(v) ? v : NaN;
  }
  const v = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return neg ? -v : v;
}

/** '[' x ',' y ']' into the builder */
function position(c: Scan): boolean {
  if (!eat(c, 91)) return false;
  peek(c);
  const x = number(c);
  if (Number.isNaN(x) || !eat(c, 44)) return false;
  peek(c);
  const y = number(c);
  if (Number.isNaN(y) || !eat(c, 93)) return false;
  c.b.push(x, y);
  return true;
}

/**
 * A non-empty list, `depth` levels above positions; each list of positions is a part (for points,
 * each position). `shell` marks a ring that starts a polygon: the first of each list of rings.
 */
function list(c: Scan, depth: number, kind: KindCode, shell: boolean): boolean {
  if (!eat(c, 91)) return false;
  let first = true;
  do {
    if (depth === 1) {
      if (kind === 0 || first) c.b.part(shell);
      if (!position(c)) return false;
    } else if (!list(c, depth - 1, kind, kind === 2 && depth === 2 && first)) return false;
    first = false;
  } while (eat(c, 44));
  return eat(c, 93);
}

/**
 * Scans plain GeoJSON geometry text into `b` (which it resets); false when the text is not of the
 * plain form, and `readGeoJson` must read it. What it accepts, it reads exactly as JSON.parse and
 * `readGeoJson` would: the same doubles, no SRID, no dropped ordinates.
 *
 * @example
 * const b = new FlatBuilder();
 * scanGeoJson('{"type":"LineString","coordinates":[[0,0],[10,0]]}', b); // true, b.n === 2
 * scanGeoJson('{"type":"Feature","geometry":null}', b); // false: for readGeoJson
 */
export function scanGeoJson(text: string, b: FlatBuilder): boolean {
  const c: Scan = { s: text, i: 0, b };
  if (!eat(c, 123) || !literal(c, '"type"') || !eat(c, 58) || !eat(c, 34)) return false;
  const end = text.indexOf('"', c.i);
  const type = end < 0 ? undefined : typeOf(text.slice(c.i, end));
  if (!type) return false;
  c.i = end + 1;
  if (!eat(c, 44) || !literal(c, '"coordinates"') || !eat(c, 58)) return false;
  b.reset(type.kind);
  if (type.depth === 0) {
    b.part(false);
    if (!position(c)) return false;
  } else if (!list(c, type.depth, type.kind, false)) return false;
  return eat(c, 125) && peek(c) === -1;
}
