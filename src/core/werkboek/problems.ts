/**
 * RowProblem values with consistent Dutch messages: every bad cell, row or table becomes one of
 * these, and each becomes one row of the Controle sheet.
 */
import type { CellValue, RowProblem } from '../types';

/** Where a problem sits: table, Excel row (0 = the table as a whole) and column header as typed. */
export interface Place {
  tabel: string;
  rij: number;
  kolom: string;
}

/** The longest `waarde` a problem carries. */
export const MAX_WAARDE_LENGTH = 100;

/**
 * A cell value as a planner would read it, for a problem's `waarde`.
 *
 * @example
 * cellDisplay({ error: '#N/A' }); // '#N/A'
 * cellDisplay(12.5); // '12.5'
 */
export function cellDisplay(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  return String(value);
}

/**
 * Cuts a text to `max` characters, ending in `…` when cut, so a huge geometry cell stays readable.
 *
 * @example
 * cut('a'.repeat(120)).length; // 100
 */
export function cut(text: string, max = MAX_WAARDE_LENGTH): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/**
 * Makes a RowProblem; `waarde` is shown as the planner sees it and cut to 100 characters.
 *
 * @example
 * problem({ tabel: 'Werken', rij: 14, kolom: 'eind' }, '2026-01-01', 'De einddatum ligt voor de startdatum.');
 * // { tabel: 'Werken', rij: 14, kolom: 'eind', waarde: '2026-01-01', melding: '...', ernst: 'fout' }
 */
export function problem(
  place: Place,
  waarde: CellValue | undefined,
  melding: string,
  ernst: RowProblem['ernst'] = 'fout',
): RowProblem {
  return { tabel: place.tabel, rij: place.rij, kolom: place.kolom, waarde: cut(cellDisplay(waarde)), melding, ernst };
}

// what one row of each table holds, so a message can say what to add
const ROW_OF: Record<string, string> = { Werken: 'werk', Buurten: 'buurt', Koppelkansen: 'koppelkans', Regels: 'regel' };

/**
 * The Excel column letters of a 1-based column number, so a message can point at a column without a header.
 *
 * @example
 * columnLetter(1); // 'A'
 * columnLetter(28); // 'AB'
 */
export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * The Dutch messages used in more than one place, so that the Controle sheet speaks one language.
 *
 * @example
 * meldingen.missingTable('Werken'); // 'Geen tabel of blad "Werken" gevonden. ...'
 */
export const meldingen = {
  missingTable: (tabel: string): string =>
    `Geen tabel of blad "${tabel}" gevonden. Maak een tabel of blad met die naam en een kopregel.`,
  emptyTable: (tabel: string): string =>
    `De tabel ${tabel} heeft geen rijen. Vul onder de kopregel één rij per ${ROW_OF[tabel] ?? 'regel'} in.`,
  missingColumn: (kolom: string, aliases: readonly string[]): string =>
    `De kolom "${kolom}" ontbreekt. Voeg een kolom met de kop "${kolom}"` +
    (aliases.length > 0 ? ` (of ${aliases.map((a) => `"${a}"`).join(', ')})` : '') +
    ' toe; zonder deze kolom kan de tabel niet gelezen worden.',
  duplicateColumn: (kolom: string, first: string): string =>
    `Deze kolom betekent hetzelfde als "${first}" (${kolom}); alleen de eerste wordt gelezen. Geef deze kolom een andere naam of verwijder hem.`,
  emptyHeader: (letter: string): string =>
    `Kolom ${letter} heeft geen kop (bijvoorbeeld door samengevoegde cellen); de waarden worden niet gelezen. ` +
    'Maak de samenvoeging ongedaan en geef de kolom een eigen naam in de kopregel.',
  missingPartColumn: (kolom: string): string =>
    `De kolom "${kolom}" ontbreekt tussen de geometrie-kolommen; een lange geometrie loopt door in ` +
    `geometrie_2, geometrie_3, ... zonder gat. Voeg de kolom toe.`,
  required: (kolom: string): string => `"${kolom}" is leeg. Vul een waarde in; de rij wordt overgeslagen.`,
  duplicateId: (id: string, firstRij: number): string =>
    `Het id "${id}" komt al voor in rij ${firstRij}. Geef elke rij een eigen id; deze rij wordt overgeslagen.`,
  duplicateKey: (kolom: string, value: string, firstRij: number): string =>
    `De ${kolom} "${value}" komt al voor in rij ${firstRij}. Geef elke rij een eigen ${kolom}, of verwijder een van de twee; deze rij wordt overgeslagen.`,
  rowLeftOut: 'De rij wordt overgeslagen.',
};
