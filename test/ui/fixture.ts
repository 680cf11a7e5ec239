// a small hand-made KaartModel: two wijken, three buurten, four works, three pairs
import type { WgsGeometry } from '../../src/core/types';
import { vormenVan } from '../../src/map/vormen';
import type { KaartModel, KaartPaar, KaartWerk } from '../../src/ui/model';
import { firstDayOfYear } from '../../src/ui/format';

const sq = (x: number): KaartModel['buurten'][number]['geometry'] => ({
  crs: 'wgs84', kind: 'poly', polygons: [[[[x, 52], [x + 0.01, 52], [x + 0.01, 52.01], [x, 52.01], [x, 52]]]],
});
const line = (x: number): WgsGeometry => ({ crs: 'wgs84', kind: 'line', lines: [[[x, 52.005], [x + 0.005, 52.005]]] });

function werk(id: string, categorie: string, eigenaar: string, van: number, tot: number, buurten: string[]): KaartWerk {
  return {
    id, categorie, eigenaar, titel: `titel ${id}`, start: firstDayOfYear(van), eind: firstDayOfYear(tot + 1) - 1,
    vorm: 'line', rij: 2, buurten, extra: {},
  };
}

function paar(a: KaartWerk, b: KaartWerk, overlap: number, buurten: string[], status = 'nieuw'): KaartPaar {
  return {
    id: `MK-${a.id}-${b.id}`, werkA: a.id, werkB: b.id, categorieA: a.categorie, categorieB: b.categorie,
    overlap, eenheid: 'm', tussentijdDagen: 0, buurten, vorm: 'line',
    start: Math.min(a.start, b.start), eind: Math.max(a.eind, b.eind), status, notitie: '',
  };
}

export function smallModel(): KaartModel {
  const w1 = werk('W1', 'warmtenet', 'Eneco', 2026, 2027, ['0511']);
  const w2 = werk('W2', 'riolering', 'gemeente', 2027, 2027, ['0511']);
  const w3 = werk('W3', 'drinkwater', 'Vitens', 2030, 2031, ['0511', '0512']);
  const w4 = werk('W4', 'riolering', 'gemeente', 2029, 2030, ['0111']);
  const paren = [paar(w1, w2, 120, ['0511']), paar(w2, w3, 40.5, ['0511', '0512'], 'in overleg'), paar(w3, w4, 31, ['0111'])];
  return {
    buurten: [
      { code: '0511', naam: 'Zambesidreef', wijkcode: '05', wijknaam: 'Overvecht', geometry: sq(5), labelAt: [5.005, 52.005], values: { inwoners: 100 } },
      { code: '0512', naam: 'Taagdreef', wijkcode: '05', wijknaam: 'Overvecht', geometry: sq(5.01), labelAt: [5.015, 52.005], values: { inwoners: 200 } },
      { code: '0111', naam: 'Welgelegen', wijkcode: '01', wijknaam: 'West', geometry: sq(4.9), labelAt: [4.905, 52.005], values: { inwoners: 300 } },
    ],
    werken: [w1, w2, w3, w4],
    koppelkansen: [
      { id: 'K1', buurtcode: '0511', thema: 'Gezondheid', soort: 'mensgericht', omschrijving: '', eigenaar: '', status: 'lopend', at: [5.005, 52.005] },
      { id: 'K2', buurtcode: '0111', thema: 'Participatie', soort: 'gebiedsgericht', omschrijving: '', eigenaar: '', status: '', at: [4.905, 52.005] },
    ],
    paren,
    werkVormen: vormenVan([line(5), line(5), line(5), line(5)]),
    paarVormen: vormenVan(paren.map(() => line(5))),
    problems: [],
    numericColumns: ['inwoners'],
  };
}
