/**
 * Loading rectangles of cells from the workbook in slices that keep each response well under the
 * payload limit, with cells normalised to `CellValue` as the werkboek model expects them.
 */
import type { CellValue } from '../core/types';
import { isPayloadTooLarge } from './batch';

/** A rectangle of cells on a sheet, 0-based like office-js `rowIndex` / `columnIndex`. */
export interface Block {
  sheet: string;
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

interface Slice {
  block: number;
  /** first row, relative to the block */
  start: number;
  count: number;
}

// the texts Excel gives in `values` for an error cell
const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/;

/**
 * Loads every block's cells. Slices hold at most `maxCells` cells and are packed into syncs of at
 * most `maxCells`; when Excel still says the payload is too large, the sync is split in two.
 * Error cells come back as `{ error }`, empty cells as `null`, dates as serial numbers.
 */
export async function loadBlocks(context: Excel.RequestContext, blocks: Block[], maxCells: number): Promise<CellValue[][][]> {
  const out: CellValue[][][] = blocks.map((b) => new Array<CellValue[]>(b.rowCount));
  const slices: Slice[] = [];
  blocks.forEach((b, i) => {
    const per = Math.max(1, Math.floor(maxCells / Math.max(1, b.colCount)));
    for (let start = 0; start < b.rowCount; start += per) slices.push({ block: i, start, count: Math.min(per, b.rowCount - start) });
  });
  const groups: Slice[][] = [];
  let cells = Infinity;
  for (const s of slices) {
    const size = s.count * blocks[s.block].colCount;
    if (cells + size > maxCells) {
      groups.push([]);
      cells = 0;
    }
    groups[groups.length - 1].push(s);
    cells += size;
  }
  for (const group of groups) await loadGroup(context, blocks, group, out);
  return out;
}

function sliceRange(context: Excel.RequestContext, block: Block, s: Slice): Excel.Range {
  return context.workbook.worksheets.getItem(block.sheet).getRangeByIndexes(block.row + s.start, block.col, s.count, block.colCount);
}

async function loadGroup(context: Excel.RequestContext, blocks: Block[], group: Slice[], out: CellValue[][][]): Promise<void> {
  const ranges = group.map((s) => sliceRange(context, blocks[s.block], s).load('values'));
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    // too much at once: the same cells in two halves
    const halves: Slice[][] = group.length > 1
      ? [group.slice(0, group.length >> 1), group.slice(group.length >> 1)]
      : splitSlice(group[0]).map((s) => [s]);
    if (halves.length < 2) throw error;
    for (const half of halves) await loadGroup(context, blocks, half, out);
    return;
  }
  const suspect: number[] = [];
  ranges.forEach((range, i) => {
    if (range.values.some((row) => row.some((v) => typeof v === 'string' && ERROR_TEXT.test(v)))) suspect.push(i);
  });
  // an error cell and a planner's text '#N/A' look the same in values: only valueTypes tells them apart
  const types = suspect.map((i) => sliceRange(context, blocks[group[i].block], group[i]).load('valueTypes'));
  if (types.length > 0) await context.sync();
  ranges.forEach((range, i) => {
    const s = group[i];
    const t = types[suspect.indexOf(i)]?.valueTypes;
    range.values.forEach((row, r) => {
      out[s.block][s.start + r] = row.map((v, c) => toCellValue(v, t?.[r]?.[c]));
    });
  });
}

function splitSlice(s: Slice): Slice[] {
  if (s.count < 2) return [s];
  const half = s.count >> 1;
  return [{ ...s, count: half }, { ...s, start: s.start + half, count: s.count - half }];
}

/** One office-js value as a `CellValue`. */
export function toCellValue(value: unknown, type?: string): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
