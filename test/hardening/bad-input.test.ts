/**
 * The bad-input corpus (test/fixtures/bad-input/<werkboek>/): every bad row gives exactly its
 * Controle row, every good row around it is still read and analysed, and nothing throws.
 */
import type { RowProblem } from '../../src/core/types';
import { analyse } from '../../src/core/analysis/analyse';
import { controleRows, readWerkboek } from '../../src/core/werkboek';
import type { ExpectedProblem } from './bad-input/corpus';
import { GEOMETRY_COLUMN, HOW_TO_FIX, ROLES, load, werkboeken } from './bad-input/load';

const fits = (e: ExpectedProblem, p: RowProblem): boolean =>
  e.tabel === p.tabel && e.rij === p.rij && e.kolom === p.kolom && e.ernst === p.ernst &&
  (e.melding === undefined || e.melding === p.melding) && (e.bevat === undefined || p.melding.includes(e.bevat)) &&
  (e.waarde === undefined || e.waarde === p.waarde);

/** pairs each expected row with one problem; what is left on either side is missing or unexpected */
function match(expected: ExpectedProblem[], problems: RowProblem[]) {
  const left = [...problems];
  const missing = expected.filter((e) => {
    const i = left.findIndex((p) => fits(e, p));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  return { missing: missing.map((e) => `${e.geval}: ${e.tabel} rij ${e.rij} ${e.kolom}`), unexpected: left };
}


describe.each(werkboeken)('bad-input werkboek %s', (name) => {
  const { raw, controle, result } = load(name);
  const werkboek = readWerkboek(raw);

  it('gives exactly the expected Controle rows: none missing, none unexpected', () => {
    expect(match(controle, werkboek.problems)).toEqual({ missing: [], unexpected: [] });
  });

  it('says in every melding of the werkboek model how to fix the problem', () => {
    // a geometry cell's own messages come from core/geometry: see geometry-meldingen.test.ts
    const werkboekMeldingen = werkboek.problems.filter((p) => !GEOMETRY_COLUMN.test(p.kolom));
    expect(werkboekMeldingen.filter((p) => !HOW_TO_FIX.test(p.melding)).map((p) => p.melding)).toEqual([]);
  });

  it('still reads every good row, and only the good rows, with the good regels', () => {
    expect(werkboek.werken.map((w) => w.id)).toEqual(result.werken);
    expect(werkboek.buurten.map((b) => b.code)).toEqual(result.buurten);
    expect(werkboek.koppelkansen.map((k) => k.id)).toEqual(result.koppelkansen);
    expect(werkboek.regels).toEqual(result.regels);
  });

  it('analyses the good rows into exactly their meekoppelkansen', () => {
    const paren = analyse(werkboek.werken, werkboek.buurten, werkboek.regels)
      .map((m) => ({ id: m.id, categorieA: m.categorieA, categorieB: m.categorieB, buurten: m.buurten }));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(paren.sort(byId)).toEqual([...result.paren].sort(byId));
  });

  it('writes every problem as a Controle row with its place and a value of at most 100 characters', () => {
    const rows = controleRows(werkboek.problems);
    expect(rows).toHaveLength(werkboek.problems.length + 1);
    expect(rows.slice(1).every((r) => typeof r[4] === 'string' && String(r[3]).length <= 100)).toBe(true);
  });
});

describe('the bad-input corpus as a whole', () => {
  const all = werkboeken.map((name) => ({ name, ...load(name) }));
  const dataRows = all.flatMap(({ name, raw, controle }) =>
    controle.filter((e) => e.rij > (raw[e.tabel.toLowerCase() as (typeof ROLES)[number]]?.headerRow ?? 0)).map((e) => `${name}/${e.tabel}/${e.rij}`));

  it('holds at least 60 bad rows across the four tables', () => {
    expect(new Set(dataRows).size).toBeGreaterThanOrEqual(60);
    expect(new Set(dataRows.map((r) => r.split('/')[1]))).toEqual(new Set(['Werken', 'Buurten', 'Koppelkansen', 'Regels']));
  });
});
