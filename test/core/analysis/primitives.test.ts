import { withinDistance } from '../../../src/core/analysis/distance';
import { capsuleInterval, hit } from '../../../src/core/analysis/interval';
import { lengthWithin } from '../../../src/core/analysis/lengthwithin';
import { addMonths, gapDays } from '../../../src/core/analysis/months';
import { prepare } from '../../../src/core/analysis/prepared';
import type { Position, RdGeometry } from '../../../src/core/types';

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86400000;
const line = (...pts: Position[]): RdGeometry => ({ crs: 'rd', kind: 'line', lines: [pts] });
const poly = (...pts: Position[]): RdGeometry => ({ crs: 'rd', kind: 'poly', polygons: [[pts]] });
const point = (p: Position): RdGeometry => ({ crs: 'rd', kind: 'point', points: [p] });

describe('calendar months as PostgreSQL adds them', () => {
  it('clamps 31 January plus one month to the end of February', () => {
    expect(addMonths(day(2025, 1, 31), 1)).toBe(day(2025, 2, 28));
    expect(addMonths(day(2024, 1, 31), 1)).toBe(day(2024, 2, 29));
  });
  it('adds 24 months to 31 January 2025 as 31 January 2027, and to 29 February 2024 as 28 February 2026', () => {
    expect(addMonths(day(2025, 1, 31), 24)).toBe(day(2027, 1, 31));
    expect(addMonths(day(2024, 2, 29), 24)).toBe(day(2026, 2, 28));
  });
  it('counts the gap between periods in days, 0 when they overlap', () => {
    expect(gapDays(day(2025, 1, 1), day(2025, 1, 31), day(2025, 2, 10), day(2025, 3, 1))).toBe(10);
    expect(gapDays(day(2025, 2, 10), day(2025, 3, 1), day(2025, 1, 1), day(2025, 1, 31))).toBe(10);
    expect(gapDays(day(2025, 1, 1), day(2025, 3, 1), day(2025, 2, 1), day(2025, 2, 2))).toBe(0);
  });
});

describe('the interval of a segment within d of another segment', () => {
  it('is the part under a parallel segment, widened by the round ends', () => {
    // a segment 5 m above x in [2, 4]; within 5 m only straight below it
    expect(capsuleInterval(0, 0, 10, 0, 2, 5, 4, 5, 5)).toBe(true);
    expect([hit.lo, hit.hi]).toEqual([0.2, 0.4]);
    // with d = 13 the discs at the ends add 12 m each side: x in [-10, 16] clamps to [0, 1]
    expect(capsuleInterval(0, 0, 10, 0, 2, 5, 4, 5, 13)).toBe(true);
    expect([hit.lo, hit.hi]).toEqual([0, 1]);
  });
  it('is empty when the segments are farther apart than d', () => {
    expect(capsuleInterval(0, 0, 10, 0, 2, 5.01, 4, 5.01, 5)).toBe(false);
  });
  it('follows the disc around a point-like segment end', () => {
    expect(capsuleInterval(0, 0, 10, 0, 5, 3, 5, 3, 5)).toBe(true);
    expect(hit.lo).toBeCloseTo(0.1, 12);
    expect(hit.hi).toBeCloseTo(0.9, 12);
  });
});

describe('length of a line within d of another geometry', () => {
  it('measures a parallel line as its shared stretch plus the round end', () => {
    const a = prepare(line([0, 0], [100, 0]));
    const b = prepare(line([50, 6], [200, 6]));
    // b's start disc reaches back sqrt(10² − 6²) = 8 m
    expect(lengthWithin(a, b, 10)).toBeCloseTo(58, 9);
    expect(lengthWithin(b, a, 10)).toBeCloseTo(58, 9);
  });
  it('counts a line inside a polygon fully, and the part near its edge outside', () => {
    const sq = prepare(poly([0, 0], [100, 0], [100, 100], [0, 100], [0, 0]));
    expect(lengthWithin(prepare(line([20, 50], [80, 50])), sq, 10)).toBeCloseTo(60, 9);
    expect(lengthWithin(prepare(line([50, 50], [200, 50])), sq, 10)).toBeCloseTo(60, 9);
    expect(lengthWithin(prepare(line([0, 105], [100, 105])), sq, 10)).toBeCloseTo(100, 9);
  });
  it('collects the shared pieces, joined across vertices', () => {
    const pieces: Position[][] = [];
    lengthWithin(prepare(line([0, 0], [50, 0], [100, 0], [100, 100])), prepare(line([20, 3], [150, 3])), 5, pieces);
    expect(pieces).toHaveLength(1);
    expect(pieces[0][0][0]).toBeCloseTo(16, 9);
    expect(pieces[0][pieces[0].length - 1]).toEqual([100, 8]);
  });
});

describe('ST_DWithin', () => {
  it('counts touching at exactly d', () => {
    expect(withinDistance(prepare(line([0, 0], [10, 0])), prepare(line([0, 10], [10, 10])), 10)).toBe(true);
    expect(withinDistance(prepare(line([0, 0], [10, 0])), prepare(line([0, 10.001], [10, 10.001])), 10)).toBe(false);
  });
  it('counts crossing lines as distance 0 and a point inside a polygon as near', () => {
    expect(withinDistance(prepare(line([0, 0], [10, 10])), prepare(line([0, 10], [10, 0])), 0)).toBe(true);
    const sq = prepare(poly([0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]));
    expect(withinDistance(prepare(point([500, 500])), sq, 1)).toBe(true);
    expect(withinDistance(prepare(line([400, 400], [600, 600])), sq, 1)).toBe(true);
    expect(withinDistance(prepare(point([1005, 500])), sq, 4.99)).toBe(false);
  });
});
