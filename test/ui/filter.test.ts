import { GEEN_FILTER, applyFilter, filterKeuzes } from '../../src/ui/filter';
import { smallModel } from './fixture';

const model = smallModel();
const sorted = (s: Set<string>) => [...s].sort();

describe('applyFilter', () => {
  it('keeps everything without a filter', () => {
    const z = applyFilter(model, GEEN_FILTER);
    expect(z.werken.size).toBe(4);
    expect(z.paren.size).toBe(3);
    expect(z.buurten.size).toBe(3);
    expect(z.koppelkansen.size).toBe(2);
  });

  it('drops the works of a categorie that is not chosen, and every pair that has one', () => {
    const z = applyFilter(model, { ...GEEN_FILTER, categorieen: new Set(['riolering', 'drinkwater']) });
    expect(sorted(z.werken)).toEqual(['W2', 'W3', 'W4']);
    expect(sorted(z.paren)).toEqual(['MK-W2-W3', 'MK-W3-W4']);
  });

  it('filters on eigenaar', () => {
    const z = applyFilter(model, { ...GEEN_FILTER, eigenaren: new Set(['gemeente']) });
    expect(sorted(z.werken)).toEqual(['W2', 'W4']);
    expect(z.paren.size).toBe(0);
  });

  it('keeps the works whose period touches the chosen years', () => {
    const z = applyFilter(model, { ...GEEN_FILTER, vanJaar: 2028, totJaar: 2029 });
    expect(sorted(z.werken)).toEqual(['W4']);
    const z2 = applyFilter(model, { ...GEEN_FILTER, vanJaar: 2027, totJaar: 2027 });
    expect(sorted(z2.werken)).toEqual(['W1', 'W2']);
    expect(sorted(z2.paren)).toEqual(['MK-W1-W2']);
  });

  it('keeps a wijk: its buurten, the works in them, the pairs whose shared part lies there', () => {
    const z = applyFilter(model, { ...GEEN_FILTER, wijk: '05' });
    expect(sorted(z.buurten)).toEqual(['0511', '0512']);
    expect(sorted(z.werken)).toEqual(['W1', 'W2', 'W3']);
    expect(sorted(z.paren)).toEqual(['MK-W1-W2', 'MK-W2-W3']);
    expect(sorted(z.koppelkansen)).toEqual(['K1']);
  });

  it('keeps a pair in the chosen buurt even when one of its works lies mostly elsewhere', () => {
    const z = applyFilter(model, { ...GEEN_FILTER, buurt: '0111' });
    expect(sorted(z.werken)).toEqual(['W4']);
    expect(sorted(z.paren)).toEqual(['MK-W3-W4']);
  });
});

describe('filterKeuzes', () => {
  it('offers the categories, owners, years and areas found in the data', () => {
    const k = filterKeuzes(model);
    expect(k.categorieen).toEqual(['drinkwater', 'riolering', 'warmtenet']);
    expect(k.eigenaren).toEqual(['Eneco', 'gemeente', 'Vitens']);
    expect([k.minJaar, k.maxJaar]).toEqual([2026, 2031]);
    expect(k.wijken).toEqual([{ code: '01', naam: 'West' }, { code: '05', naam: 'Overvecht' }]);
    expect(k.buurten.map((b) => b.naam)).toEqual(['Taagdreef', 'Welgelegen', 'Zambesidreef']);
  });
});
