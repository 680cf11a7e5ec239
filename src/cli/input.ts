/**
 * Reads the CLI's input files into a RawWerkboek: an .xlsx werkboek, or a CSV of works, plus an
 * optional buurten file (GeoJSON or .xlsx).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { RawTable, RawWerkboek } from '../core/types';
import { csvTable } from '../file/csv-table';
import { geoJsonTable } from '../file/geojson-table';
import { readXlsx } from '../file/read-xlsx';
import { decodeText } from './decode';

/** A usage problem the user can fix by naming another file: exit code 2. */
export class UsageError extends Error {}

/** What was read, and the bytes of an .xlsx input (to write the results into). */
export interface Input {
  raw: RawWerkboek;
  kind: 'xlsx' | 'csv';
  xlsxBytes?: Uint8Array;
  notes: string[];
}

/**
 * Reads INPUT (.xlsx, or .csv/.txt/.tsv as works) and, when given, the buurten file.
 *
 * @example
 * const input = await readInput('demo.xlsx'); input.raw.werken?.rows.length;
 */
export async function readInput(path: string, buurtenPath?: string): Promise<Input> {
  const ext = extname(path).toLowerCase();
  const bytes = await readBytes(path);
  let input: Input;
  if (ext === '.xlsx' || ext === '.xlsm') {
    input = { raw: await readXlsx(bytes), kind: 'xlsx', xlsxBytes: bytes, notes: [] };
  } else if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const { text, encoding } = decodeText(bytes);
    const notes = encoding === 'windows-1252' ? [`${path} is geen geldige UTF-8; gelezen als Windows-1252.`] : [];
    input = { raw: { werken: csvTable(text, 'Werken') }, kind: 'csv', notes };
  } else {
    throw new UsageError(`Onbekend invoerbestand '${path}': gebruik een .xlsx-werkboek of een .csv met werken.`);
  }
  if (buurtenPath) input.raw.buurten = await readBuurten(buurtenPath);
  return input;
}

async function readBuurten(path: string): Promise<RawTable> {
  const ext = extname(path).toLowerCase();
  const bytes = await readBytes(path);
  if (ext === '.xlsx') {
    const table = (await readXlsx(bytes)).buurten;
    if (!table) throw new UsageError(`${path} heeft geen tabel of werkblad Buurten.`);
    return table;
  }
  if (ext === '.geojson' || ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(decodeText(bytes).text);
    } catch (err) {
      throw new UsageError(`${path} is geen geldige JSON: ${(err as Error).message}`);
    }
    try {
      return geoJsonTable(json, 'Buurten');
    } catch (err) {
      throw new UsageError(`${path}: ${(err as Error).message}`);
    }
  }
  throw new UsageError(`Onbekend buurtenbestand '${path}': gebruik .geojson of .xlsx.`);
}

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `Bestand '${path}' bestaat niet.` : `Bestand '${path}' kan niet gelezen worden (${code}).`);
  }
}
