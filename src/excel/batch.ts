/**
 * Batching for office-js: writes packed into as few `context.sync()` calls as the payload budget
 * allows, and reads sliced so that no response comes near Excel on the web's 5 MB limit.
 */

/** Budgets for one request; Excel on the web refuses a request or response above 5 MB. */
export interface BatchOptions {
  /** largest JSON payload written per sync, in bytes (default 1,000,000) */
  maxRequestBytes?: number;
  /** most cells loaded per sync (default 50,000); halved on a payload error */
  maxReadCells?: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
export const DEFAULT_MAX_READ_CELLS = 50_000;

/** The JSON length of a payload, as office-js sends it. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** A run of rows, `start` relative to the first row given. */
export interface RowChunk<T> {
  start: number;
  rows: T[][];
  bytes: number;
}

/**
 * Consecutive runs of rows whose JSON stays within `maxBytes` (a single larger row is a run of
 * its own).
 */
export function chunkRows<T>(rows: T[][], maxBytes: number): RowChunk<T>[] {
  const chunks: RowChunk<T>[] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const size = jsonBytes(rows[i]) + 1;
    if (i > start && bytes + size > maxBytes) {
      chunks.push({ start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 2;
    }
    bytes += size;
  }
  if (rows.length > start) chunks.push({ start, rows: rows.slice(start), bytes });
  return chunks;
}

/** One queued write: its size and the office-js calls that make it. */
export interface WritePiece {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

/**
 * Queues the pieces and syncs whenever the next one would take the request over `maxBytes`;
 * returns the number of syncs made.
 */
export async function syncPacked(context: Excel.RequestContext, pieces: WritePiece[], maxBytes: number): Promise<number> {
  let syncs = 0;
  let bytes = 0;
  for (const piece of pieces) {
    if (bytes > 0 && bytes + piece.bytes > maxBytes) {
      await context.sync();
      syncs++;
      bytes = 0;
    }
    piece.queue(context);
    bytes += piece.bytes;
  }
  if (bytes > 0) {
    await context.sync();
    syncs++;
  }
  return syncs;
}

/** True for office-js's "request / response too large" errors. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded/i.test(code);
}
