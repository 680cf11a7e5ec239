/**
 * Number formats for the cells the add-in writes: finds or appends a cell format (`cellXfs` entry)
 * per built-in number format. Existing entries keep their index, so every styled cell in the
 * planner's sheets looks as before.
 */
import type { XlsxPackage } from './xlsx-package';
import { childElements, createElement, firstChild, root } from './xml';

/** How a written column is shown. */
export type CellFormat = 'general' | 'text' | 'date' | 'decimal2' | 'integer' | 'euro';

/** Excel's built-in number formats (no numFmt entry needed) */
const BUILT_IN: Record<Exclude<CellFormat, 'general'>, number> = {
  text: 49, // @
  date: 14, // d-m-yyyy in a Dutch locale
  decimal2: 2, // 0.00
  integer: 1, // 0
  euro: 3, // #,##0
};

const STYLES = 'xl/styles.xml';

/**
 * Returns the cellXfs index for each format, appending entries only where none fits.
 * A workbook without a styles part gets everything as General (index 0).
 *
 * @example
 * const xf = await ensureFormats(pkg); xf.decimal2; // e.g. 7
 */
export async function ensureFormats(pkg: XlsxPackage): Promise<Record<CellFormat, number>> {
  const result = { general: 0, text: 0, date: 0, decimal2: 0, integer: 0, euro: 0 };
  if (!pkg.has(STYLES)) return result;
  const doc = await pkg.xml(STYLES);
  const cellXfs = firstChild(root(doc), 'cellXfs');
  if (!cellXfs) return result;
  const hasStyleXfs = !!firstChild(root(doc), 'cellStyleXfs');
  const xfs = childElements(cellXfs, 'xf');
  let changed = false;
  for (const [format, numFmtId] of Object.entries(BUILT_IN) as Array<[Exclude<CellFormat, 'general'>, number]>) {
    const found = xfs.findIndex((xf) => isPlainFormat(xf, numFmtId));
    if (found >= 0) {
      result[format] = found;
      continue;
    }
    const xf = createElement(doc, 'xf');
    xf.setAttribute('numFmtId', String(numFmtId));
    for (const attr of ['fontId', 'fillId', 'borderId']) xf.setAttribute(attr, '0');
    if (hasStyleXfs) xf.setAttribute('xfId', '0');
    xf.setAttribute('applyNumberFormat', '1');
    cellXfs.appendChild(xf);
    xfs.push(xf);
    result[format] = xfs.length - 1;
    changed = true;
  }
  if (changed) {
    cellXfs.setAttribute('count', String(xfs.length));
    pkg.touch(STYLES);
  }
  return result;
}

/** an entry that is exactly "this number format, default font, fill and border" (ours from an earlier run, or the same) */
function isPlainFormat(xf: ReturnType<typeof createElement>, numFmtId: number): boolean {
  if (xf.getAttribute('numFmtId') !== String(numFmtId) || xf.firstChild) return false;
  return ['fontId', 'fillId', 'borderId'].every((a) => (xf.getAttribute(a) ?? '0') === '0')
    && (xf.getAttribute('xfId') ?? '0') === '0';
}
