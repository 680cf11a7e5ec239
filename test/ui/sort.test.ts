import { sortParen } from '../../src/ui/sort';
import { smallModel } from './fixture';

const { paren } = smallModel();

describe('sortParen', () => {
  it('puts the longest shared stretch first', () => {
    expect(sortParen(paren, 'overlap').map((p) => p.overlap)).toEqual([120, 40.5, 31]);
  });

  it('puts the earliest joint start first', () => {
    expect(sortParen(paren, 'start').map((p) => p.id)).toEqual(['MK-W1-W2', 'MK-W2-W3', 'MK-W3-W4']);
  });

  it('sorts by the first buurtcode, ties by id', () => {
    expect(sortParen(paren, 'buurt').map((p) => p.id)).toEqual(['MK-W3-W4', 'MK-W1-W2', 'MK-W2-W3']);
  });

  it('puts point pairs, which have no measure, after every stretch', () => {
    const punt = { ...paren[0], id: 'MK-P1-P2', eenheid: 'punt' as const, overlap: 0 };
    expect(sortParen([punt, ...paren], 'overlap').at(-1)?.id).toBe('MK-P1-P2');
  });

  it('leaves the input untouched', () => {
    const before = paren.map((p) => p.id);
    sortParen(paren, 'overlap');
    expect(paren.map((p) => p.id)).toEqual(before);
  });
});
