import { analyse } from '../../../src/core/analysis/analyse';
import { DEFAULT_REGELS, type Buurt, type Position, type RdGeometry, type Werk } from '../../../src/core/types';

const X = 136000, Y = 455000;
const line = (...pts: Position[]): RdGeometry => ({ crs: 'rd', kind: 'line', lines: [pts.map(([x, y]) => [X + x, Y + y] as Position)] });
const square = (x0: number, y0: number, x1: number, y1: number): RdGeometry => ({
  crs: 'rd', kind: 'poly', polygons: [[[[X + x0, Y + y0], [X + x1, Y + y0], [X + x1, Y + y1], [X + x0, Y + y1], [X + x0, Y + y0]]]],
});
const werk = (id: string, categorie: string, geometry: RdGeometry, extra: Partial<Werk> = {}): Werk => ({
  id, categorie, eigenaar: '', titel: '', start: 20000, eind: 20100, geometry, rij: 2, extra: {}, ...extra,
});
const buurt = (code: string, geometry: RdGeometry): Buurt => ({ code, naam: code, geometry, values: {}, rij: 2 });

describe('analyse', () => {
  const buurten = [buurt('0002', square(0, -50, 60, 50)), buurt('0001', square(60, -50, 200, 50)), buurt('0003', square(0, 500, 100, 600))];

  it('pairs a warmtenet and a riool that share a street, with the buurten their shared part touches', () => {
    const [mk] = analyse([werk('W2', 'warmtenet', line([0, 0], [100, 0])), werk('W1', 'riolering', line([40, 4], [150, 4]))], buurten, DEFAULT_REGELS);
    expect(mk).toMatchObject({ id: 'MK-W1-W2', werkA: 'W1', werkB: 'W2', categorieA: 'riolering', categorieB: 'warmtenet', eenheid: 'm', tussentijdDagen: 0 });
    // W1 within 10 m of W2: from x = 40 to 100 + sqrt(100 − 16)
    expect(mk.overlap).toBeCloseTo(60 + Math.sqrt(84), 2);
    expect(mk.buurten).toEqual(['0001', '0002']);
    expect(mk.shared.kind).toBe('line');
  });

  it('sorts pairs by werkA then werkB in code-unit order', () => {
    const ws = ['b', 'B', 'a', 'A10', 'A9'].map((id, i) => werk(id, `cat${i}`, line([0, i], [100, i])));
    expect(analyse(ws, [], DEFAULT_REGELS).map((m) => m.id)).toEqual([
      'MK-A10-A9', 'MK-A10-B', 'MK-A10-a', 'MK-A10-b', 'MK-A9-B', 'MK-A9-a', 'MK-A9-b', 'MK-B-a', 'MK-B-b', 'MK-a-b',
    ]);
  });

  it('reports the gap between periods in days and leaves out works too far apart in time', () => {
    const ws = [werk('A', 'riolering', line([0, 0], [100, 0]), { start: 20000, eind: 20010 }),
      werk('B', 'gas', line([0, 2], [100, 2]), { start: 20110, eind: 20200 }),
      werk('C', 'groen', line([0, 4], [100, 4]), { start: 20900, eind: 21010 })];
    expect(analyse(ws, [], DEFAULT_REGELS).map((m) => [m.id, m.tussentijdDagen])).toEqual([['MK-A-B', 100], ['MK-B-C', 700]]);
  });

  it('measures a line and a polygon by the line length within d, and two polygons by area', () => {
    const ws = [werk('L', 'riolering', line([-50, 5], [150, 5])), werk('P', 'groen', square(0, 0, 100, 50)),
      werk('Q', 'gas', square(105, 0, 200, 50))];
    const got = analyse(ws, buurten, DEFAULT_REGELS);
    expect(got.map((m) => [m.id, m.eenheid])).toEqual([['MK-L-P', 'm'], ['MK-L-Q', 'm'], ['MK-P-Q', 'm2']]);
    expect(got[0].overlap).toBeCloseTo(120, 2);
    // Q within 10 m of P and P within 10 m of Q are both 5 × 50 strips
    expect(got[2].overlap).toBeCloseTo(250, 2);
    expect(got[2].shared.kind).toBe('poly');
  });

  it('reports progress now and then, ending at the total', () => {
    const calls: [number, number][] = [];
    const ws = Array.from({ length: 250 }, (_, i) => werk(`W${i}`, 'riolering', line([i * 300, 0], [i * 300 + 100, 0])));
    analyse(ws, [], DEFAULT_REGELS, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(101 + 1);
    expect(calls[calls.length - 1]).toEqual([250, 250]);
  });

  it('gives nothing for no works', () => {
    expect(analyse([], buurten, DEFAULT_REGELS)).toEqual([]);
  });
});
