/**
 * The worksheet editor works on the part's text: what it does not touch stays byte for byte, what
 * it writes is well-formed SpreadsheetML, also for parts with a namespace prefix, rows or cells
 * without `r`, a row extLst and an empty `<sheetData/>`.
 */
import { SheetEditor } from '../../src/file/sheet-editor';
import { parseXml } from '../../src/file/xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheet(rows: string, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns}><${p}dimension ref="A1:C3"/><${p}sheetData>${rows}</${p}sheetData><${p}pageMargins left="0.7"/></${p}worksheet>`;
}

const ROWS = '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>2.5</v></c></row>'
  + '<row r="2" ht="20" customHeight="1"><c r="A2" t="str"><f>CONCAT("a","b")</f><v>a&amp;b</v></c><c r="C2"><f>1+1</f><v>2</v></c></row>'
  + '<row r="3"><c r="A3" s="1"/><c r="B3" t="e"><v>#N/A</v></c><extLst><ext uri="x"/></extLst></row>';

describe('SheetEditor', () => {
  it('writes back an untouched part byte for byte', () => {
    const text = sheet(ROWS);
    expect(new SheetEditor(text).toString()).toBe(text);
  });

  it('adds a cell to a row, rebuilding only that row and keeping the others as they were', () => {
    const editor = new SheetEditor(sheet(ROWS));
    editor.setValue(1, 4, 'MK-W1-W2 & <meer>', 7);
    editor.finish();
    const out = editor.toString();
    expect(out).toContain('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>2.5</v></c><c r="D1" s="7" t="inlineStr"><is><t>MK-W1-W2 &amp; &lt;meer&gt;</t></is></c></row>');
    expect(out).toContain(ROWS.slice(ROWS.indexOf('<row r="2"')));
    expect(out).toContain('<dimension ref="A1:D3"/>');
    expect(() => parseXml(out, 'sheet')).not.toThrow();
  });

  it('replaces a value in place, keeping the style unless a new one is given, and notes an overwritten formula', () => {
    const editor = new SheetEditor(sheet(ROWS));
    editor.setValue(1, 2, 'tekst');
    editor.setValue(2, 3, true, 4);
    editor.setValue(3, 2, 12);
    const out = editor.toString();
    expect(out).toContain('<c r="B1" s="3" t="inlineStr"><is><t>tekst</t></is></c>');
    expect(out).toContain('<c r="C2" s="4" t="b"><v>1</v></c>');
    expect(out).toContain('<c r="B3"><v>12</v></c><extLst><ext uri="x"/></extLst></row>');
    expect(editor.removedFormula).toBe(true);
  });

  it('answers which cells hold a value and which style they have', () => {
    const editor = new SheetEditor(sheet(ROWS));
    expect([editor.hasValue(1, 1), editor.hasValue(3, 1), editor.hasValue(2, 3), editor.hasValue(9, 9)]).toEqual([true, false, true, false]);
    expect([editor.styleOf(1, 2), editor.styleOf(3, 1), editor.styleOf(1, 1)]).toEqual([3, 1, undefined]);
  });

  it('moves cells to another row, a formula becoming its cached value (text as an inline string)', () => {
    const editor = new SheetEditor(sheet(ROWS));
    editor.moveCells(2, 5, 1, 3);
    const out = editor.toString();
    expect(out).toContain('<row r="2" ht="20" customHeight="1"/>');
    expect(out).toContain('<row r="5"><c r="A5" t="inlineStr"><is><t>a&amp;b</t></is></c><c r="C5"><v>2</v></c></row>');
    expect(out.indexOf('<row r="3"')).toBeLessThan(out.indexOf('<row r="5"'));
    expect(editor.removedFormula).toBe(true);
  });

  it('clears a range and drops rows left empty without formatting of their own', () => {
    const editor = new SheetEditor(sheet(ROWS));
    editor.clearRange({ top: 1, bottom: 3, left: 1, right: 2 });
    const out = editor.toString();
    expect(out).not.toContain('<row r="1"');
    expect(out).toContain('<row r="2" ht="20" customHeight="1"><c r="C2"><f>1+1</f><v>2</v></c></row>');
    expect(out).toContain('<row r="3"><extLst><ext uri="x"/></extLst></row>');
  });

  it('writes rows into an empty <sheetData/> and between existing rows in order', () => {
    const empty = new SheetEditor(sheet('').replace('<sheetData></sheetData>', '<sheetData/>'));
    empty.writeRows(2, 1, [['a', 1, null], [null, null, false]], [undefined, 5, undefined]);
    empty.setValue(1, 1, 'kop');
    expect(empty.toString()).toContain('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>kop</t></is></c></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" s="5"><v>1</v></c></row>'
      + '<row r="3"><c r="B3" s="5"/><c r="C3" t="b"><v>0</v></c></row></sheetData>');
  });

  it('edits a part whose elements carry a prefix, with rows and cells that leave out r', () => {
    const text = sheet('<x:row><x:c t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row><x:row><x:c><x:v>2</x:v></x:c></x:row>', 'x');
    const editor = new SheetEditor(text);
    expect(editor.hasValue(1, 2)).toBe(true);
    editor.setValue(2, 3, ' spatie ');
    const out = editor.toString();
    expect(out).toContain('<x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t xml:space="preserve"> spatie </x:t></x:is></x:c></x:row>');
    expect(() => parseXml(out, 'sheet')).not.toThrow();
  });

  it('cuts text at the 32,767 characters a cell holds and writes a control character as Excel does (_xHHHH_)', () => {
    const editor = new SheetEditor(sheet(''));
    editor.setValue(1, 1, `a\u0001b${'x'.repeat(40_000)}`);
    const t = /<t>([^<]*)<\/t>/.exec(editor.toString())?.[1] ?? '';
    expect(t.startsWith('a_x0001_bx')).toBe(true);
    expect(t.length).toBe(32_767 - 1 + '_x0001_'.length);
  });

  it("escapes a literal _xHHHH_ in text, so Excel does not read it as an escaped character", () => {
    const editor = new SheetEditor(sheet(''));
    editor.setValue(1, 1, 'code _x0041_ en _x00e9_');
    expect(editor.toString()).toContain('<t>code _x005F_x0041_ en _x005F_x00e9_</t>');
  });

  it('refuses a part without sheetData, saying what to pass instead', () => {
    expect(() => new SheetEditor('<chartsheet/>')).toThrow(/not a chart sheet/);
  });
});
