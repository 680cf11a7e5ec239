/**
 * The cold start, run by bench/run.ts in a fresh process: how long the engine's first analysis of
 * 10,000 works takes before V8 has optimised anything, and the runs after it. Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const libs = ['jsts/dist/jsts.min.js', 'proj4', 'flatbush'].map((m) => require(m));
const libsMs = performance.now() - t0;

async function main(): Promise<void> {
  const { generateWerken } = await import('./generate');
  const { prepareInput, engineRun } = await import('./engine');
  const inp = prepareInput(generateWerken(10000, 1));
  const runs = [];
  for (let k = 0; k < 6; k++) {
    const r = engineRun(inp);
    runs.push({ parseMs: r.parseMs, indexMs: r.indexMs, pairsMs: r.pairsMs });
  }
  console.log(JSON.stringify({ libsMs, loaded: libs.length, runs }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
