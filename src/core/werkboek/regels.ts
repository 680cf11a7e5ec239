/**
 * The Regels table: naam/waarde pairs merged once over DEFAULT_REGELS. A bad or unknown row is
 * reported and its default kept, so the analysis always runs with complete settings.
 */
import { type CellValue, DEFAULT_REGELS, type RawTable, type Regels, type RowProblem } from '../types';
import { type Parsed, bad, cellToBoolean, cellToNumber, isEmptyCell } from './cells';
import { TABLES } from './columns';
import { normaliseHeader } from './headers';
import { readRows } from './rows';

interface Setting {
  naam: string;
  key: keyof Regels;
  parse: (value: CellValue) => Parsed<number | boolean>;
}

function nonNegative(value: CellValue): Parsed<number> {
  const n = cellToNumber(value);
  if (!n.ok || n.value >= 0) return n;
  return bad('De waarde mag niet negatief zijn. Vul 0 of meer in.');
}

function wholeMonths(value: CellValue): Parsed<number> {
  const n = nonNegative(value);
  if (!n.ok || Number.isInteger(n.value)) return n;
  return bad('Het aantal maanden moet een heel getal zijn. Vul een heel aantal maanden in, bijvoorbeeld 24.');
}

/** The settings of regels.md, by their Regels `naam`. */
export const SETTINGS: readonly Setting[] = [
  { naam: 'afstand_m', key: 'afstandM', parse: nonNegative },
  { naam: 'min_overlap_m', key: 'minOverlapM', parse: nonNegative },
  { naam: 'min_overlap_m2', key: 'minOverlapM2', parse: nonNegative },
  { naam: 'max_tussentijd_maanden', key: 'maxTussentijdMaanden', parse: wholeMonths },
  { naam: 'zelfde_categorie', key: 'zelfdeCategorie', parse: (v) => cellToBoolean(v) },
];

function twice(naam: string, first: number): string {
  return `De regel ${naam} staat al in rij ${first}; alleen die geldt, deze rij wordt overgeslagen. Verwijder een van de twee.`;
}

function defaultText(key: keyof Regels): string {
  const value = DEFAULT_REGELS[key];
  return typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value);
}

/**
 * Reads the Regels table over DEFAULT_REGELS: each known `naam` replaces its default; an unknown
 * naam, a bad waarde or a repeated naam is reported and leaves the default (or first value) in place.
 * A missing table gives the defaults without problems.
 *
 * @example
 * readRegels(table).regels; // { afstandM: 15, minOverlapM: 30, ... }
 */
export function readRegels(table: RawTable | undefined): { regels: Regels; problems: RowProblem[] } {
  const regels: Regels = { ...DEFAULT_REGELS };
  if (table === undefined) return { regels, problems: [] };
  const known = new Map(SETTINGS.map((s) => [normaliseHeader(s.naam), s]));
  const names = SETTINGS.map((s) => s.naam).join(', ');
  // readRows catches a naam typed twice alike; `firstRij` also catches `Afstand m` after `afstand_m`
  const firstRij = new Map<string, number>();
  const { items, problems } = readRows(table, TABLES.Regels, 'naam', (r) => {
    const setting = known.get(normaliseHeader(r.key));
    if (setting === undefined) {
      if (!r.failed) r.report('naam', `Onbekende regel; de rij wordt overgeslagen. Gebruik een van: ${names}.`);
      return undefined;
    }
    const first = firstRij.get(setting.naam);
    if (first !== undefined) {
      // the same naam typed alike was already reported by readRows
      if (!r.failed) r.report('naam', twice(setting.naam, first));
      return undefined;
    }
    firstRij.set(setting.naam, r.rij);
    const waarde = r.cell('waarde') ?? null;
    const parsed = isEmptyCell(waarde) ? bad<number | boolean>(`De waarde is leeg. Vul een waarde in, of verwijder de rij ${setting.naam}.`) : setting.parse(waarde);
    if (!parsed.ok) {
      r.report('waarde', `${parsed.melding} De rij wordt overgeslagen; de standaardwaarde ${defaultText(setting.key)} geldt.`);
      return undefined;
    }
    return { setting, value: parsed.value };
  }, (naam, first) => twice(naam, first));
  for (const { setting, value } of items) Object.assign(regels, { [setting.key]: value });
  return { regels, problems };
}
