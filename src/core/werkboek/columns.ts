/**
 * The tables and columns of the werkboek (see docs/werkboek.md) as typed data: one place that says
 * which headers are accepted, which are required and which the add-in writes.
 */

/** How a column's cells are read. */
export type ColumnType = 'text' | 'number' | 'date' | 'geometry' | 'boolean' | 'any';

/** One known column of a table. */
export interface ColumnDef {
  /** canonical name, as the add-in writes it */
  readonly name: string;
  /** other headers accepted for it (matched like headers: case, spaces, underscores, accents ignored) */
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  /** a table without this column cannot be read */
  readonly required: boolean;
  /** the add-in writes this column; everything else belongs to the planner */
  readonly writtenByAddIn: boolean;
}

/** The table names the add-in knows. */
export type TableName = 'Buurten' | 'Werken' | 'Koppelkansen' | 'Regels' | 'Meekoppelkansen' | 'Controle';

/** One known table. */
export interface TableDef {
  readonly name: TableName;
  /** other table or sheet names accepted for it */
  readonly aliases: readonly string[];
  readonly columns: readonly ColumnDef[];
  /** the add-in writes the whole table */
  readonly writtenByAddIn: boolean;
}

// small builders keep the tables below readable
function read(name: string, type: ColumnType, aliases: string[] = [], required = false): ColumnDef {
  return { name, aliases, type, required, writtenByAddIn: false };
}
function written(name: string, type: ColumnType, aliases: string[] = []): ColumnDef {
  return { name, aliases, type, required: false, writtenByAddIn: true };
}

/** The headers accepted for a geometry column; `geometrie_2`, `wkt_2`, ... continue a long one. */
export const GEOMETRY_ALIASES: readonly string[] = ['geometry', 'geom', 'wkt', 'the_geom'];

/** Status values of a meekoppelkans, in the order a planner moves through them. */
export const MEEKOPPELKANS_STATUSES = [
  'nieuw',
  'in overleg',
  'afgesproken',
  'verzilverd',
  'bewust niet gekoppeld',
  'vervallen',
] as const;
export type MeekoppelkansStatus = (typeof MEEKOPPELKANS_STATUSES)[number];

/** Categories seen in practice; any other text is allowed too. */
export const KNOWN_CATEGORIES: readonly string[] = [
  'warmtenet',
  'riolering',
  'groen',
  'elektriciteit',
  'gas',
  'drinkwater',
  'glasvezel',
  'herinrichting',
  'klimaatadaptatie',
  'renovatie',
];

/** The Meekoppelkansen columns the add-in refreshes on every run, in this order. */
export const MEEKOPPELKANS_ADDIN_COLUMNS = [
  'id',
  'werk_a',
  'werk_b',
  'categorie_a',
  'categorie_b',
  'overlap',
  'eenheid',
  'tussentijd_dagen',
  'buurten',
  'eigenaar_a',
  'eigenaar_b',
  'titel_a',
  'titel_b',
  'periode',
] as const;

/** The Meekoppelkansen columns that belong to the planner: never overwritten. */
export const MEEKOPPELKANS_PLANNER_COLUMNS = ['status', 'notitie', 'contactpersoon', 'besparing_eur'] as const;

/**
 * Written by the add-in after the planner columns: the status a row had before the add-in set it to
 * `vervallen`, so that the planner's status comes back when the pair qualifies again.
 */
export const VORIGE_STATUS_COLUMN = 'vorige_status';

const BUURTEN: TableDef = {
  name: 'Buurten',
  aliases: ['buurt'],
  writtenByAddIn: false,
  columns: [
    read('buurtcode', 'text', ['code', 'bu_code', 'buurt'], true),
    read('buurtnaam', 'text', ['naam', 'bu_naam']),
    read('wijkcode', 'text', ['wk_code']),
    read('wijknaam', 'text', ['wk_naam']),
    read('geometrie', 'geometry', [...GEOMETRY_ALIASES], true),
  ],
};

const WERKEN: TableDef = {
  name: 'Werken',
  aliases: ['werk', 'werkzaamheden'],
  writtenByAddIn: false,
  columns: [
    read('id', 'text', ['werk_id', 'nummer', 'kenmerk'], true),
    read('categorie', 'text', ['discipline', 'soort', 'type'], true),
    read('eigenaar', 'text', ['partij', 'organisatie', 'beheerder']),
    read('titel', 'text', ['omschrijving', 'naam', 'project']),
    read('start', 'date', ['begin', 'startdatum'], true),
    read('eind', 'date', ['einde', 'einddatum', 'gereed'], true),
    read('geometrie', 'geometry', [...GEOMETRY_ALIASES, 'locatie'], true),
    read('buffer_m', 'number', ['buffer', 'afstand']),
    read('status', 'any'),
    read('budget', 'any'),
    read('contact', 'any'),
    written('meekoppelkansen', 'text'),
  ],
};

const KOPPELKANSEN: TableDef = {
  name: 'Koppelkansen',
  aliases: ['koppelkans'],
  writtenByAddIn: false,
  columns: [
    read('id', 'text', [], true),
    read('buurtcode', 'text', ['buurt']),
    read('geometrie', 'geometry', [...GEOMETRY_ALIASES]),
    read('thema', 'text'),
    read('soort', 'text', ['type']),
    read('omschrijving', 'text'),
    read('eigenaar', 'text'),
    read('status', 'text'),
  ],
};

const REGELS: TableDef = {
  name: 'Regels',
  aliases: ['regel', 'instellingen'],
  writtenByAddIn: false,
  columns: [read('naam', 'text', ['instelling'], true), read('waarde', 'any', [], true)],
};

const MEEKOPPELKANSEN: TableDef = {
  name: 'Meekoppelkansen',
  aliases: ['meekoppelkans'],
  writtenByAddIn: true,
  columns: [
    ...MEEKOPPELKANS_ADDIN_COLUMNS.map((name) =>
      written(name, name === 'overlap' || name === 'tussentijd_dagen' ? 'number' : 'text'),
    ),
    read('status', 'text'),
    read('notitie', 'text'),
    read('contactpersoon', 'text'),
    read('besparing_eur', 'number'),
    written(VORIGE_STATUS_COLUMN, 'text'),
  ],
};

const CONTROLE: TableDef = {
  name: 'Controle',
  aliases: [],
  writtenByAddIn: true,
  columns: ['tabel', 'rij', 'kolom', 'waarde', 'melding'].map((name) =>
    written(name, name === 'rij' ? 'number' : 'text'),
  ),
};

/**
 * Every table of the werkboek by name.
 *
 * @example
 * TABLES.Werken.columns.find((c) => c.name === 'start')?.aliases; // ['begin', 'startdatum']
 */
export const TABLES: Readonly<Record<TableName, TableDef>> = Object.freeze({
  Buurten: BUURTEN,
  Werken: WERKEN,
  Koppelkansen: KOPPELKANSEN,
  Regels: REGELS,
  Meekoppelkansen: MEEKOPPELKANSEN,
  Controle: CONTROLE,
});

/** The Controle table's header row. */
/**
 * The roles of a RawWerkboek and the table each is read from, in reading order: every host
 * (Excel, .xlsx file) looks tables up through this one list.
 *
 * @example
 * for (const [role, table] of WERKBOEK_ROLES) console.log(role, TABLES[table].aliases);
 */
export const WERKBOEK_ROLES: ReadonlyArray<readonly ['buurten' | 'werken' | 'koppelkansen' | 'regels' | 'meekoppelkansen', TableName]> = [
  ['buurten', 'Buurten'],
  ['werken', 'Werken'],
  ['koppelkansen', 'Koppelkansen'],
  ['regels', 'Regels'],
  ['meekoppelkansen', 'Meekoppelkansen'],
];

export const CONTROLE_HEADERS: readonly string[] = CONTROLE.columns.map((c) => c.name);
