import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../src/cli/decode';
import { parseCsv } from '../../src/core/import/csv';
import { bronKey, bronnenTable, readBronnen } from '../../src/core/import/bronnen';
import { NIET_OVERNEMEN, mappingText, parseMappingText, proposeMapping } from '../../src/core/import/mapping';
import { importWerken } from '../../src/core/import/werken';
import type { CellValue, RawTable } from '../../src/core/types';
import { readWerken } from '../../src/core/werkboek/tables';
import { dayToExcelSerial, makeDay } from '../../src/core/werkboek/dates';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
const csvOf = (name: string) => parseCsv(decodeText(new Uint8Array(readFileSync(join(FIXTURES, name)))).text);
const STEDIN_MAPPING = 'Projectnr=id,Soort werk=categorie';

function werkenTable(rows: CellValue[][]): RawTable {
  return {
    name: 'Werken', sheet: 'Werken', headerRow: 1, firstColumn: 1, isTable: true,
    headers: ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'meekoppelkansen'], rows,
  };
}

describe('proposeMapping', () => {
  it('maps headers that match a column or alias of werkboek.md and the coordinate names, and lists the rest', () => {
    const p = proposeMapping(['Kenmerk', 'Discipline', 'Startdatum', 'Einddatum', 'X', 'Y', 'Wijk']);
    expect(p.mapping).toEqual({ Kenmerk: 'id', Discipline: 'categorie', Startdatum: 'start', Einddatum: 'eind', X: 'x', Y: 'y' });
    expect(p.unmatched).toEqual(['Wijk']);
    expect(p.missing).toEqual([]);
  });

  it('says what is missing when the headers do not cover a work', () => {
    const p = proposeMapping(csvOf('stedin-windows1252.csv').headers);
    expect(p.missing).toEqual(['id', 'categorie']);
    expect(p.unmatched).toEqual(['Projectnr', 'Soort werk', 'Kosten', 'Wijk']);
  });

  it('uses a mapping remembered for the source before the aliases, one header per field', () => {
    const p = proposeMapping(['Projectnr', 'Soort werk', 'Begin', 'Gereed', 'Locatie', 'Type'], { Projectnr: 'id', 'Soort werk': 'categorie' });
    expect(p.mapping).toEqual({ Projectnr: 'id', 'Soort werk': 'categorie', Begin: 'start', Gereed: 'eind', Locatie: 'geometrie' });
    expect(p.unmatched).toEqual(['Type']);
  });

  it('reads kolom=veld text and refuses an unknown field with the list of fields', () => {
    expect(parseMappingText('Projectnr=id, Soort werk = categorie')).toEqual({ Projectnr: 'id', 'Soort werk': 'categorie' });
    expect(() => parseMappingText('Projectnr=nummer')).toThrow(/Onbekend veld 'nummer'.*id, categorie/);
  });

  it('leaves a column out on purpose ("(niet overnemen)", Kolom=) even when its header is an alias, and keeps that choice', () => {
    const skip = parseMappingText('Startdatum=,Plandatum=start');
    expect(skip).toEqual({ Startdatum: NIET_OVERNEMEN, Plandatum: 'start' });
    const p = proposeMapping(['Kenmerk', 'Startdatum', 'Plandatum', 'Einddatum', 'X', 'Y', 'Wijk'], skip);
    expect(p.mapping).toEqual({ Startdatum: '', Plandatum: 'start', Kenmerk: 'id', Einddatum: 'eind', X: 'x', Y: 'y' });
    // left out on purpose is not an own column to keep, unlike a header nobody chose for
    expect(p.unmatched).toEqual(['Wijk']);
    expect(mappingText(p.mapping)).toBe('Startdatum=,Plandatum=start,Kenmerk=id,Einddatum=eind,X=x,Y=y');
    expect(parseMappingText(mappingText(p.mapping))).toEqual(p.mapping);
  });

  it('remembers a left-out column in KoppelkaartBronnen and reads it back', () => {
    const table = bronnenTable(undefined, 'stedin.csv', { Projectnr: 'id', Status: NIET_OVERNEMEN }, '2026-11-22');
    const raw: RawTable = { name: 'KoppelkaartBronnen', sheet: 'KoppelkaartBronnen', headerRow: 1, firstColumn: 1, isTable: true, ...table };
    expect(readBronnen(raw).get(bronKey('stedin.csv'))).toEqual({ Projectnr: 'id', Status: '' });
  });
});

describe('importWerken', () => {
  it('takes the start date from the column the planner chose when the alias-named column is left out', () => {
    const csv = parseCsv('id;categorie;Startdatum;Plandatum;eind;x;y\nA1;riolering;1-1-2020;1-3-2027;31-12-2027;136603,38;455665,99\n');
    const result = importWerken(csv, werkenTable([]), { bron: 'a.csv', mapping: parseMappingText('Startdatum=,Plandatum=start') });
    expect(result.problems).toEqual([]);
    expect(result.append).toHaveLength(1);
    expect(result.append[0][4]).toBe(dayToExcelSerial(makeDay(2027, 3, 1)!));
    expect(result.append[0]).not.toContain(dayToExcelSerial(makeDay(2020, 1, 1)!));
    expect(result.mapping).toMatchObject({ Startdatum: '', Plandatum: 'start' });
  });

  it('imports the good rows of a Windows-1252 partner file: points from x/y with decimal commas, Dutch dates, € amounts', () => {
    const result = importWerken(csvOf('stedin-windows1252.csv'), werkenTable([]), { bron: 'stedin.csv', mapping: parseMappingText(STEDIN_MAPPING), eigenaar: 'Stedin' });
    expect(result.append.map((r) => r[0])).toEqual(['ST-101', 'ST-102', 'ST-105']);
    const [first, second] = result.append;
    expect(first).toEqual(['ST-101', 'elektriciteit', 'Stedin', 'Kabelvervanging Poëziestraat',
      dayToExcelSerial(makeDay(2027, 3, 1)!), dayToExcelSerial(makeDay(2027, 9, 30)!), 'POINT(136603.38 455665.99)', null]);
    expect(second[3]).toBe('Gasleiding Hoogstraat\nfase 2 (café-zijde)');
    expect(second[4]).toBe(dayToExcelSerial(makeDay(2027, 4, 1)!));
    expect(second[5]).toBe(dayToExcelSerial(makeDay(2027, 12, 31)!));
    expect(result.counts).toEqual({ gelezen: 6, toegevoegd: 3, afgewezen: 3, verwijderd: 0 });
  });

  it('reports each rejected row at its CSV line, under the CSV header and with a Dutch fix', () => {
    const result = importWerken(csvOf('stedin-windows1252.csv'), werkenTable([]), { bron: 'stedin.csv', mapping: parseMappingText(STEDIN_MAPPING) });
    const fouten = result.problems.filter((p) => p.ernst === 'fout');
    expect(fouten.map((p) => [p.tabel, p.rij, p.kolom])).toEqual([
      ['CSV stedin.csv', 5, 'Begin'],
      ['CSV stedin.csv', 6, 'X, Y'],
      ['CSV stedin.csv', 7, 'Projectnr'],
    ]);
    expect(fouten[0].waarde).toBe('31-02-2027');
    expect(fouten[1].melding).toMatch(/"abc" is geen getal.*niet overgenomen/);
    // the columns without a place in the table are named once, not silently dropped
    expect(result.problems.find((p) => p.ernst === 'waarschuwing')?.kolom).toBe('Kosten, Wijk');
  });

  it('keeps the budget as a number and the other columns where the table has them', () => {
    const table: RawTable = { ...werkenTable([]), headers: ['id', 'categorie', 'start', 'eind', 'geometrie', 'budget', 'Wijk'] };
    const result = importWerken(csvOf('stedin-windows1252.csv'), table, { bron: 's', mapping: parseMappingText(`${STEDIN_MAPPING},Kosten=budget`) });
    expect(result.append.map((r) => [r[5], r[6]])).toEqual([[12500.5, 'Oost'], [8000, 'West'], [1234.56, 'Noordoost']]);
    expect(result.problems.filter((p) => p.ernst === 'waarschuwing')).toEqual([]);
  });

  it('imports lat/lon columns of a UTF-8 file with a BOM and reads a decimal comma in buffer_m', () => {
    const table: RawTable = { ...werkenTable([]), headers: ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'buffer_m'] };
    const result = importWerken(csvOf('vitens-bom.csv'), table, { bron: 'vitens.csv' });
    expect(result.append).toHaveLength(1);
    expect(result.append[0][6]).toBe('SRID=4326;POINT(5.1214 52.0907)');
    expect(result.append[0][7]).toBe(12.5);
    expect(result.problems.map((p) => [p.rij, p.kolom, p.ernst])).toEqual([[3, 'eind', 'fout']]);
  });

  it('writes rows the werkboek reader accepts as the same works', () => {
    const result = importWerken(csvOf('vitens-bom.csv'), undefined, { bron: 'vitens.csv' });
    const back = readWerken({ ...werkenTable(result.append), headers: result.headers });
    expect(back.problems).toEqual([]);
    expect(back.items[0]).toMatchObject({ id: 'VI-1', categorie: 'drinkwater', eigenaar: 'Vitens', bufferM: 12.5, start: makeDay(2027, 3, 1), eind: makeDay(2027, 12, 31) });
  });

  it('leaves the planner rows alone but refuses ids already in the table', () => {
    const table = werkenTable([['VI-1', 'riolering', 'Gemeente', 'Riool', '2027-01-01', '2027-12-31', 'POINT(136000 455000)', null]]);
    const result = importWerken(csvOf('vitens-bom.csv'), table, { bron: 'vitens.csv' });
    expect(result.append).toEqual([]);
    expect(result.remove).toEqual([]);
    expect(result.problems[0]).toMatchObject({ rij: 2, kolom: 'id', waarde: 'VI-1', ernst: 'fout' });
    expect(result.problems[0].melding).toContain('rij 2');
  });

  it("replaces a chosen eigenaar's rows: their Excel rows are removed and their ids free again", () => {
    const table = werkenTable([
      ['G-1', 'riolering', 'Gemeente', 'Riool', '2027-01-01', '2027-12-31', 'POINT(136000 455000)', null],
      ['VI-1', 'drinkwater', ' vitens ', 'Oud', '2026-01-01', '2026-12-31', 'POINT(136000 455000)', null],
    ]);
    const result = importWerken(csvOf('vitens-bom.csv'), table, { bron: 'vitens.csv', vervangEigenaar: 'Vitens' });
    expect(result.remove).toEqual([3]);
    expect(result.append.map((r) => r[0])).toEqual(['VI-1']);
    expect(result.counts.verwijderd).toBe(1);
  });

  it('imports nothing and says which fields are missing when the mapping is incomplete', () => {
    const result = importWerken(csvOf('stedin-windows1252.csv'), werkenTable([]), { bron: 'stedin.csv' });
    expect(result.append).toEqual([]);
    expect(result.missing).toEqual(['id', 'categorie']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].melding).toMatch(/id, categorie ontbreekt.*"Projectnr".*--mapping/);
  });

  it('gives a new Werken table the standard columns plus the file\'s own', () => {
    const result = importWerken(csvOf('stedin-windows1252.csv'), undefined, { bron: 's', mapping: parseMappingText(STEDIN_MAPPING) });
    expect(result.headers).toEqual(['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'buffer_m', 'status', 'budget', 'contact', 'Kosten', 'Wijk']);
    expect(result.append[0].slice(-2)).toEqual(['€ 12.500,50', 'Oost']);
  });
});
