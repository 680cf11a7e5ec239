/**
 * One reader per planner table: a row of Werken, Buurten or Koppelkansen to its domain value.
 */
import type { Buurt, Koppelkans, RawTable, Werk } from '../types';
import { TABLES } from './columns';
import { meldingen } from './problems';
import { type RowReader, type TableRead, readRows } from './rows';

/**
 * A categorie as the engine compares it: trimmed, lower case, single spaces.
 *
 * @example
 * normaliseCategorie('  Warmte  Net '); // 'warmte net'
 */
export function normaliseCategorie(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

// the optional Werken columns shown in popups, kept with the unknown ones
const WERK_EXTRA = ['status', 'budget', 'contact'];

function readWerk(r: RowReader): Werk | undefined {
  const id = r.key;
  const categorie = normaliseCategorie(r.text('categorie', true));
  const eigenaar = r.text('eigenaar');
  const titel = r.text('titel');
  const start = r.day('start', 'start');
  const eind = r.day('eind', 'eind');
  if (start !== undefined && eind !== undefined && eind < start) {
    r.report('eind', 'De einddatum ligt vóór de startdatum. Pas start of eind aan; de rij wordt overgeslagen.');
  }
  const geometry = r.geometry(true);
  const bufferM = r.number('buffer_m', 0);
  if (r.failed || start === undefined || eind === undefined || geometry === undefined) return undefined;
  const werk: Werk = { id, categorie, eigenaar, titel, start, eind, geometry, rij: r.rij, extra: r.extra(WERK_EXTRA) };
  if (bufferM !== undefined) werk.bufferM = bufferM;
  return werk;
}

/**
 * Reads the Werken table: one Werk per good row, a RowProblem for every bad cell.
 *
 * @example
 * readWerken(table).items[0]; // { id: 'W1', categorie: 'warmtenet', start: 20878, ... }
 */
export function readWerken(table: RawTable): TableRead<Werk> {
  return readRows(table, TABLES.Werken, 'id', readWerk);
}

function readBuurt(r: RowReader): Buurt | undefined {
  const code = r.key;
  const naam = r.text('buurtnaam');
  const wijkcode = r.text('wijkcode');
  const wijknaam = r.text('wijknaam');
  const geometry = r.geometry(true);
  if (geometry !== undefined && geometry.kind !== 'poly') {
    r.report('geometrie', 'Een buurt moet een vlak zijn (POLYGON of MULTIPOLYGON), geen punt of lijn. Vul de buurtgrens in.');
  }
  if (r.failed || geometry === undefined) return undefined;
  const buurt: Buurt = { code, naam, geometry, values: r.extra(), rij: r.rij };
  if (wijkcode !== '') buurt.wijkcode = wijkcode;
  if (wijknaam !== '') buurt.wijknaam = wijknaam;
  return buurt;
}

/**
 * Reads the Buurten table; codes stay text (`0111` keeps its zero), other columns go to `values`.
 *
 * @example
 * readBuurten(table).items[0]; // { code: 'BU03440111', naam: 'Lombok', geometry: {...}, values: { inwoners: 5120 }, rij: 2 }
 */
export function readBuurten(table: RawTable): TableRead<Buurt> {
  return readRows(table, TABLES.Buurten, 'buurtcode', readBuurt, (code, first) => meldingen.duplicateKey('buurtcode', code, first));
}

function readKoppelkans(r: RowReader): Koppelkans | undefined {
  const id = r.key;
  const buurtcode = r.text('buurtcode');
  const geometry = r.geometry(false);
  const fields = ['thema', 'soort', 'omschrijving', 'eigenaar', 'status'].map((c) => r.text(c));
  if (buurtcode === '' && geometry === undefined && !r.failed) {
    r.report(r.has('buurtcode') ? 'buurtcode' : 'id', 'Een koppelkans heeft een buurtcode of een eigen geometrie nodig. Vul een van beide in.');
  }
  if (r.failed) return undefined;
  const [thema, soort, omschrijving, eigenaar, status] = fields;
  const kans: Koppelkans = { id, thema, soort, omschrijving, eigenaar, status, rij: r.rij };
  if (buurtcode !== '') kans.buurtcode = buurtcode;
  if (geometry !== undefined) kans.geometry = geometry;
  return kans;
}

/**
 * Reads the Koppelkansen table; each kans needs a buurtcode or a geometry of its own.
 *
 * @example
 * readKoppelkansen(table).items[0]; // { id: 'K1', buurtcode: 'BU03440111', thema: 'Gezondheid', ... }
 */
export function readKoppelkansen(table: RawTable): TableRead<Koppelkans> {
  return readRows(table, TABLES.Koppelkansen, 'id', readKoppelkans);
}
