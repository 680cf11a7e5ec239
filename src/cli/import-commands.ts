/**
 * `koppelkaart nieuw`, `import-werken` and `import-buurten`: the pure imports of src/core/import
 * with files around them. The workbook is written part by part (src/file), so everything the
 * import does not change stays as it was.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { bronKey, bronnenTable, BRONNEN_TABEL, readBronnen } from '../core/import/bronnen';
import { importBuurten } from '../core/import/buurten';
import { parseCsv } from '../core/import/csv';
import { parseMappingText } from '../core/import/mapping';
import { NIEUW_WERKBOEK } from '../core/import/nieuw-werkboek';
import { importWerken } from '../core/import/werken';
import type { RawTable, RowProblem } from '../core/types';
import { TABLES } from '../core/werkboek/columns';
import { controleRows } from '../core/werkboek/read';
import { writeImportXlsx, type TableRowsEdit } from '../file/import-xlsx';
import { addNieuwWerkboek, nieuwWerkboekXlsx } from '../file/nieuw-werkboek';
import { findTable, loadWorkbook } from '../file/read-xlsx';
import type { CellFormat } from '../file/styles';
import type { Command } from './args';
import { decodeText } from './decode';
import { readBytes, UsageError } from './input';
import { writeFileAtomic } from './output';
import { reportProblems, type Streams } from './report';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

/**
 * `koppelkaart nieuw UIT.xlsx`: a new workbook, or the missing tables added to an existing one.
 *
 * @example
 * await nieuwCommand({ kind: 'nieuw', output: 'plan.xlsx' }, io); // 0
 */
export async function nieuwCommand(cmd: Of<'nieuw'>, io: Streams): Promise<number> {
  if (!cmd.output.toLowerCase().endsWith('.xlsx')) throw new UsageError(`Geef een .xlsx-bestand, niet '${cmd.output}'.`);
  if (existsSync(cmd.output)) {
    const { bytes, notices } = await addNieuwWerkboek(await readBytes(cmd.output));
    notices.forEach((n) => io.stderr(n + '\n'));
    await writeFileAtomic(cmd.output, bytes);
  } else {
    await writeFileAtomic(cmd.output, await nieuwWerkboekXlsx());
    io.stderr(`Nieuw werkboek met de tabellen ${NIEUW_WERKBOEK.map((t) => t.naam).join(', ')}: ${cmd.output}\n`);
  }
  return 0;
}

/** the workbook's bytes and the tables an import needs */
async function openWorkbook(path: string): Promise<{ bytes: Uint8Array; table: (names: readonly string[]) => RawTable | undefined }> {
  if (!/\.xlsx$/i.test(path)) throw new UsageError(`Het werkboek moet een .xlsx-bestand zijn, niet '${path}'. Maak er een met 'koppelkaart nieuw'.`);
  const bytes = await readBytes(path);
  const workbook = await loadWorkbook(bytes);
  return { bytes, table: (names) => findTable(workbook, names) };
}

function formatsOf(naam: string): Record<string, CellFormat> {
  const spec = NIEUW_WERKBOEK.find((t) => t.naam === naam);
  return Object.fromEntries((spec?.kolommen ?? []).map((k) => [k.naam, k.formaat]));
}

/** writes the edit and the problems (Controle) and reports what happened */
async function writeBack(bytes: Uint8Array, output: string, edit: TableRowsEdit, problems: RowProblem[], io: Streams, bronnen?: { headers: string[]; rows: RawTable['rows'] }): Promise<boolean> {
  const [controleHeaders, ...controle] = controleRows(problems);
  const outcome = await writeImportXlsx(bytes, { tables: [edit], bronnen, controle: { headers: controleHeaders.map(String), rows: controle } });
  reportProblems(outcome.problems, io);
  outcome.notices.forEach((n) => io.stderr(n + '\n'));
  if (outcome.problems.some((p) => p.ernst === 'fout')) return false;
  await writeFileAtomic(output, outcome.bytes);
  io.stderr(`Geschreven: ${output}\n`);
  return true;
}

/**
 * `koppelkaart import-werken WERKBOEK.xlsx CSV [--bron NAAM] [--vervang-eigenaar NAAM] [--mapping ...] [-o UIT.xlsx]`.
 *
 * @example
 * await importWerkenCommand({ kind: 'import-werken', workbook: 'plan.xlsx', csv: 'stedin.csv' }, io);
 */
export async function importWerkenCommand(cmd: Of<'import-werken'>, io: Streams): Promise<number> {
  let mapping;
  try {
    mapping = cmd.mapping === undefined ? undefined : parseMappingText(cmd.mapping);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { bytes, table } = await openWorkbook(cmd.workbook);
  const { text, encoding } = decodeText(await readBytes(cmd.csv));
  if (encoding === 'windows-1252') io.stderr(`${cmd.csv} is geen geldige UTF-8; gelezen als Windows-1252.\n`);
  const bron = cmd.bron ?? basename(cmd.csv);
  const bronnenRaw = table([BRONNEN_TABEL]);
  const werken = table([TABLES.Werken.name, ...TABLES.Werken.aliases]);
  const result = importWerken(parseCsv(text), werken, {
    bron, mapping, remembered: readBronnen(bronnenRaw).get(bronKey(bron)), vervangEigenaar: cmd.vervangEigenaar,
  });
  reportProblems(result.problems, io);
  if (result.missing.length > 0) return 1;
  const edit = { table: werken, name: 'Werken', headers: result.headers, remove: result.remove, append: result.append, formats: formatsOf('Werken') };
  const bronnen = bronnenTable(bronnenRaw, bron, result.mapping, new Date().toISOString().slice(0, 10));
  if (!(await writeBack(bytes, cmd.output ?? cmd.workbook, edit, result.problems, io, bronnen))) return 1;
  const c = result.counts;
  io.stderr(`${c.gelezen} regels gelezen: ${c.toegevoegd} werken toegevoegd, ${c.verwijderd} oude rijen vervangen, ${c.afgewezen} regels afgewezen (zie Controle).\n`);
  return c.toegevoegd > 0 || c.gelezen === 0 ? 0 : 1;
}

/**
 * `koppelkaart import-buurten WERKBOEK.xlsx GEOJSON [-o UIT.xlsx]`.
 *
 * @example
 * await importBuurtenCommand({ kind: 'import-buurten', workbook: 'plan.xlsx', geojson: 'buurten.geojson' }, io);
 */
export async function importBuurtenCommand(cmd: Of<'import-buurten'>, io: Streams): Promise<number> {
  const { bytes, table } = await openWorkbook(cmd.workbook);
  let json: unknown;
  try {
    json = JSON.parse(decodeText(await readBytes(cmd.geojson)).text);
  } catch (err) {
    throw new UsageError(`${cmd.geojson} is geen geldige JSON: ${(err as Error).message}`);
  }
  const buurten = table([TABLES.Buurten.name, ...TABLES.Buurten.aliases]);
  const bron = basename(cmd.geojson);
  let result;
  try {
    result = importBuurten(json, buurten, { bron });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  reportProblems(result.problems, io);
  const edit = { table: buurten, name: 'Buurten', headers: result.headers, remove: result.remove, append: result.append, formats: formatsOf('Buurten') };
  if (!(await writeBack(bytes, cmd.output ?? cmd.workbook, edit, result.problems, io))) return 1;
  const c = result.counts;
  const crs = result.crs === 'rd' ? 'RD New' : 'WGS84';
  io.stderr(`${c.features} features (${result.soort}, ${crs}): ${c.toegevoegd} overgenomen, ${c.vervangen} bestaande vervangen, ${c.afgewezen} afgewezen (zie Controle).\n`);
  return c.toegevoegd > 0 ? 0 : 1;
}
