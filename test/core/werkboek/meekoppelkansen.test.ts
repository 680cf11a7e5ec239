import { mergeMeekoppelkansen, periode, type MeekoppelkansenTable } from '../../../src/core/werkboek/meekoppelkansen';
import { describeChanges, meekoppelkansenByRij, meekoppelkansenColumn, meekoppelkansenPerWerk } from '../../../src/core/werkboek/meekoppelkansen-kolom';
import { makeDay } from '../../../src/core/werkboek/dates';
import type { CellValue, Meekoppelkans, RawTable, Werk } from '../../../src/core/types';

const werk = (id: string, categorie: string, start: string, eind: string, rij: number): Werk => {
  const [sy, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = eind.split('-').map(Number);
  return {
    id, categorie, eigenaar: `eigenaar ${id}`, titel: `titel ${id}`, start: makeDay(sy, sm, sd)!, eind: makeDay(ey, em, ed)!,
    geometry: { crs: 'rd', kind: 'point', points: [[136600, 455670]] }, rij, extra: {},
  };
};
const WERKEN = [
  werk('W1', 'warmtenet', '2027-03-01', '2027-12-31', 2),
  werk('W2', 'riolering', '2028-01-01', '2029-12-31', 3),
  werk('W3', 'groen', '2026-06-01', '2026-09-30', 4),
];
const pair = (a: string, b: string, overlap = 42.5, buurten = ['0111', '0112']): Meekoppelkans => ({
  id: `MK-${a}-${b}`, werkA: a, werkB: b, categorieA: 'a', categorieB: 'b', overlap, eenheid: 'm', tussentijdDagen: 1,
  buurten, shared: { crs: 'rd', kind: 'point', points: [[0, 0]] },
});
const asRaw = (t: Pick<MeekoppelkansenTable, 'headers' | 'rows'>): RawTable => ({
  name: 'Meekoppelkansen', sheet: 'Meekoppelkansen', headerRow: 1, firstColumn: 1, headers: [...t.headers], rows: t.rows.map((r) => [...r]), isTable: true,
});
const col = (t: Pick<MeekoppelkansenTable, 'headers'>, name: string) => {
  const i = t.headers.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${t.headers.join(', ')}`);
  return i;
};
const rowOf = (t: Pick<MeekoppelkansenTable, 'headers' | 'rows'>, id: string) => t.rows.find((r) => r[col(t, 'id')] === id);
const set = (t: Pick<MeekoppelkansenTable, 'headers' | 'rows'>, id: string, name: string, value: CellValue) => {
  rowOf(t, id)![col(t, name)] = value;
};

describe('mergeMeekoppelkansen', () => {
  it('writes a new table with the add-in columns, the planner columns and status nieuw', () => {
    const t = mergeMeekoppelkansen(undefined, [pair('W1', 'W2'), pair('W1', 'W3')], WERKEN);
    expect(t.headers).toEqual([
      'id', 'werk_a', 'werk_b', 'categorie_a', 'categorie_b', 'overlap', 'eenheid', 'tussentijd_dagen', 'buurten',
      'eigenaar_a', 'eigenaar_b', 'titel_a', 'titel_b', 'periode', 'status', 'notitie', 'contactpersoon', 'besparing_eur', 'vorige_status',
    ]);
    expect(t.rows[0]).toEqual([
      'MK-W1-W2', 'W1', 'W2', 'a', 'b', 42.5, 'm', 1, '0111 0112', 'eigenaar W1', 'eigenaar W2', 'titel W1', 'titel W2',
      '2027-03-01 – 2029-12-31', 'nieuw', null, null, null, null,
    ]);
    expect(t.rows[1][13]).toBe('2026-06-01 – 2027-12-31');
    expect(t.formats).toEqual([
      'text', 'text', 'text', 'text', 'text', 'decimal2', 'text', 'integer', 'text', 'text', 'text', 'text', 'text', 'text',
      null, null, null, 'euro', 'text',
    ]);
    expect(t.changes).toEqual({ added: 2, updated: 0, unchanged: 0, vervallen: 0, removed: 0, kept: 0 });
  });

  it('carries planner cells over exactly and refreshes the add-in cells', () => {
    const first = mergeMeekoppelkansen(undefined, [pair('W1', 'W2')], WERKEN);
    set(first, 'MK-W1-W2', 'status', 'afgesproken');
    set(first, 'MK-W1-W2', 'besparing_eur', 25000);
    set(first, 'MK-W1-W2', 'contactpersoon', ' Piet ');
    set(first, 'MK-W1-W2', 'overlap', 'getypt');
    const again = mergeMeekoppelkansen(asRaw(first), [pair('W1', 'W2', 50)], WERKEN);
    const row = rowOf(again, 'MK-W1-W2')!;
    expect([row[col(again, 'status')], row[col(again, 'besparing_eur')], row[col(again, 'contactpersoon')]]).toEqual(['afgesproken', 25000, ' Piet ']);
    expect(row[col(again, 'overlap')]).toBe(50);
    expect(again.changes).toMatchObject({ updated: 1, added: 0 });
    expect(mergeMeekoppelkansen(asRaw(again), [pair('W1', 'W2', 50)], WERKEN).changes).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it('keeps the planner column order and added columns, filling by name', () => {
    const headers = ['Status', 'ID', 'Prioriteit', 'Notitie', 'overlap'];
    const existing: RawTable = { ...asRaw({ headers, rows: [['in overleg', 'MK-W1-W2', 1, 'bellen', 3]] }) };
    const t = mergeMeekoppelkansen(existing, [pair('W1', 'W2'), pair('W2', 'W3')], WERKEN);
    expect(t.headers.slice(0, 5)).toEqual(headers);
    expect(t.headers.slice(5)).toEqual(['werk_a', 'werk_b', 'categorie_a', 'categorie_b', 'eenheid', 'tussentijd_dagen', 'buurten',
      'eigenaar_a', 'eigenaar_b', 'titel_a', 'titel_b', 'periode', 'contactpersoon', 'besparing_eur', 'vorige_status']);
    expect(t.rows[0].slice(0, 6)).toEqual(['in overleg', 'MK-W1-W2', 1, 'bellen', 42.5, 'W1']);
    expect(t.rows[1].slice(0, 5)).toEqual(['nieuw', 'MK-W2-W3', null, null, 42.5]);
    expect(t.formats.slice(0, 5)).toEqual([null, 'text', null, null, 'decimal2']);
  });

  it('marks a pair that no longer qualifies vervallen when it has planner input, and removes it otherwise', () => {
    const first = mergeMeekoppelkansen(undefined, [pair('W1', 'W2'), pair('W1', 'W3'), pair('W2', 'W3')], WERKEN);
    set(first, 'MK-W1-W2', 'status', 'afgesproken');
    set(first, 'MK-W1-W3', 'notitie', 'samen met groen');
    const t = mergeMeekoppelkansen(asRaw(first), [], WERKEN);
    expect(t.rows.map((r) => [r[0], r[col(t, 'status')], r[col(t, 'vorige_status')], r[col(t, 'notitie')]])).toEqual([
      ['MK-W1-W2', 'vervallen', 'afgesproken', null],
      ['MK-W1-W3', 'vervallen', 'nieuw', 'samen met groen'],
    ]);
    expect(t.changes).toEqual({ added: 0, updated: 0, unchanged: 0, vervallen: 2, removed: 1, kept: 0 });
    expect(mergeMeekoppelkansen(asRaw(t), [], WERKEN).changes).toMatchObject({ unchanged: 2, vervallen: 0 });
  });

  it('keeps a vanished pair whose row carries a comment as vervallen, and removes the same pair without one', () => {
    const first = mergeMeekoppelkansen(undefined, [pair('W1', 'W2'), pair('W1', 'W3'), pair('W2', 'W3')], WERKEN);
    const t = mergeMeekoppelkansen(asRaw(first), [pair('W2', 'W3')], WERKEN, { metOpmerking: new Set(['MK-W1-W3', 'MK-W2-W3']) });
    expect(t.rows.map((r) => [r[0], r[col(t, 'status')], r[col(t, 'vorige_status')]])).toEqual([
      ['MK-W1-W3', 'vervallen', 'nieuw'],
      ['MK-W2-W3', 'nieuw', null],
    ]);
    expect(t.changes).toEqual({ added: 0, updated: 0, unchanged: 1, vervallen: 1, removed: 1, kept: 0 });
    // without the comment the same merge removes it, as before
    expect(mergeMeekoppelkansen(asRaw(first), [pair('W2', 'W3')], WERKEN).rows.map((r) => r[0])).toEqual(['MK-W2-W3']);
    // still commented on the next run: kept as it is
    expect(mergeMeekoppelkansen(asRaw(t), [], WERKEN, { metOpmerking: new Set(['MK-W1-W3']) }).changes).toMatchObject({ unchanged: 1, removed: 1 });
  });

  it('removes a vervallen row once the planner has cleared the input it was kept for', () => {
    const first = mergeMeekoppelkansen(undefined, [pair('W1', 'W2')], WERKEN);
    set(first, 'MK-W1-W2', 'notitie', 'even bellen');
    const gone = mergeMeekoppelkansen(asRaw(first), [], WERKEN);
    set(gone, 'MK-W1-W2', 'notitie', null);
    const t = mergeMeekoppelkansen(asRaw(gone), [], WERKEN);
    expect(t.rows).toEqual([]);
    expect(t.changes).toMatchObject({ removed: 1 });
  });

  it("restores the planner's status when a vervallen pair qualifies again", () => {
    const first = mergeMeekoppelkansen(undefined, [pair('W1', 'W2')], WERKEN);
    set(first, 'MK-W1-W2', 'status', 'afgesproken');
    const gone = mergeMeekoppelkansen(asRaw(first), [], WERKEN);
    const back = mergeMeekoppelkansen(asRaw(gone), [pair('W1', 'W2')], WERKEN);
    expect([rowOf(back, 'MK-W1-W2')![col(back, 'status')], rowOf(back, 'MK-W1-W2')![col(back, 'vorige_status')]]).toEqual(['afgesproken', null]);
    expect(back.changes).toMatchObject({ updated: 1 });
  });

  it('leaves rows without an id, or with a repeated id, exactly as they were', () => {
    const first = mergeMeekoppelkansen(undefined, [pair('W1', 'W2')], WERKEN);
    const width = first.headers.length;
    const own = Array.from({ length: width }, (_, j): CellValue => (j === col(first, 'notitie') ? 'eigen regel' : null));
    const copy = [...first.rows[0]];
    const blank = Array.from({ length: width }, (): CellValue => null);
    const t = mergeMeekoppelkansen(asRaw({ headers: first.headers, rows: [...first.rows, own, copy, blank] }), [], WERKEN);
    expect(t.rows).toEqual([own, copy]);
    expect(t.changes).toMatchObject({ removed: 1, kept: 2 });
  });

  it('throws when a pair names a work that is not given', () => {
    expect(() => mergeMeekoppelkansen(undefined, [pair('W1', 'W9')], WERKEN)).toThrow(/werk "W9" of MK-W1-W9 is not in werken/);
  });

  it('gives the joint period of two works', () => {
    expect(periode(WERKEN[1], WERKEN[2])).toBe('2026-06-01 – 2029-12-31');
  });
});

describe('the meekoppelkansen column of Werken', () => {
  const pairs = [pair('W1', 'W3'), pair('W1', 'W2')];

  it('lists each work\'s pair ids, sorted and comma-separated', () => {
    expect(Object.fromEntries(meekoppelkansenPerWerk(pairs))).toEqual({ W1: 'MK-W1-W2, MK-W1-W3', W2: 'MK-W1-W2', W3: 'MK-W1-W3' });
    expect(Object.fromEntries(meekoppelkansenByRij(WERKEN, [pair('W1', 'W2')]))).toEqual({ 2: 'MK-W1-W2', 3: 'MK-W1-W2', 4: '' });
  });

  it('gives one value per table row, empty for rows that are no work, and finds an existing column', () => {
    const table: RawTable = { name: 'Werken', sheet: 'Werken', headerRow: 1, firstColumn: 1, isTable: true,
      headers: ['id', 'Meekoppel kansen'], rows: [['W1', 'oud'], ['kapot', 'oud'], ['W2', null], ['W3', null]] };
    const werken = [WERKEN[0], { ...WERKEN[1], rij: 4 }, { ...WERKEN[2], rij: 5 }];
    expect(meekoppelkansenColumn(table, werken, pairs)).toEqual({
      columnIndex: 1, header: 'Meekoppel kansen', values: ['MK-W1-W2, MK-W1-W3', '', 'MK-W1-W2', 'MK-W1-W3'],
    });
    expect(meekoppelkansenColumn({ ...table, headers: ['id', 'x'] }, werken, pairs).columnIndex).toBeUndefined();
  });

  it('summarises a merge in Dutch', () => {
    expect(describeChanges({ added: 3, updated: 1, unchanged: 0, vervallen: 1, removed: 2, kept: 1 })).toBe(
      '3 nieuw, 1 bijgewerkt, 1 vervallen, 2 verwijderd, 1 rij zonder id bewaard',
    );
    expect(describeChanges({ added: 0, updated: 0, unchanged: 0, vervallen: 0, removed: 0, kept: 0 })).toBe('geen meekoppelkansen');
  });
});
