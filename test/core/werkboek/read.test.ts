import { controleRows, readWerkboek } from '../../../src/core/werkboek/read';
import { dayToIso } from '../../../src/core/werkboek/dates';
import { DEFAULT_REGELS, type CellValue, type RawTable } from '../../../src/core/types';

const raw = (name: string, headers: string[], rows: CellValue[][], headerRow = 1): RawTable => ({
  name, sheet: name, headerRow, firstColumn: 1, headers, rows, isTable: true,
});

const LINE = 'LINESTRING(136603.38 455665.99, 136636.68 455681.66)';
const SQUARE = 'POLYGON((136500 455600, 136700 455600, 136700 455800, 136500 455800, 136500 455600))';
const WERKEN_HEADERS = ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'buffer_m', 'budget', 'wethouder'];
const werk = (id: CellValue, overrides: Partial<Record<string, CellValue>> = {}): CellValue[] => {
  const base: Record<string, CellValue> = {
    id, categorie: 'Warmtenet', eigenaar: 'Eneco', titel: 'Tracé', start: '2027-03-01', eind: '2027 Q4',
    geometrie: LINE, buffer_m: null, budget: 120000, wethouder: 'Jansen', ...overrides,
  };
  return WERKEN_HEADERS.map((h) => base[h]);
};
const werken = (rows: CellValue[][], headers = WERKEN_HEADERS) => raw('Werken', headers, rows);

describe('readWerkboek: Werken', () => {
  it('reads a good work with every field', () => {
    const wb = readWerkboek({ werken: werken([werk('W1', { categorie: '  Warmte   Net ', buffer_m: '12,5' })]) });
    expect(wb.problems).toEqual([{ tabel: 'Buurten', rij: 0, kolom: '', waarde: '', ernst: 'waarschuwing', melding: expect.stringContaining('Zonder buurten') }]);
    expect(wb.werken).toHaveLength(1);
    const w = wb.werken[0];
    expect(w).toMatchObject({ id: 'W1', categorie: 'warmte net', eigenaar: 'Eneco', titel: 'Tracé', bufferM: 12.5, rij: 2 });
    expect([dayToIso(w.start), dayToIso(w.eind)]).toEqual(['2027-03-01', '2027-12-31']);
    expect(w.geometry).toEqual({ crs: 'rd', kind: 'line', lines: [[[136603.38, 455665.99], [136636.68, 455681.66]]] });
    expect(w.extra).toEqual({ budget: 120000, wethouder: 'Jansen' });
    expect(wb.regels).toEqual(DEFAULT_REGELS);
  });

  it('keeps a planner column headed __proto__ like any other column', () => {
    const headers = [...WERKEN_HEADERS, '__proto__'];
    const wb = readWerkboek({ werken: werken([[...werk('W1'), 'mijn waarde']], headers) });
    expect(Object.entries(wb.werken[0].extra)).toEqual([['budget', 120000], ['wethouder', 'Jansen'], ['__proto__', 'mijn waarde']]);
  });

  it('keeps numeric ids as text and leaves out later rows with a repeated id', () => {
    const wb = readWerkboek({ werken: werken([werk(12), werk('12'), werk('13'), werk(12)]) });
    expect(wb.werken.map((w) => [w.id, w.rij])).toEqual([['12', 2], ['13', 4]]);
    const dupes = wb.problems.filter((p) => p.tabel === 'Werken');
    expect(dupes.map((p) => [p.rij, p.kolom, p.waarde, p.ernst])).toEqual([[3, 'id', '12', 'fout'], [5, 'id', '12', 'fout']]);
    expect(dupes[0].melding).toBe('Het id "12" komt al voor in rij 2. Geef elke rij een eigen id; deze rij wordt overgeslagen.');
  });

  it('reports every problem of a bad row at once and leaves the row out', () => {
    const wb = readWerkboek({ werken: werken([werk('', { categorie: ' ', start: '31-02-2027', eind: { error: '#N/A' }, geometrie: 'LIJN(1 2)', buffer_m: '-5' }), werk('W2')]) });
    expect(wb.werken.map((w) => w.id)).toEqual(['W2']);
    const found = wb.problems.filter((p) => p.tabel === 'Werken');
    expect(found.map((p) => p.kolom)).toEqual(['id', 'categorie', 'start', 'eind', 'geometrie', 'buffer_m']);
    expect(found.every((p) => p.rij === 2 && p.ernst === 'fout' && p.melding.includes('overgeslagen'))).toBe(true);
    expect(found[3]).toMatchObject({ waarde: '#N/A', melding: expect.stringContaining('Excel-fout #N/A') });
  });

  it('reports an eind before the start', () => {
    const wb = readWerkboek({ werken: werken([werk('W1', { start: '1-6-2028', eind: '2028 Q1' })]) });
    expect(wb.werken).toEqual([]);
    expect(wb.problems[0]).toMatchObject({ tabel: 'Werken', rij: 2, kolom: 'eind', waarde: '2028 Q1', ernst: 'fout' });
    expect(wb.problems[0].melding).toMatch(/vóór de startdatum/);
  });

  it('accepts a start and eind in the same quarter', () => {
    const wb = readWerkboek({ werken: werken([werk('W1', { start: '2028 Q1', eind: '2028-Q1' })]) });
    expect(wb.werken.map((w) => [dayToIso(w.start), dayToIso(w.eind)])).toEqual([['2028-01-01', '2028-03-31']]);
  });

  it('reads headers by alias and reports the row numbers a planner sees', () => {
    const headers = ['Kenmerk', 'Discipline', 'Partij', 'Omschrijving', 'Begin', 'Gereed', 'WKT'];
    const table = raw('tblWerken', headers, [[null, null, null, null, null, null, null], ['A', 'riolering', 'Gemeente', 'Riool', 46447, 46812, 'POINT(136600 455670)']], 7);
    const wb = readWerkboek({ werken: table });
    expect(wb.werken).toMatchObject([{ id: 'A', categorie: 'riolering', eigenaar: 'Gemeente', titel: 'Riool', rij: 9 }]);
    expect(wb.werken[0].geometry.kind).toBe('point');
  });

  it('reads a geometry spread over continuation columns', () => {
    const headers = [...WERKEN_HEADERS, 'geometrie_2', 'geometrie_3'];
    const row = werk('W1', { geometrie: 'LINESTRING(136603.38 455665.99, ' });
    const wb = readWerkboek({ werken: werken([[...row, '136636.68 455681', '.66)']], headers) });
    expect(wb.werken[0].geometry).toEqual({ crs: 'rd', kind: 'line', lines: [[[136603.38, 455665.99], [136636.68, 455681.66]]] });
  });

  it('reports a geometry with an empty middle part', () => {
    const headers = [...WERKEN_HEADERS, 'geometrie_2', 'geometrie_3'];
    const row = werk('W1', { geometrie: 'LINESTRING(136603.38 455665.99, ' });
    const wb = readWerkboek({ werken: werken([[...row, '', '136636.68 455681.66)']], headers) });
    expect(wb.werken).toEqual([]);
    expect(wb.problems[0]).toMatchObject({ rij: 2, kolom: 'geometrie_2', ernst: 'fout' });
    expect(wb.problems[0].melding).toMatch(/^geometrie_2 is leeg, maar geometrie_3 niet/);
  });

  it('passes the warnings of a repaired geometry on and keeps the work', () => {
    // lat/lon in the wrong order is repaired by parseGeometry with a warning
    const wb = readWerkboek({ werken: werken([werk('W1', { geometrie: 'LINESTRING(52.09 5.11, 52.091 5.112)' })]) });
    expect(wb.werken).toHaveLength(1);
    const warning = wb.problems.find((p) => p.tabel === 'Werken');
    expect(warning).toMatchObject({ kolom: 'geometrie', ernst: 'waarschuwing' });
  });

  it('reports a missing Werken table once, and a missing required column once', () => {
    expect(readWerkboek({}).problems.filter((p) => p.ernst === 'fout')).toEqual([
      { tabel: 'Werken', rij: 0, kolom: '', waarde: '', ernst: 'fout', melding: expect.stringMatching(/Geen tabel of blad "Werken"/) },
    ]);
    const noGeom = readWerkboek({ werken: werken([['W1', 'gas', '2027', '2028']], ['id', 'categorie', 'start', 'eind']) });
    expect(noGeom.werken).toEqual([]);
    expect(noGeom.problems.filter((p) => p.tabel === 'Werken')).toEqual([
      expect.objectContaining({ rij: 1, kolom: 'geometrie', ernst: 'fout' }),
    ]);
  });

  it('warns about an empty Werken table and skips blank rows silently', () => {
    expect(readWerkboek({ werken: werken([]) }).problems.find((p) => p.tabel === 'Werken')).toMatchObject({ rij: 1, ernst: 'waarschuwing' });
    const blank = readWerkboek({ werken: werken([WERKEN_HEADERS.map(() => null), werk('W1')]) });
    expect(blank.werken.map((w) => w.rij)).toEqual([3]);
    expect(blank.problems.filter((p) => p.tabel === 'Werken')).toEqual([]);
  });
});

describe('readWerkboek: Buurten and Koppelkansen', () => {
  const buurten = raw('Buurten', ['code', 'naam', 'wk_code', 'geometry', 'inwoners'], [
    ['0111', 'Lombok', 'W01', SQUARE, 5120],
    [112, 'Oog in Al', '', SQUARE, 3000],
    ['0113', 'Lijn', '', LINE, 1],
    ['0111', 'Dubbel', '', SQUARE, 2],
  ]);

  it('reads buurten with text codes, leading zeros kept, and other columns as values', () => {
    const wb = readWerkboek({ werken: werken([]), buurten });
    expect(wb.buurten.map((b) => [b.code, b.naam, b.wijkcode, b.values])).toEqual([
      ['0111', 'Lombok', 'W01', { inwoners: 5120 }],
      ['112', 'Oog in Al', undefined, { inwoners: 3000 }],
    ]);
    const found = wb.problems.filter((p) => p.tabel === 'Buurten');
    expect(found.map((p) => [p.rij, p.kolom])).toEqual([[4, 'geometry'], [5, 'code']]);
    expect(found[0].melding).toMatch(/vlak/);
  });

  it('reads koppelkansen by buurtcode or geometry and warns about unknown buurten', () => {
    const koppelkansen = raw('Koppelkansen', ['id', 'buurt', 'thema', 'type', 'geometrie'], [
      ['K1', '0111', 'Gezondheid', 'mensgericht', null],
      ['K2', '', 'Armoede & schulden', 'gebiedsgericht', SQUARE],
      ['K3', '9999', 'Participatie', 'mensgericht', null],
      ['K4', '', 'Participatie', 'mensgericht', null],
    ]);
    const wb = readWerkboek({ werken: werken([]), buurten, koppelkansen });
    expect(wb.koppelkansen.map((k) => [k.id, k.buurtcode, k.geometry?.kind, k.soort])).toEqual([
      ['K1', '0111', undefined, 'mensgericht'],
      ['K2', undefined, 'poly', 'gebiedsgericht'],
      ['K3', '9999', undefined, 'mensgericht'],
    ]);
    const found = wb.problems.filter((p) => p.tabel === 'Koppelkansen');
    expect(found.map((p) => [p.rij, p.kolom, p.ernst])).toEqual([[5, 'buurt', 'fout'], [4, 'buurtcode', 'waarschuwing']]);
  });
});

describe('readWerkboek: Regels', () => {
  const regels = (rows: CellValue[][]) => readWerkboek({ werken: werken([]), regels: raw('Regels', ['Naam', 'Waarde'], rows) });

  it('merges known settings over the defaults', () => {
    const wb = regels([['afstand_m', '15'], ['Min overlap m', 40], ['min_overlap_m2', '250,5'], ['max_tussentijd_maanden', 36], ['zelfde_categorie', 'ja']]);
    expect(wb.regels).toEqual({ afstandM: 15, minOverlapM: 40, minOverlapM2: 250.5, maxTussentijdMaanden: 36, zelfdeCategorie: true });
    expect(wb.problems.filter((p) => p.tabel === 'Regels')).toEqual([]);
  });

  it('reports unknown names, bad values and repeats, and keeps the default', () => {
    const wb = regels([['afstand', 5], ['afstand_m', 'ver'], ['max_tussentijd_maanden', 1.5], ['min_overlap_m', -1], ['zelfde_categorie', 'misschien'], ['min_overlap_m2', 50], ['Min overlap m2', 60]]);
    expect(wb.regels).toEqual({ ...DEFAULT_REGELS, minOverlapM2: 50 });
    const found = wb.problems.filter((p) => p.tabel === 'Regels');
    expect(found.map((p) => [p.rij, p.kolom])).toEqual([[2, 'Naam'], [3, 'Waarde'], [4, 'Waarde'], [5, 'Waarde'], [6, 'Waarde'], [8, 'Naam']]);
    expect(found[1].melding).toMatch(/"ver" is geen getal.* De rij wordt overgeslagen; de standaardwaarde 10 geldt\./);
    expect(found[4].melding).toMatch(/de standaardwaarde nee geldt/);
    expect(found[5].melding).toMatch(/staat al in rij 7/);
  });
});

describe('controleRows', () => {
  it('writes the Controle header and one row per problem, rij empty for a whole table', () => {
    const wb = readWerkboek({ werken: werken([werk('W1', { start: 'ooit' })]) });
    expect(controleRows(wb.problems)).toEqual([
      ['tabel', 'rij', 'kolom', 'waarde', 'melding'],
      ['Werken', 2, 'start', 'ooit', expect.stringMatching(/^"ooit" is geen datum.*De rij wordt overgeslagen\.$/)],
      ['Buurten', null, '', '', expect.stringMatching(/Geen tabel of blad "Buurten"/)],
    ]);
  });
});
