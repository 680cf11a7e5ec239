import { analyse } from '../../src/core/analysis/analyse';
import { flatOf } from '../../src/core/geometry/flat';
import type { RdGeometry } from '../../src/core/types';
import { readWerkboek } from '../../src/core/werkboek/read';
import { buildKaartModel } from '../../src/worker/kaart-model';
import { opwarmPad, opwarmStappen, opwarmWerkboek, rondeGrootte, viaXlsx, xlsxRondeGrootte } from '../../src/worker/opwarmen';

describe('the warm-up workbook', () => {
  const raw = opwarmWerkboek(300, 1);
  const werkboek = readWerkboek(raw);
  const paren = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);

  it('reads without a single problem: every table, date form and geometry spelling in it is valid', () => {
    expect(werkboek.problems).toEqual([]);
    expect(werkboek.werken).toHaveLength(300);
    expect(werkboek.buurten).toHaveLength(16);
    expect(werkboek.koppelkansen).toHaveLength(16);
  });

  it('has points, lines and areas, parsed into the flat form the map model reads', () => {
    const soorten = new Set(werkboek.werken.map((w) => w.geometry.kind));
    expect([...soorten].sort()).toEqual(['line', 'point', 'poly']);
    expect(werkboek.werken.every((w) => flatOf(w.geometry) !== undefined)).toBe(true);
  });

  it('is dense enough that the engine pairs works along lines and over areas', () => {
    expect(paren.length).toBeGreaterThan(50);
    expect(paren.some((p) => p.eenheid === 'm')).toBe(true);
    expect(paren.some((p) => p.eenheid === 'm2')).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(opwarmWerkboek(300, 1)).toEqual(raw);
    expect(opwarmWerkboek(300, 2).werken?.rows).not.toEqual(raw.werken?.rows);
  });

  it('builds a map model with every work and the planner column of its Meekoppelkansen table', () => {
    const model = buildKaartModel(werkboek, paren, new Map([['MK-OW0-OW1', { status: 'in overleg', notitie: '' }]]));
    expect(model.werken).toHaveLength(300);
    expect(model.werkVormen.soort).toHaveLength(300);
    expect(model.buurten.every((b) => b.labelAt[0] > 5 && b.labelAt[0] < 5.2)).toBe(true);
  });
});

describe('the warm-up steps', () => {
  it('walk read, analyse and map model in turn, round after round, each a point where a request may take over', () => {
    expect([...opwarmStappen(2, 40)]).toEqual(['maken', 'lezen', 'analyse', 'kaart', 'maken', 'lezen', 'analyse', 'kaart']);
  });

  it('start with small rounds, where a cold worker is slowest, and grow to the size asked for', () => {
    expect([0, 1, 2, 3, 4, 5].map((r) => rondeGrootte(r, 400))).toEqual([50, 100, 200, 400, 400, 400]);
  });
});

describe('the warm-up through an .xlsx', () => {
  it('reads back, as an opened file, to the same works, buurten and pairs', async () => {
    const raw = opwarmWerkboek(120, 100);
    const terug = await viaXlsx(raw);
    expect(terug.werken?.rows).toHaveLength(120);
    const [a, b] = [readWerkboek(raw), readWerkboek(terug)];
    expect(b.problems).toEqual([]);
    expect(b.werken.map((w) => [w.id, w.start, w.eind, w.geometry.kind])).toEqual(a.werken.map((w) => [w.id, w.start, w.eind, w.geometry.kind]));
    expect(analyse(b.werken, b.buurten, b.regels).map((p) => p.id)).toEqual(analyse(a.werken, a.buurten, a.regels).map((p) => p.id));
    expect([...opwarmPad(terug)]).toEqual(['lezen', 'analyse', 'kaart']);
  });

  it('starts with small rounds, as exceljs is slowest cold, and ends after seven', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(xlsxRondeGrootte)).toEqual([25, 100, 400, 400, 400, 400, 400, 0]);
  });
});

describe('the map model of parsed works', () => {
  it('is the same from the parser\'s flat geometry as from the same geometry given as lists', () => {
    const werkboek = readWerkboek(opwarmWerkboek(120, 3));
    const paren = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
    const plat = buildKaartModel(werkboek, paren);
    // plain objects: no flat form behind them, so the map model reads their lists
    const lijsten = (g: RdGeometry): RdGeometry => JSON.parse(JSON.stringify(g));
    const zonder = { ...werkboek, werken: werkboek.werken.map((w) => ({ ...w, geometry: lijsten(w.geometry) })) };
    expect(zonder.werken.some((w) => flatOf(w.geometry) !== undefined)).toBe(false);
    expect(buildKaartModel(zonder, paren).werkVormen).toEqual(plat.werkVormen);
  });
});
