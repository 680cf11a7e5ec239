/**
 * The werkboek as a whole: every table read, checked against each other, and every problem
 * collected for the Controle sheet.
 */
import type { CellValue, RawTable, RawWerkboek, RowProblem, Werkboek } from '../types';
import { isEmptyCell } from './cells';
import { CONTROLE_HEADERS } from './columns';
import { meldingen, problem } from './problems';
import { readRegels } from './regels';
import { readBuurten, readKoppelkansen, readWerken } from './tables';

/**
 * Reads a workbook's tables into what the analysis needs. Never throws on bad input: every problem
 * becomes a RowProblem, a row with a 'fout' is left out and the rest goes on. A missing Werken
 * table is one 'fout'; a missing Buurten table a 'waarschuwing'; Koppelkansen and Regels are optional.
 *
 * @example
 * const werkboek = readWerkboek({ werken: rawWerken, buurten: rawBuurten });
 * werkboek.werken.length; // the good rows
 * werkboek.problems; // one entry per Controle row
 */
export function readWerkboek(raw: RawWerkboek): Werkboek {
  const problems: RowProblem[] = [];
  const whole = (tabel: string) => ({ tabel, rij: 0, kolom: '' });

  const werken = raw.werken ? readWerken(raw.werken) : { items: [], problems: [problem(whole('Werken'), '', meldingen.missingTable('Werken'))] };
  if (raw.werken && isBlank(raw.werken)) werken.problems.push(emptyTable(raw.werken, 'Werken'));
  const buurten = raw.buurten
    ? readBuurten(raw.buurten)
    : { items: [], problems: [problem(whole('Buurten'), '', meldingen.missingTable('Buurten') + NO_BUURTEN, 'waarschuwing')] };
  if (raw.buurten && isBlank(raw.buurten)) buurten.problems.push(emptyTable(raw.buurten, 'Buurten', NO_BUURTEN));
  const koppelkansen = raw.koppelkansen ? readKoppelkansen(raw.koppelkansen) : { items: [], problems: [] };
  const regels = readRegels(raw.regels);

  problems.push(...werken.problems, ...buurten.problems, ...koppelkansen.problems, ...regels.problems);
  // a koppelkans drawn per buurt needs that buurt; one with its own geometry does not
  const codes = new Set(buurten.items.map((b) => b.code));
  for (const kans of koppelkansen.items) {
    if (kans.buurtcode !== undefined && kans.geometry === undefined && !codes.has(kans.buurtcode) && raw.koppelkansen) {
      problems.push(problem({ tabel: raw.koppelkansen.name, rij: kans.rij, kolom: 'buurtcode' }, kans.buurtcode,
        `De buurtcode ${kans.buurtcode} staat niet in de tabel Buurten; de koppelkans komt niet op de kaart. ` +
          'Verbeter de code, voeg de buurt toe aan Buurten of geef de koppelkans een eigen geometrie.', 'waarschuwing'));
    }
  }
  return { werken: werken.items, buurten: buurten.items, koppelkansen: koppelkansen.items, regels: regels.regels, problems };
}

const NO_BUURTEN = ' Zonder buurten worden geen buurtcodes bij de meekoppelkansen gezet.';

// a table with only a header, or only blank rows under it
function isBlank(table: RawTable): boolean {
  return table.rows.every((row) => row.every((cell) => isEmptyCell(cell)));
}

function emptyTable(table: RawTable, tabel: string, why = ''): RowProblem {
  return problem({ tabel: table.name, rij: table.headerRow, kolom: '' }, '', meldingen.emptyTable(tabel) + why, 'waarschuwing');
}

/**
 * The Controle sheet's content: the header row, then one row per problem. A problem about a whole
 * table (rij 0) gets an empty rij cell.
 *
 * @example
 * controleRows([{ tabel: 'Werken', rij: 14, kolom: 'eind', waarde: 'x', melding: '...', ernst: 'fout' }]);
 * // [['tabel', 'rij', 'kolom', 'waarde', 'melding'], ['Werken', 14, 'eind', 'x', '...']]
 */
export function controleRows(problems: readonly RowProblem[]): CellValue[][] {
  return [[...CONTROLE_HEADERS], ...problems.map((p) => [p.tabel, p.rij === 0 ? null : p.rij, p.kolom, p.waarde, p.melding])];
}
