import { GEEN_WAARDE_KLEUR, CHOROPLETH_KLEUREN, kleurVoor, numberOf, numericColumns, quantileKlassen } from '../../src/ui/classes';

describe('quantileKlassen', () => {
  it('splits ten values into five classes of two', () => {
    const k = quantileKlassen([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(k.map((x) => [x.van, x.tot])).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]);
    expect(k.map((x) => x.kleur)).toEqual(CHOROPLETH_KLEUREN);
  });

  it('keeps equal values in one class and makes no more classes than distinct values', () => {
    const k = quantileKlassen([5, 5, 5, 5, 7]);
    expect(k.map((x) => [x.van, x.tot])).toEqual([[5, 5], [7, 7]]);
    // two classes take the two ends of the palette
    expect(k.map((x) => x.kleur)).toEqual([CHOROPLETH_KLEUREN[0], CHOROPLETH_KLEUREN[4]]);
  });

  it('gives no classes for no values', () => {
    expect(quantileKlassen([])).toEqual([]);
  });

  it('colours a value by the first class whose upper bound it does not pass', () => {
    const k = quantileKlassen([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(kleurVoor(3, k)).toBe(CHOROPLETH_KLEUREN[1]);
    expect(kleurVoor(2.5, k)).toBe(CHOROPLETH_KLEUREN[1]);
    expect(kleurVoor(99, k)).toBe(CHOROPLETH_KLEUREN[4]);
    expect(kleurVoor(null, k)).toBe(GEEN_WAARDE_KLEUR);
  });
});

describe('numberOf and numericColumns', () => {
  it('reads numbers and numeric text with a decimal comma, not words or errors', () => {
    expect(numberOf(12)).toBe(12);
    expect(numberOf(' 12,5 ')).toBe(12.5);
    expect(numberOf('hoog')).toBeNull();
    expect(numberOf({ error: '#N/A' })).toBeNull();
    expect(numberOf(null)).toBeNull();
  });

  it('offers only the columns with a number, without code columns', () => {
    const cols = numericColumns([
      { inwoners: 1200, warmtestrategie: 'wijkwarmte', postcode: 3561 },
      { inwoners: null, energiearmoede_pct: '7,1', warmtestrategie: 'all-electric' },
    ]);
    // postcode ends in 'code': an identifier, not a measure
    expect(cols).toEqual(['energiearmoede_pct', 'inwoners']);
  });
});
