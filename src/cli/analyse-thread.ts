/**
 * A worker thread of analyseParallel (parallel-analyse.ts): unpacks the run it is sent and answers
 * with the pairs of its share. Stays alive for the next run.
 */
import { parentPort } from 'node:worker_threads';
import { analyse } from '../core/analysis/analyse';
import { buffersOf, packPairs, unpackRun } from '../core/analysis/pack';
import type { ThreadJob, ThreadReply } from './parallel-analyse';

const port = parentPort;
if (!port) throw new Error('analyse-thread.ts runs as a worker thread of parallel-analyse.ts, not on its own');

port.on('message', (job: ThreadJob) => {
  let reply: ThreadReply;
  try {
    const { werken, buurten } = unpackRun(job.run);
    reply = { job: job.job, pairs: packPairs(analyse(werken, buurten, job.regels, { owned: job.owned })) };
  } catch (err) {
    reply = { job: job.job, error: err instanceof Error ? err.stack ?? err.message : String(err) };
  }
  // the packed shared parts move to the other thread instead of being copied
  port.postMessage(reply, 'pairs' in reply ? buffersOf(reply.pairs.shared) : []);
});
