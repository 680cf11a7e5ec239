/**
 * Writes the bad-input corpus to test/fixtures/bad-input/<werkboek>/: one JSON file per table,
 * `controle.json` (the Controle rows the bad rows must produce) and `resultaat.json` (what the good
 * rows must still read and analyse as). Run after changing a case:
 *   npx tsx test/hardening/bad-input/make.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureWerkboek } from './corpus';
import { rijen } from './rijen';
import { geenTabellen, kolommen, koppen, leeg } from './tabellen';

const OUT = join(__dirname, '../../fixtures/bad-input');

// one row per line keeps a diff of the corpus readable
function json(value: unknown): string {
  if (Array.isArray(value)) return `[\n${value.map((v) => ` ${JSON.stringify(v)}`).join(',\n')}\n]\n`;
  return JSON.stringify(value, null, 1) + '\n';
}

function write(wb: FixtureWerkboek): void {
  const dir = join(OUT, wb.name);
  mkdirSync(dir, { recursive: true });
  for (const [role, table] of Object.entries(wb.tables)) {
    const { rows, ...rest } = table;
    writeFileSync(join(dir, `${role}.json`), `{${Object.entries(rest).map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(', ')},\n"rows": ${json(rows)}}\n`);
  }
  writeFileSync(join(dir, 'controle.json'), json(wb.controle));
  writeFileSync(join(dir, 'resultaat.json'), JSON.stringify(wb.result, null, 1) + '\n');
}

for (const wb of [rijen(), koppen(), leeg(), kolommen(), geenTabellen()]) write(wb);
