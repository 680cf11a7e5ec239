/**
 * Reading the bad-input corpus files (test/fixtures/bad-input/<werkboek>/) back into a RawWerkboek.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, RawTable, RawWerkboek } from '../../../src/core/types';
import { toCellValue } from '../../../src/file/read-xlsx';
import type { ExpectedProblem, ExpectedResult, FixtureCell, FixtureTable } from './corpus';

const DIR = join(__dirname, '../../fixtures/bad-input');
export const ROLES = ['werken', 'buurten', 'koppelkansen', 'regels'] as const;
/** The headers of a geometry cell and its continuation columns. */
export const GEOMETRY_COLUMN = /^(geometrie|geometry|geom|wkt|the_geom|locatie)(_\d+)?$/i;
/** Every melding says how to fix the problem: it holds one of these instructions. */
export const HOW_TO_FIX = /\b(Vul|Geef|Schrijf|Gebruik|Controleer|Verbeter|Pas|Voeg|Zet|Herstel|Teken|Verwijder|Maak|gebruik|geef|zet|voeg|verwijder)\b/;

// a formula cell arrives as its cached result, exactly as the file adapter delivers it
function decode(cell: FixtureCell): CellValue {
  if (cell !== null && typeof cell === 'object' && 'getal' in cell) return Number(cell.getal);
  if (cell !== null && typeof cell === 'object' && 'formula' in cell) return toCellValue({ formula: cell.formula, result: decode(cell.result) } as never);
  return cell as CellValue;
}

/** One corpus werkboek: its tables as RawWerkboek, the expected Controle rows and the expected result. */
export function load(name: string): { raw: RawWerkboek; controle: ExpectedProblem[]; result: ExpectedResult } {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(DIR, name, file), 'utf8')) as T;
  const raw: RawWerkboek = {};
  for (const role of ROLES) {
    if (!existsSync(join(DIR, name, `${role}.json`))) continue;
    const { rows, ...table } = read<FixtureTable>(`${role}.json`);
    raw[role] = { ...table, headers: rows[0] as string[], rows: rows.slice(1).map((r) => r.map(decode)) } satisfies RawTable;
  }
  return { raw, controle: read('controle.json'), result: read('resultaat.json') };
}

/** The corpus werkboeken by folder name. */
export const werkboeken = readdirSync(DIR).filter((d) => existsSync(join(DIR, d, 'controle.json'))).sort();
