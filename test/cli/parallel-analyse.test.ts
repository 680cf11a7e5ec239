/**
 * analyseParallel with real worker threads: the same answer as analyse, also when a thread dies.
 */
import { Worker } from 'node:worker_threads';
import { generateWerken } from '../../bench/generate';
import { analyse } from '../../src/core/analysis/analyse';
import { analyseParallel, closeThreads } from '../../src/cli/parallel-analyse';
import { DEFAULT_REGELS } from '../../src/core/types';
import { toWerken, utrechtBuurten } from '../fixtures/engine/load';

const werken = toWerken(generateWerken(2400, 5, { worksPerTile: 800, bufferShare: 0.1 }));
const buurten = utrechtBuurten();
const single = analyse(werken, buurten, DEFAULT_REGELS);

afterAll(() => closeThreads());

describe('analyseParallel', () => {
  it('finds exactly the pairs of analyse, in its order, on two and on three threads', async () => {
    expect(single.length).toBeGreaterThan(300);
    // JSON: pairs from a thread are plain objects, the single-thread ones share their works' geometry objects
    const plain = JSON.parse(JSON.stringify(single));
    expect(JSON.parse(JSON.stringify(await analyseParallel(werken, buurten, DEFAULT_REGELS, { threads: 2, minWorks: 0 })))).toEqual(plain);
    expect(JSON.parse(JSON.stringify(await analyseParallel(werken, buurten, DEFAULT_REGELS, { threads: 3, minWorks: 0 })))).toEqual(plain);
  });

  it('reports progress up to the total', async () => {
    const calls: number[] = [];
    await analyseParallel(werken, buurten, DEFAULT_REGELS, { threads: 2, minWorks: 0, onProgress: (d, t) => calls.push(d / t) });
    expect(calls.length).toBeGreaterThan(10);
    expect(calls[calls.length - 1]).toBe(1);
  });

  it('does the share of a thread that dies on receiving it itself', async () => {
    const post = jest.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker) {
      void this.terminate();
    });
    try {
      const pairs = await analyseParallel(werken, buurten, DEFAULT_REGELS, { threads: 3, minWorks: 0 });
      expect(post).toHaveBeenCalledTimes(2);
      expect(JSON.parse(JSON.stringify(pairs))).toEqual(JSON.parse(JSON.stringify(single)));
    } finally {
      post.mockRestore();
    }
  });

  it('still gives the whole answer when its threads end in the middle of a run', async () => {
    const running = analyseParallel(werken, buurten, DEFAULT_REGELS, { threads: 3, minWorks: 0 });
    await closeThreads();
    expect(JSON.parse(JSON.stringify(await running))).toEqual(JSON.parse(JSON.stringify(single)));
  });
});
