import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, detectDelimiter } from '../../src/core/import/csv';
import { decodeText } from '../../src/cli/decode';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => decodeText(new Uint8Array(readFileSync(join(FIXTURES, name))));

describe('parseCsv', () => {
  it('reads a Windows-1252 file with € and accented names once decoded, semicolons and a quoted newline', () => {
    const { text, encoding } = fixture('stedin-windows1252.csv');
    expect(encoding).toBe('windows-1252');
    const csv = parseCsv(text);
    expect(csv.delimiter).toBe(';');
    expect(csv.headers).toEqual(['Projectnr', 'Soort werk', 'Omschrijving', 'Begin', 'Gereed', 'X', 'Y', 'Kosten', 'Wijk']);
    expect(csv.rows[0][2]).toBe('Kabelvervanging Poëziestraat');
    expect(csv.rows[0][7]).toBe('€ 12.500,50');
    expect(csv.rows[1][2]).toBe('Gasleiding Hoogstraat\nfase 2 (café-zijde)');
    expect(csv.rows[2][2]).toBe('Onderstation Brûlékade');
  });

  it('numbers each row by the line it starts on, the header being line 1 and a quoted newline counting', () => {
    const csv = parseCsv(fixture('stedin-windows1252.csv').text);
    expect(csv.lines).toEqual([2, 3, 5, 6, 7, 8]);
  });

  it('drops a UTF-8 byte order mark and detects the comma', () => {
    const { text, encoding } = fixture('vitens-bom.csv');
    expect(encoding).toBe('utf-8');
    const csv = parseCsv(text);
    expect(csv.delimiter).toBe(',');
    expect(csv.headers[0]).toBe('id');
    expect(csv.rows[0][3]).toBe('Waterleiding Oudegracht, deel 1');
    expect(csv.rows[0][8]).toBe('12,5');
  });

  it('detects a tab and keeps counting lines past blank lines and lone carriage returns', () => {
    const csv = parseCsv('id\tcategorie\r\rW1\triool\n\nW2\tgas\n');
    expect(csv.delimiter).toBe('\t');
    expect(csv.rows).toEqual([['W1', 'riool'], ['W2', 'gas']]);
    expect(csv.lines).toEqual([3, 5]);
  });

  it('reports an unclosed quote at the line it starts on', () => {
    const csv = parseCsv('id;titel\nW1;ok\nW2;"open\nW3;x\n');
    expect(csv.errors.map((e) => e.line)).toEqual([3]);
  });

  it('prefers a semicolon when the header has as many commas as semicolons, and ignores delimiters inside quotes', () => {
    expect(detectDelimiter('a,b;c;d')).toBe(';');
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('id')).toBe(';');
  });
});
