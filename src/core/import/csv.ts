/**
 * A CSV file (already decoded to text) as header and rows, with the line number each row starts
 * on, so a problem can point at the line a planner finds in a text editor.
 */
import Papa from 'papaparse';

/** A parsed CSV file. */
export interface CsvTable {
  /** header texts, trimmed */
  headers: string[];
  /** data rows as text, each as long as the longest of header and row */
  rows: string[][];
  /** for each row, the line of the file it starts on: the header is line 1, quoted newlines count */
  lines: number[];
  /** the delimiter found: `;`, `,` or tab */
  delimiter: ';' | ',' | '\t';
  /** rows Papa Parse could not read cleanly (an unclosed quote), by line, with its message */
  errors: Array<{ line: number; message: string }>;
}

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * The delimiter of a CSV file: the candidate that occurs most often in the header line outside
 * quotes (`;` wins a tie, as Dutch Excel writes it). Papa Parse's own guess needs ten regular rows
 * and fails on short files with quoted newlines.
 *
 * @example
 * detectDelimiter('id;titel\nW1;Oudegracht'); // ';'
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best: ';' | ',' | '\t' = ';';
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

/**
 * Parses CSV text: delimiter detected, a byte order mark dropped, blank lines skipped (their line
 * numbers still count), line breaks made `\n`, every cell kept as text.
 *
 * @example
 * const csv = parseCsv('id;titel\n"W1";"Oude\ngracht"\nW2;Lange Nieuwstraat');
 * csv.rows; // [['W1', 'Oude\ngracht'], ['W2', 'Lange Nieuwstraat']]
 * csv.lines; // [2, 4]
 */
export function parseCsv(text: string): CsvTable {
  // one kind of line break: Papa Parse takes the first it meets, and Excel cells break lines with \n
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(body);
  const all: string[][] = [];
  const lines: number[] = [];
  const errors: CsvTable['errors'] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      const startLine = line;
      for (let i = offset; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      offset = end;
      if (result.errors.length > 0) errors.push({ line: startLine, message: result.errors.map((e) => e.message).join('; ') });
      if (result.data.every((c) => c.trim() === '')) return;
      all.push(result.data);
      lines.push(startLine);
    },
  });
  const [header = [], ...rows] = all;
  lines.shift();
  let width = header.length;
  for (const r of rows) width = Math.max(width, r.length);
  const headers = Array.from({ length: width }, (_, i) => (header[i] ?? '').trim());
  return { headers, rows: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')), lines, delimiter, errors };
}
