/**
 * `koppelkaart analyse|import-werken|import-buurten|nieuw|export`: the analysis runs here, the
 * other commands in import-commands.ts and export-command.ts.
 *
 * Exit codes: 0 when something could be done (problems in rows are reported, not fatal),
 * 1 when nothing usable was found, 2 on a usage error.
 */
import { extname } from 'node:path';
import type { Meekoppelkans } from '../core/types';
import { readWerkboek } from '../core/werkboek/read';
import { HELP, parseArgs, type Command } from './args';
import { analyseParallel, threadsUsed, warmThreads } from './parallel-analyse';
import { readInput, UsageError, type Input } from './input';
import { exportCommand } from './export-command';
import { importBuurtenCommand, importWerkenCommand, nieuwCommand } from './import-commands';
import { pairsCsv, pairsGeoJson, resultsXlsx, werkboekFromTable, writeFileAtomic } from './output';
import { reportProblems, type Streams } from './report';

export type { Streams } from './report';

/** above this many works the analysis reports its progress */
const PROGRESS_FROM = 2000;

const processStreams: Streams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Runs the CLI with the arguments after the program name; resolves to the exit code.
 *
 * @example
 * process.exitCode = await main(['analyse', 'werkboek.xlsx', '-o', 'uit.csv']);
 */
export async function main(argv: string[], io: Streams = processStreams): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === 'help') {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (command.kind === 'usage-error') {
    io.stderr(`${command.melding}\n\n${HELP}\n`);
    return 2;
  }
  if (command.kind !== 'analyse') return runOther(command, io);
  const outExt = command.output ? extname(command.output).toLowerCase() : '.csv';
  if (!['.csv', '.geojson', '.json', '.xlsx'].includes(outExt)) {
    io.stderr(`Onbekende uitvoer '${command.output}': gebruik .csv, .geojson of .xlsx.\n`);
    return 2;
  }
  try {
    return await run(command, outExt, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(err.message + '\n');
      return 2;
    }
    io.stderr(`Fout: ${(err as Error).message}\n`);
    return 1;
  }
}

/** the import, nieuw and export commands: usage problems exit 2, others 1 */
async function runOther(command: Exclude<Command, { kind: 'help' | 'usage-error' | 'analyse' }>, io: Streams): Promise<number> {
  try {
    if (command.kind === 'import-werken') return await importWerkenCommand(command, io);
    if (command.kind === 'import-buurten') return await importBuurtenCommand(command, io);
    if (command.kind === 'nieuw') return await nieuwCommand(command, io);
    return await exportCommand(command, io);
  } catch (err) {
    io.stderr((err instanceof UsageError ? '' : 'Fout: ') + (err as Error).message + '\n');
    return err instanceof UsageError ? 2 : 1;
  }
}

async function run(command: Extract<Command, { kind: 'analyse' }>, outExt: string, io: Streams): Promise<number> {
  const { output, threads } = command;
  const input = await readInput(command.input, command.buurten);
  input.notes.forEach((n) => io.stderr(n + '\n'));
  // a big run starts its worker threads now: their start-up overlaps with reading the works
  if (threadsUsed(input.raw.werken?.rows.length ?? 0, { threads }) > 1) warmThreads(threads);
  const werkboek = readWerkboek(input.raw);
  reportProblems(werkboek.problems, io);
  if (werkboek.werken.length === 0) {
    io.stderr('Geen enkel bruikbaar werk gevonden; er is niets geanalyseerd. Zie de meldingen hierboven.\n');
    return 1;
  }
  const progress = progressReporter(werkboek.werken.length, io);
  const pairs = await analyseParallel(werkboek.werken, werkboek.buurten, werkboek.regels, {
    threads, ...(progress ? { onProgress: progress } : {}),
    onThreadFailure: (reason) => io.stderr(`Let op: een rekenkern viel uit (${reason}); dat deel is alsnog hier berekend.\n`),
  });
  const used = threadsUsed(werkboek.werken.length, { threads });
  io.stderr(`${werkboek.werken.length} werken gelezen, ${pairs.length} meekoppelkansen gevonden${used > 1 ? ` (op ${used} processorkernen)` : ''}.\n`);

  if (!output) {
    io.stdout(pairsCsv(pairs, werkboek.werken));
    return 0;
  }
  if (outExt === '.csv') await writeFileAtomic(output, pairsCsv(pairs, werkboek.werken));
  else if (outExt === '.xlsx') await writeWorkbook(input, output, werkboek, pairs, io);
  else await writeFileAtomic(output, pairsGeoJson(pairs, werkboek.werken));
  io.stderr(`Geschreven: ${output}\n`);
  return 0;
}

async function writeWorkbook(input: Input, output: string, werkboek: ReturnType<typeof readWerkboek>, pairs: Meekoppelkans[], io: Streams): Promise<void> {
  let source = input.xlsxBytes;
  let werken = input.raw.werken;
  if (!source) {
    // a CSV has no workbook to write into: make one holding the works
    const fresh = await werkboekFromTable(input.raw.werken!);
    source = fresh.bytes;
    werken = fresh.werken;
    io.stderr('De invoer is een CSV: er is een nieuw werkboek gemaakt met de tabel Werken erin.\n');
  }
  const outcome = await resultsXlsx(source, input.raw.meekoppelkansen, werken, werkboek, pairs);
  reportProblems(outcome.problems, io);
  outcome.notices.forEach((n) => io.stderr(n + '\n'));
  await writeFileAtomic(output, outcome.bytes);
}

/** every 10% of the works, for inputs large enough to wait for */
function progressReporter(total: number, io: Streams): ((done: number, total: number) => void) | undefined {
  if (total < PROGRESS_FROM) return undefined;
  let lastTenth = 0;
  return (done, all) => {
    const tenth = Math.floor((done / all) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      io.stderr(`analyse: ${tenth * 10}% (${done} van ${all} werken)\n`);
    }
  };
}
