/**
 * What the CLI tells the user on standard error: one line per problem.
 */
import type { RowProblem } from '../core/types';

/** Where the CLI writes; tests pass their own. */
export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * One line per problem: table, row, column, message, value.
 *
 * @example
 * reportProblems(werkboek.problems, io); // 'Fout in CSV stedin.csv, rij 5, kolom Begin: ...'
 */
export function reportProblems(problems: readonly RowProblem[], io: Streams): void {
  for (const p of problems) {
    const place = [p.tabel, p.rij ? `rij ${p.rij}` : '', p.kolom ? `kolom ${p.kolom}` : ''].filter(Boolean).join(', ');
    const value = p.waarde ? ` (waarde: ${p.waarde})` : '';
    io.stderr(`${p.ernst === 'fout' ? 'Fout' : 'Waarschuwing'} in ${place}: ${p.melding}${value}\n`);
  }
}
