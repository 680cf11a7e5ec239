/**
 * `koppelkaart export WERKBOEK.xlsx -o UIT.geojson|UIT.csv [--werken] [--rd]`: the meekoppelkansen
 * (shared parts with every column of the Meekoppelkansen table, the planner's included) or the
 * works as GeoJSON, or the Meekoppelkansen table as a CSV for Dutch Excel.
 */
import { extname } from 'node:path';
import { analyseParallel } from './parallel-analyse';
import { dutchCsv } from '../core/export/csv';
import { meekoppelkansenGeoJson, werkenGeoJson } from '../core/export/geojson';
import { mergeMeekoppelkansen } from '../core/werkboek/meekoppelkansen';
import { readWerkboek } from '../core/werkboek/read';
import type { Command } from './args';
import { readInput, UsageError } from './input';
import { writeFileAtomic } from './output';
import { reportProblems, type Streams } from './report';

/**
 * Runs the export; the pairs are found again from the workbook, so the file always matches it.
 *
 * @example
 * await exportCommand({ kind: 'export', input: 'plan.xlsx', output: 'kansen.geojson', werken: false, rd: false }, io);
 */
export async function exportCommand(cmd: Extract<Command, { kind: 'export' }>, io: Streams): Promise<number> {
  const ext = extname(cmd.output).toLowerCase();
  if (!['.geojson', '.json', '.csv'].includes(ext)) throw new UsageError(`Onbekende uitvoer '${cmd.output}': gebruik .geojson of .csv.`);
  if (ext === '.csv' && (cmd.werken || cmd.rd)) throw new UsageError('--werken en --rd gelden alleen voor GeoJSON; de CSV is de tabel Meekoppelkansen.');
  const input = await readInput(cmd.input);
  if (input.kind !== 'xlsx') throw new UsageError(`Exporteer uit een .xlsx-werkboek, niet uit '${cmd.input}'.`);
  const werkboek = readWerkboek(input.raw);
  reportProblems(werkboek.problems, io);
  if (werkboek.werken.length === 0) {
    io.stderr('Geen enkel bruikbaar werk gevonden; er is niets geëxporteerd.\n');
    return 1;
  }
  const pairs = await analyseParallel(werkboek.werken, werkboek.buurten, werkboek.regels);
  const table = mergeMeekoppelkansen(input.raw.meekoppelkansen, pairs, werkboek.werken);
  const crs = cmd.rd ? 'rd' : 'wgs84';
  let text: string;
  if (ext === '.csv') text = dutchCsv(table);
  else if (cmd.werken) text = werkenGeoJson(werkboek.werken, pairs, crs);
  else text = meekoppelkansenGeoJson(pairs, table, crs);
  await writeFileAtomic(cmd.output, text);
  const what = cmd.werken ? `${werkboek.werken.length} werken` : `${pairs.length} meekoppelkansen`;
  io.stderr(`${what} geëxporteerd naar ${cmd.output}${ext === '.csv' ? '' : crs === 'rd' ? ' (RD New, EPSG:28992)' : ' (WGS84)'}.\n`);
  return 0;
}
