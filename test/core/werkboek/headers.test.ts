import { mapHeaders, matchTableName, normaliseHeader } from '../../../src/core/werkboek/headers';
import { TABLES, type TableName } from '../../../src/core/werkboek/columns';
import type { CellValue, RawTable } from '../../../src/core/types';

const raw = (name: string, headers: string[], rows: CellValue[][] = []): RawTable => ({
  name,
  sheet: name,
  headerRow: 4,
  firstColumn: 1,
  headers,
  rows,
  isTable: true,
});

describe('normaliseHeader', () => {
  it('ignores case, spaces, underscores, hyphens and accents', () => {
    expect(normaliseHeader(' Eind-Datum ')).toBe('einddatum');
    expect(normaliseHeader('eind_datum')).toBe('einddatum');
    expect(normaliseHeader('Catégorie')).toBe('categorie');
    expect(normaliseHeader('BUFFER_M')).toBe('bufferm');
    expect(normaliseHeader('Buffer (m)')).toBe('bufferm');
  });
});

describe('matchTableName', () => {
  it.each([
    ['Werken', 'Werken'],
    ['werken', 'Werken'],
    ['Werken ', 'Werken'],
    ['tblWerken', 'Werken'],
    ['Werkzaamheden', 'Werken'],
    ['buurten', 'Buurten'],
    ['Koppel_kansen', 'Koppelkansen'],
    ['Instellingen', 'Regels'],
    ['MEEKOPPELKANSEN', 'Meekoppelkansen'],
    ['Controle', 'Controle'],
  ])('matches %p to %p', (name, table) => {
    expect(matchTableName(name)).toBe(table);
  });
  it('matches nothing for other sheets', () => {
    expect(matchTableName('Blad1')).toBeUndefined();
    expect(matchTableName('')).toBeUndefined();
  });
});

describe('every column alias', () => {
  const cases: [TableName, string, string][] = [];
  for (const def of Object.values(TABLES)) {
    for (const column of def.columns) {
      for (const header of [column.name, ...column.aliases]) cases.push([def.name, header, column.name]);
    }
  }
  it.each(cases)('%s: header %p means %p', (table, header, name) => {
    for (const typed of [header, header.toUpperCase(), ` ${header.replace(/_/g, ' ')} `]) {
      const map = mapHeaders(raw(table, ['x_extra', typed]), TABLES[table]);
      expect(map.index.get(name)).toBe(1);
    }
  });
});

describe('mapHeaders', () => {
  const werkenHeaders = ['ID', 'Discipline', 'Partij', 'Omschrijving', 'Startdatum', 'Einddatum', 'WKT', 'Budget', 'Wethouder'];

  it('maps aliases and keeps unknown columns as extra', () => {
    const map = mapHeaders(raw('Werken', werkenHeaders), TABLES.Werken);
    expect(Object.fromEntries(map.index)).toEqual({
      id: 0, categorie: 1, eigenaar: 2, titel: 3, start: 4, eind: 5, geometrie: 6, budget: 7,
    });
    expect(map.extra).toEqual([8]);
    expect(map.usable).toBe(true);
    expect(map.problems).toEqual([]);
  });

  it('uses the first of two headers for the same column and reports the second', () => {
    const map = mapHeaders(raw('Werken', [...werkenHeaders, 'Soort']), TABLES.Werken);
    expect(map.index.get('categorie')).toBe(1);
    expect(map.extra).toEqual([8]);
    expect(map.problems).toEqual([
      {
        tabel: 'Werken', rij: 4, kolom: 'Soort', waarde: 'Soort', ernst: 'waarschuwing',
        melding: 'Deze kolom betekent hetzelfde als "Discipline" (categorie); alleen de eerste wordt gelezen. Geef deze kolom een andere naam of verwijder hem.',
      },
    ]);
  });

  it('reports a missing required column at the header row, naming its aliases', () => {
    const map = mapHeaders(raw('Werken', ['id', 'categorie', 'start', 'eind']), TABLES.Werken);
    expect(map.usable).toBe(false);
    expect(map.problems).toHaveLength(1);
    expect(map.problems[0]).toMatchObject({ tabel: 'Werken', rij: 4, kolom: 'geometrie', ernst: 'fout' });
    expect(map.problems[0].melding).toContain('"geometry", "geom", "wkt", "the_geom", "locatie"');
  });

  it('reports an empty header only when its column holds values', () => {
    const quiet = mapHeaders(raw('Buurten', ['code', '', 'wkt'], [['1', null, 'x']]), TABLES.Buurten);
    expect(quiet.problems).toEqual([]);
    const loud = mapHeaders(raw('Buurten', ['code', '', 'wkt'], [['1', 'iets', 'x']]), TABLES.Buurten);
    expect(loud.problems).toHaveLength(1);
    expect(loud.problems[0]).toMatchObject({ rij: 4, kolom: '', ernst: 'waarschuwing' });
    expect(loud.problems[0].melding).toMatch(/geen kop/);
  });

  it('finds geometry continuation columns under any geometry alias', () => {
    const map = mapHeaders(raw('Werken', [...werkenHeaders, 'WKT_3', 'geometrie_2', 'Geometry 4']), TABLES.Werken);
    expect(map.geometryParts).toEqual([10, 9, 11]);
    expect(map.extra).toEqual([8]);
    expect(map.problems).toEqual([]);
  });

  it('reports a gap in the continuation columns', () => {
    const map = mapHeaders(raw('Werken', [...werkenHeaders, 'geometrie_3']), TABLES.Werken);
    expect(map.geometryParts).toEqual([undefined, 9]);
    expect(map.problems).toHaveLength(1);
    expect(map.problems[0]).toMatchObject({ kolom: 'geometrie_2', ernst: 'waarschuwing' });
  });

  it('reports a continuation column given twice', () => {
    const map = mapHeaders(raw('Werken', [...werkenHeaders, 'geometrie_2', 'wkt_2']), TABLES.Werken);
    expect(map.geometryParts).toEqual([9]);
    expect(map.problems[0]).toMatchObject({ kolom: 'wkt_2', ernst: 'waarschuwing' });
  });

  it('takes the canonical name over an alias of another column', () => {
    // in Werken, `naam` is an alias of titel; in Buurten of buurtnaam
    expect(mapHeaders(raw('Werken', ['naam']), TABLES.Werken).index.get('titel')).toBe(0);
    expect(mapHeaders(raw('Buurten', ['naam']), TABLES.Buurten).index.get('buurtnaam')).toBe(0);
  });
});
