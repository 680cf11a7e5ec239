import { cellToBoolean, cellToNumber, cellToText, errorMelding, isEmptyCell, numberToText } from '../../../src/core/werkboek/cells';
import { cellDisplay, cut, problem } from '../../../src/core/werkboek/problems';
import type { CellValue } from '../../../src/core/types';

const value = <T>(r: { ok: true; value: T } | { ok: false; melding: string }): T => {
  if (!r.ok) throw new Error(`expected a value, got: ${r.melding}`);
  return r.value;
};
const melding = (r: { ok: boolean; melding?: string }): string => {
  if (r.ok) throw new Error('expected bad input');
  return r.melding as string;
};

describe('cellToText', () => {
  it('trims text and keeps leading zeros', () => {
    expect(value(cellToText('  0111 '))).toBe('0111');
    expect(value(cellToText('BU03440111'))).toBe('BU03440111');
  });
  it('writes numbers as Excel shows them, without .0 or float noise', () => {
    expect(value(cellToText(12))).toBe('12');
    expect(value(cellToText(12.5))).toBe('12.5');
    expect(value(cellToText(0.1 + 0.2))).toBe('0.3');
    expect(numberToText(111)).toBe('111');
  });
  it('reads empty and boolean cells', () => {
    expect(value(cellToText(null))).toBe('');
    expect(value(cellToText(true))).toBe('WAAR');
  });
  it('reports an error cell, naming the error', () => {
    expect(melding(cellToText({ error: '#REF!' }))).toBe(
      'De cel bevat de Excel-fout #REF!: een formule verwijst naar een cel die niet meer bestaat. Herstel de formule of typ de waarde in.',
    );
  });
});

describe('errorMelding', () => {
  it.each(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!'])(
    'explains %s in Dutch',
    (error) => {
      const text = errorMelding(error);
      expect(text).toContain(`Excel-fout ${error}:`);
      expect(text).not.toContain('een formule geeft een fout');
    },
  );
  it('still names an unknown error', () => {
    expect(errorMelding('#WEIRD')).toBe('De cel bevat de Excel-fout #WEIRD: een formule geeft een fout. Herstel de formule of typ de waarde in.');
  });
});

describe('isEmptyCell', () => {
  it('sees null and blank text as empty, but not zero or false', () => {
    expect([null, undefined, '', '   '].map((v) => isEmptyCell(v as CellValue))).toEqual([true, true, true, true]);
    expect([0, false, 'x', { error: '#N/A' }].map((v) => isEmptyCell(v as CellValue))).toEqual([false, false, false, false]);
  });
});

describe('cellToNumber', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1 234,5', 1234.5],
    ['€ 1.500', 1500],
    ['0.125', 0.125],
    ['1,500', 1.5],
    ['€1.500,00', 1500],
    ['-3,25', -3.25],
    [',5', 0.5],
    [' 7 ', 7],
  ] as [CellValue, number][])('reads %p as %p', (cell, expected) => {
    expect(value(cellToNumber(cell))).toBe(expected);
  });
  it('reads an ambiguous text the Dutch way: 1.234 is 1234 and 1,234 is 1.234', () => {
    expect(value(cellToNumber('1.234'))).toBe(1234);
    expect(value(cellToNumber('1,234'))).toBe(1.234);
  });
  it.each(['twaalf', '12,34,5', '12.34,5', '1..2', '12 5', '1e3', '--1'])('reports %p as no number', (text) => {
    expect(melding(cellToNumber(text))).toBe(`"${text}" is geen getal. Schrijf een getal, bijvoorbeeld 12,5 of 1.234,5.`);
  });
  it('reports empty, boolean and error cells', () => {
    expect(melding(cellToNumber(null))).toMatch(/leeg/);
    expect(melding(cellToNumber(true))).toMatch(/geen WAAR/);
    expect(melding(cellToNumber({ error: '#DIV/0!' }))).toMatch(/#DIV\/0!: een formule deelt door nul/);
    expect(melding(cellToNumber(Infinity))).toMatch(/oneindig/);
  });
});

describe('cellToBoolean', () => {
  it.each([
    ['ja', true],
    ['Ja', true],
    ['nee', false],
    ['NEE', false],
    ['true', true],
    ['false', false],
    ['waar', true],
    ['onwaar', false],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
  ] as [CellValue, boolean][])('reads %p as %p', (cell, expected) => {
    expect(value(cellToBoolean(cell))).toBe(expected);
  });
  it('reports anything else', () => {
    expect(melding(cellToBoolean('misschien'))).toBe('"misschien" is geen ja of nee. Vul ja of nee in.');
    expect(melding(cellToBoolean(2))).toMatch(/"2" is geen ja of nee/);
    expect(melding(cellToBoolean({ error: '#N/A' }))).toMatch(/#N\/A/);
  });
});

describe('problems', () => {
  it('shows cells as a planner reads them', () => {
    expect(cellDisplay({ error: '#N/A' })).toBe('#N/A');
    expect(cellDisplay(false)).toBe('ONWAAR');
    expect(cellDisplay(null)).toBe('');
  });
  it('cuts a waarde to 100 characters', () => {
    const p = problem({ tabel: 'Werken', rij: 3, kolom: 'geometrie' }, 'LINESTRING('.padEnd(5000, '1 '), 'kapot');
    expect(p.waarde).toHaveLength(100);
    expect(p.waarde.endsWith('…')).toBe(true);
    expect(cut('kort')).toBe('kort');
    expect(p).toMatchObject({ tabel: 'Werken', rij: 3, kolom: 'geometrie', melding: 'kapot', ernst: 'fout' });
  });
});
