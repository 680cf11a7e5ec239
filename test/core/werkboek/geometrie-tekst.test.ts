import fc from 'fast-check';
import { MAX_CELL_CHARS, geometryColumnHeaders, splitGeometryText } from '../../../src/core/werkboek';

describe('splitGeometryText', () => {
  it('keeps a text that fits in one cell whole', () => {
    expect(splitGeometryText('POINT(136603.38 455665.99)')).toEqual(['POINT(136603.38 455665.99)']);
    expect(splitGeometryText('x'.repeat(MAX_CELL_CHARS))).toHaveLength(1);
    expect(splitGeometryText('x'.repeat(MAX_CELL_CHARS + 1)).map((p) => p.length)).toEqual([MAX_CELL_CHARS, 1]);
  });

  it('cuts inside a number but never next to a space', () => {
    expect(splitGeometryText('POINT(136603.38 455665.99)', 12)).toEqual(['POINT(136603', '.38 455665.9', '9)']);
    expect(splitGeometryText('LINESTRING(1 2, 3 4)', 8)).toEqual(['LINESTRI', 'NG(1 2', ', 3 4)']);
  });

  it('gives parts within the limit that join to the text, none starting or ending with a space, for any WKT-like text', () => {
    const wktLike = fc.stringMatching(/^[A-Z]{5}\((\d{1,6}\.\d{1,3} \d{1,6}(, )?){1,60}\)$/);
    fc.assert(fc.property(wktLike, fc.integer({ min: 3, max: 40 }), (text, limit) => {
      const parts = splitGeometryText(text, limit);
      return parts.join('') === text && parts.every((p) => p.length <= limit && p.length > 0 && p.trim() === p);
    }));
  });

  it('refuses a limit too small to make progress, saying what to pass', () => {
    expect(() => splitGeometryText('POINT(1 2)', 2)).toThrow(/at least 3/);
  });

  it('names the geometry columns for the parts', () => {
    expect(geometryColumnHeaders(3)).toEqual(['geometrie', 'geometrie_2', 'geometrie_3']);
    expect(geometryColumnHeaders(1, 'wkt')).toEqual(['wkt']);
  });
});
