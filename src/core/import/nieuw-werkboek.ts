/**
 * "Nieuw werkboek": the empty planner tables with their headers, number formats, column widths
 * and pick lists, as plain data. The .xlsx writer (src/file) and the Excel adapter both build
 * their tables from this one spec, so a new workbook looks the same in every host.
 */
import { DEFAULT_REGELS, type CellValue, type Regels } from '../types';
import { KNOWN_CATEGORIES } from '../werkboek/columns';
import type { ColumnFormat } from '../werkboek/meekoppelkansen';
import { SETTINGS } from '../werkboek/regels';

/** A pick list on a column: `strikt` refuses other values, otherwise Excel only warns. */
export interface Keuzelijst {
  waarden: readonly string[];
  strikt: boolean;
}

/** One column of a new table. */
export interface KolomSpec {
  naam: string;
  formaat: ColumnFormat;
  /** column width in characters */
  breedte: number;
  lijst?: Keuzelijst;
}

/** One table of a new workbook, on a sheet of the same name. */
export interface TabelSpec {
  naam: 'Buurten' | 'Werken' | 'Koppelkansen' | 'Regels';
  kolommen: readonly KolomSpec[];
  /** rows the table starts with (Regels: the defaults); empty tables get one empty row, as Excel needs */
  rijen: readonly CellValue[][];
}

/** Status values of a work, as partners usually report them. */
export const WERK_STATUSSEN: readonly string[] = ['idee', 'verkenning', 'ontwerp', 'voorbereiding', 'uitvoering', 'gereed'];
/** The themes of the wijkaanpak's koppelkansen (werkboek.md). */
export const KOPPELKANS_THEMAS: readonly string[] = ['Gezondheid', 'Armoede & schulden', 'Participatie', 'Fysieke wijkverbetering', 'Openbare ruimte als verbinder'];
/** gebiedsgericht or mensgericht */
export const KOPPELKANS_SOORTEN: readonly string[] = ['gebiedsgericht', 'mensgericht'];

const k = (naam: string, formaat: ColumnFormat, breedte: number, lijst?: Keuzelijst): KolomSpec => (lijst ? { naam, formaat, breedte, lijst } : { naam, formaat, breedte });

/** what each setting means, beside its value in the Regels table */
const TOELICHTING: Readonly<Record<keyof Regels, string>> = {
  afstandM: 'twee werken liggen bij elkaar als ze hooguit zoveel meter uit elkaar liggen',
  minOverlapM: 'minste gedeelde lengte in meters voor een paar met een lijn',
  minOverlapM2: 'minste gedeelde oppervlakte in m² voor twee vlakken',
  maxTussentijdMaanden: 'grootste tijd tussen de twee perioden, in kalendermaanden',
  zelfdeCategorie: 'mogen twee werken van dezelfde categorie een paar vormen (ja/nee)',
};

function regelsRows(): CellValue[][] {
  return SETTINGS.map((s) => {
    const value = DEFAULT_REGELS[s.key];
    return [s.naam, typeof value === 'boolean' ? (value ? 'ja' : 'nee') : value, TOELICHTING[s.key]];
  });
}

/**
 * The four tables of a new workbook, in sheet order.
 *
 * @example
 * NIEUW_WERKBOEK.find((t) => t.naam === 'Werken')?.kolommen.map((c) => c.naam);
 * // ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'buffer_m', 'status', 'budget', 'contact']
 */
export const NIEUW_WERKBOEK: readonly TabelSpec[] = Object.freeze([
  {
    naam: 'Buurten',
    kolommen: [k('buurtcode', 'text', 14), k('buurtnaam', 'general', 30), k('wijkcode', 'text', 10), k('wijknaam', 'general', 24), k('geometrie', 'general', 60)],
    rijen: [],
  },
  {
    naam: 'Werken',
    kolommen: [
      k('id', 'text', 12), k('categorie', 'general', 18, { waarden: KNOWN_CATEGORIES, strikt: false }), k('eigenaar', 'general', 24),
      k('titel', 'general', 36), k('start', 'date', 12), k('eind', 'date', 12), k('geometrie', 'general', 60),
      k('buffer_m', 'decimal2', 10), k('status', 'general', 14, { waarden: WERK_STATUSSEN, strikt: false }), k('budget', 'euro', 14), k('contact', 'general', 24),
    ],
    rijen: [],
  },
  {
    naam: 'Koppelkansen',
    kolommen: [
      k('id', 'text', 10), k('buurtcode', 'text', 14), k('thema', 'general', 28, { waarden: KOPPELKANS_THEMAS, strikt: false }),
      k('soort', 'general', 16, { waarden: KOPPELKANS_SOORTEN, strikt: true }), k('omschrijving', 'general', 40), k('eigenaar', 'general', 24), k('status', 'general', 14),
    ],
    rijen: [],
  },
  { naam: 'Regels', kolommen: [k('naam', 'text', 24), k('waarde', 'general', 10), k('toelichting', 'general', 70)], rijen: regelsRows() },
]);

/**
 * The Excel data-validation formula of a pick list: the values in quotes, comma-separated.
 * Excel allows at most 255 characters here; longer lists throw so a new list is caught in tests.
 *
 * @example
 * lijstFormule({ waarden: ['gebiedsgericht', 'mensgericht'], strikt: true }); // '"gebiedsgericht,mensgericht"'
 */
export function lijstFormule(lijst: Keuzelijst): string {
  const formula = `"${lijst.waarden.join(',')}"`;
  if (formula.length > 255 || lijst.waarden.some((w) => w.includes(','))) {
    throw new Error('A pick list must fit in 255 characters without commas in its values; shorten the list in nieuw-werkboek.ts.');
  }
  return formula;
}
