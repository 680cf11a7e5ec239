/**
 * Comments (Excel's notes and threaded comments) belong to a cell: when the add-in moves cells of
 * its own sheet, a planner's comment moves with its cell, in the comments part and in the VML
 * drawing that shows it.
 */
import { decodeCell, cellAddress } from './cell-ref';
import type { CellMove } from './formula-rows';
import type { XlsxPackage } from './xlsx-package';
import { root, type XmlElement } from './xml';

/**
 * Moves the comments of the sheet's moved cells along.
 *
 * @example
 * await moveComments(pkg, 'xl/worksheets/sheet5.xml', rowMove('Meekoppelkansen', 1, 19, (r) => r - 1));
 */
export async function moveComments(pkg: XlsxPackage, sheetPath: string, move: CellMove): Promise<void> {
  for (const rel of await pkg.relationships(sheetPath)) {
    if (!rel.target || !pkg.has(rel.target)) continue;
    if (/\/(comments|threadedComment)$/.test(rel.type)) await moveRefs(pkg, rel.target, move);
    else if (rel.type.endsWith('/vmlDrawing')) await moveVml(pkg, rel.target, move);
  }
}

/**
 * The cells of the sheet that carry a comment: a note (`xl/commentsN.xml`) or a threaded comment
 * (`xl/threadedComments/*.xml`), both found through the sheet's relationships.
 *
 * @example
 * await commentedCells(pkg, 'xl/worksheets/sheet5.xml'); // [{ row: 7, column: 12 }]
 */
export async function commentedCells(pkg: XlsxPackage, sheetPath: string): Promise<Array<{ row: number; column: number }>> {
  const cells: Array<{ row: number; column: number }> = [];
  for (const rel of await pkg.relationships(sheetPath)) {
    if (!rel.target || !pkg.has(rel.target) || !/\/(comments|threadedComment)$/.test(rel.type)) continue;
    walk(root(await pkg.xml(rel.target)), (el) => {
      if (el.localName !== 'comment' && el.localName !== 'threadedComment') return;
      const ref = el.getAttribute('ref');
      if (ref && /^[A-Za-z]{1,3}\d+$/.test(ref)) cells.push(decodeCell(ref));
    });
  }
  return cells;
}

/** `<comment ref="B3">` and `<threadedComment ref="B3">` */
async function moveRefs(pkg: XlsxPackage, path: string, move: CellMove): Promise<void> {
  let changed = false;
  walk(root(await pkg.xml(path)), (el) => {
    if (el.localName !== 'comment' && el.localName !== 'threadedComment') return;
    const ref = el.getAttribute('ref');
    if (!ref || !/^[A-Za-z]{1,3}\d+$/.test(ref)) return;
    const { row, column } = decodeCell(ref);
    if (!move.inside(row, column)) return;
    const to = move.to(row, column);
    const now = cellAddress(to.row, to.column);
    if (now === ref) return;
    el.setAttribute('ref', now);
    changed = true;
  });
  if (changed) pkg.touch(path);
}

/** a note's shape: `<x:Row>` and `<x:Column>` (0-based) in its client data; a drawing we cannot parse is left as it is */
async function moveVml(pkg: XlsxPackage, path: string, move: CellMove): Promise<void> {
  let doc;
  try {
    doc = await pkg.xml(path);
  } catch {
    return;
  }
  let changed = false;
  walk(root(doc), (el) => {
    if (el.localName !== 'ClientData') return;
    let rowEl: XmlElement | undefined, colEl: XmlElement | undefined;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      if ((n as XmlElement).localName === 'Row') rowEl = n as XmlElement;
      if ((n as XmlElement).localName === 'Column') colEl = n as XmlElement;
    }
    if (!rowEl || !colEl) return;
    const row = Number(rowEl.textContent) + 1, column = Number(colEl.textContent) + 1;
    if (!Number.isInteger(row) || !Number.isInteger(column) || !move.inside(row, column)) return;
    const to = move.to(row, column);
    if (to.row === row && to.column === column) return;
    rowEl.textContent = String(to.row - 1);
    colEl.textContent = String(to.column - 1);
    changed = true;
  });
  if (changed) pkg.touch(path);
}

function walk(el: XmlElement, visit: (el: XmlElement) => void): void {
  visit(el);
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) walk(n as XmlElement, visit);
}
