/**
 * Differential tests: the engine against a real PostGIS, on generated works along the real Utrecht
 * streets (every spelling, several seeds) and on the golden edge cases.
 */
import { generateWerken } from '../../bench/generate';
import { analyse } from '../../src/core/analysis/analyse';
import { toWkt } from '../../src/core/geometry/write';
import { DEFAULT_REGELS, type RdGeometry } from '../../src/core/types';
import { loadEngineCases, toWerken, utrechtBuurten } from '../fixtures/engine/load';
import { agreement } from './agreement';
import { postgisAvailable, startCluster, type PgCluster } from './cluster';
import { loadWerken, postgisPairs } from './differential';

const available = postgisAvailable();
const describePg = available ? describe : describe.skip;

const maxDiff = (a: RdGeometry, xy: number[]): number => {
  const flat = a.kind === 'point' ? a.points : a.kind === 'line' ? a.lines.flat() : a.polygons.flat(2);
  return Math.max(...flat.map((p, i) => Math.max(Math.abs(p[0] - xy[2 * i]), Math.abs(p[1] - xy[2 * i + 1]))));
};

describePg('the engine agrees with PostGIS', () => {
  let pg: PgCluster;
  const buurten = utrechtBuurten();
  beforeAll(() => {
    pg = startCluster();
  });
  afterAll(() => pg?.stop());

  it.each([[1, 400, 0], [2, 600, 0.1], [3, 800, 0.05]])('on %i: %i generated Utrecht works (buffer_m share %f)', (seed, n, bufferShare) => {
    // one copy of Utrecht, so every work lies among the real buurten
    const gen = generateWerken(n, seed, { worksPerTile: n, bufferShare });
    expect(new Set(gen.map((w) => w.spelling)).size).toBe(6);
    const werken = toWerken(gen);
    loadWerken(pg, gen, buurten.map((b) => ({ code: b.code, wkt: toWkt(b.geometry) })));
    const engine = analyse(werken, buurten, DEFAULT_REGELS);
    const rows = postgisPairs(pg, DEFAULT_REGELS);
    const a = agreement(engine, rows, DEFAULT_REGELS);
    console.log(`seed ${seed}: ${engine.length} engine pairs, ${rows.filter((r) => r.qualifies).length} PostGIS pairs, ` +
      `${a.disagreements.length} disagreements, ${a.buurtMismatches.length} buurten mismatches\n${[...a.disagreements, ...a.buurtMismatches].slice(0, 10).join('\n')}`);
    expect(engine.length).toBeGreaterThan(n / 20);
    expect(a.disagreements).toEqual([]);
    expect(a.buurtMismatches.length).toBeLessThanOrEqual(Math.ceil(0.01 * a.both));
  });

  it('projects WGS84 input to the same RD coordinates as PostGIS, within 1 mm', () => {
    const gen = generateWerken(300, 7, { worksPerTile: 300 }).filter((w) => w.spelling.endsWith('wgs'));
    expect(gen.length).toBeGreaterThan(50);
    loadWerken(pg, gen);
    const rows = pg.sql('select id, ST_AsText(g) from werken order by id;').trim().split('\n');
    const byId = new Map(toWerken(gen).map((w) => [w.id, w.geometry]));
    let worst = 0;
    for (const row of rows) {
      const [id, wkt] = row.split('|');
      const nums = (wkt.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
      worst = Math.max(worst, maxDiff(byId.get(id) as RdGeometry, nums));
    }
    expect(rows).toHaveLength(gen.length);
    expect(worst).toBeLessThan(0.001);
  });

  describe.each(loadEngineCases().map((c) => [c.name, c] as const))('golden case %s', (_name, c) => {
    it('matches PostGIS', () => {
      loadWerken(pg, c.raw);
      const a = agreement(analyse(c.werken, [], c.regels), postgisPairs(pg, c.regels, false), c.regels);
      expect(a.disagreements).toEqual([]);
    });
  });
});
