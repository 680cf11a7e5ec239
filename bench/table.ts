/**
 * A markdown table with aligned columns, for the bench output and the README.
 */

/**
 * Rows under a header as a GitHub markdown table, numbers right-aligned.
 *
 * @example
 * markdownTable(['works', 'ms'], [['1000', '24']]);
 * // '| works | ms |\n|------:|---:|\n|  1000 | 24 |'
 */
export function markdownTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`, ...rows.map(line)].join('\n');
}
