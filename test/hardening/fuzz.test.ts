/**
 * Random tables of hostile cells: readWerkboek and analyse never throw, and every problem has a
 * place inside the table and a Dutch melding.
 */
import fc from 'fast-check';
import type { CellValue, RawTable } from '../../src/core/types';
import { analyse } from '../../src/core/analysis/analyse';
import { controleRows, readWerkboek } from '../../src/core/werkboek';

const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom('', '   ', '#N/A', '1 maart 2027', 'Q5 2027', '31-02-2027', '2027/3/1', '03-2027', '1e999', 'NaN', '-0', '12,5', '1.234,5',
    'POINT(136600 455700)', 'LINESTRING(136600 455700, 136700 455700)', 'POLYGON((136600 455700, 136700 455700, 136700 455800))',
    'GEOMETRYCOLLECTION(POINT(1 2))', 'LINESTRING(52.09 5.12, 52.095 5.125)', '{"type":"Point","coordinates":[5.12,52.09,3]}',
    '{"type":"Point"', 'POLYGON EMPTY', '<img src=x onerror=alert(1)>', '=SOM(A1:A3)', 'SRID=4326;POINT(5.12 52.09)'),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  hostileText,
  fc.double(),
  fc.integer({ min: -100000, max: 200000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!').map((error) => ({ error })),
);
const HEADERS = ['id', 'categorie', 'start', 'eind', 'geometrie', 'geometrie_2', 'buffer_m', 'buurtcode', 'naam', 'waarde', '', 'Discipline', 'wkt_3', 'budget'];

const table = (name: string): fc.Arbitrary<RawTable> =>
  fc.tuple(fc.subarray(HEADERS, { minLength: 1 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 20 })).chain(([headers, n, headerRow]) =>
    fc.array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), { minLength: n, maxLength: n })
      .map((rows) => ({ name, sheet: name, headerRow, firstColumn: 1, headers, rows, isTable: false })));

describe('hostile tables', () => {
  it('never make readWerkboek, analyse or controleRows throw, and every problem has a place and a melding', () => {
    fc.assert(fc.property(fc.record({ werken: table('Werken'), buurten: table('Buurten'), koppelkansen: table('Koppelkansen'), regels: table('Regels') }, { requiredKeys: [] }), (raw) => {
      const wb = readWerkboek(raw);
      analyse(wb.werken, wb.buurten, wb.regels);
      controleRows(wb.problems);
      for (const p of wb.problems) {
        const t = raw[p.tabel.toLowerCase() as 'werken'];
        const lastRij = t ? t.headerRow + t.rows.length : 0;
        if (p.rij < 0 || p.rij > lastRij || p.melding.length < 10 || p.waarde.length > 100) return false;
      }
      return true;
    }), { numRuns: 300 });
  });
});
