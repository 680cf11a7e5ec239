import {
  CONTROLE_HEADERS,
  MEEKOPPELKANS_ADDIN_COLUMNS,
  MEEKOPPELKANS_PLANNER_COLUMNS,
  MEEKOPPELKANS_STATUSES,
  TABLES,
} from '../../../src/core/werkboek/columns';
import { normaliseHeader } from '../../../src/core/werkboek/headers';

describe('the werkboek tables', () => {
  it('give no header two meanings within one table', () => {
    for (const def of Object.values(TABLES)) {
      const seen = new Map<string, string>();
      for (const column of def.columns) {
        for (const header of [column.name, ...column.aliases]) {
          const key = normaliseHeader(header);
          const other = seen.get(key);
          // a canonical name may repeat as an alias of itself only
          expect(other === undefined || other === column.name).toBe(true);
          seen.set(key, column.name);
        }
      }
    }
  });

  it('require what the analysis cannot do without', () => {
    const required = (name: keyof typeof TABLES) => TABLES[name].columns.filter((c) => c.required).map((c) => c.name);
    expect(required('Werken')).toEqual(['id', 'categorie', 'start', 'eind', 'geometrie']);
    expect(required('Buurten')).toEqual(['buurtcode', 'geometrie']);
    expect(required('Koppelkansen')).toEqual(['id']);
    expect(required('Regels')).toEqual(['naam', 'waarde']);
  });

  it('let the add-in write only its own columns of the planner tables', () => {
    const written = TABLES.Werken.columns.filter((c) => c.writtenByAddIn).map((c) => c.name);
    expect(written).toEqual(['meekoppelkansen']);
    const planner = TABLES.Meekoppelkansen.columns.filter((c) => !c.writtenByAddIn).map((c) => c.name);
    expect(planner).toEqual([...MEEKOPPELKANS_PLANNER_COLUMNS]);
  });

  it('list the Meekoppelkansen and Controle columns of werkboek.md in order', () => {
    expect(MEEKOPPELKANS_ADDIN_COLUMNS.slice(0, 9)).toEqual([
      'id', 'werk_a', 'werk_b', 'categorie_a', 'categorie_b', 'overlap', 'eenheid', 'tussentijd_dagen', 'buurten',
    ]);
    expect(MEEKOPPELKANS_STATUSES).toEqual(['nieuw', 'in overleg', 'afgesproken', 'verzilverd', 'bewust niet gekoppeld', 'vervallen']);
    expect(CONTROLE_HEADERS).toEqual(['tabel', 'rij', 'kolom', 'waarde', 'melding']);
  });
});
