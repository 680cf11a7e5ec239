/**
 * References follow moved cells the way Excel moves them: only A1 references into the moved band
 * of this sheet change; text, other sheets, structured references and function names stay.
 */
import { columnShift, moveRange, moveReferences, rowMove, shiftRelative } from '../../src/file/formula-rows';

/** cells of columns A..C below row 10 went down 5 rows; row 4 moved up to row 3 */
const move = rowMove('Meekoppelkansen', 1, 3, (r) => (r > 10 ? r + 5 : r === 4 ? 3 : r));

describe('moveReferences', () => {
  it('moves plain, absolute and range references into the band', () => {
    expect(moveReferences('A12*2+$B$11+SUM(C4:C12)', move)).toBe('A17*2+$B$16+SUM(C3:C17)');
  });

  it('moves references qualified with this sheet, quoted or not, and leaves other sheets alone', () => {
    expect(moveReferences("Meekoppelkansen!A12+'Meekoppelkansen'!B4+Werken!A12+'Mijn blad'!A12", move))
      .toBe("Meekoppelkansen!A17+'Meekoppelkansen'!B3+Werken!A12+'Mijn blad'!A12");
  });

  it('leaves columns outside the band, text literals, structured references and function names alone', () => {
    expect(moveReferences('D12+"A12"&LOG10(A4)+Tabel[[#This Row],[A12]]+A1', move)).toBe('D12+"A12"&LOG10(A3)+Tabel[[#This Row],[A12]]+A1');
  });

  it('leaves a range reaching outside the band as it is', () => {
    expect(moveReferences('SUM(A12:D12)', move)).toBe('SUM(A12:D12)');
  });
});

describe('moveReferences with a column shift', () => {
  it('moves the cells right of a table, on its rows, to the right; keeps the letters upper case', () => {
    const shift = columnShift('Blad1', 1, 10, 19, 1);
    expect(moveReferences('T5+$U$5+S5+T11+SUM(T1:U10)+SUM(S1:T1)+t3', shift)).toBe('U5+$V$5+S5+T11+SUM(U1:V10)+SUM(S1:T1)+U3');
  });
});

describe('moveRange', () => {
  it('moves each range of a space-separated list', () => {
    expect(moveRange('A12:C13 A4 E12', move)).toBe('A17:C18 A3 E12');
  });
});

describe('shiftRelative', () => {
  it('shifts relative rows and columns, on any sheet, and keeps absolute parts and text', () => {
    expect(shiftRelative('F2*1000+$A$1+A$1+$A1+Werken!B2+"B2"', 3, 1)).toBe('G5*1000+$A$1+B$1+$A4+Werken!C5+"B2"');
  });
});
