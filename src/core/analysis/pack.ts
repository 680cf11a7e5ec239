/**
 * The input of an analysis packed into a few flat arrays, so another thread can run its share of
 * the pair search (analyse's `owned`, `slabShares`) without 100,000 objects being copied to it: every vertex of
 * every geometry in one Float64Array, part boundaries in one Int32Array, the rest per work. The
 * arrays can sit on a SharedArrayBuffer; unpacking makes views on them, not copies.
 */
import type { Buurt, Meekoppelkans, RdGeometry, Werk } from '../types';
import { lazyGeometry } from '../geometry/flat';
import { prepare, type KindCode, type PreparedGeometry } from './prepared';

/** Geometries in flat arrays: geometry i has parts partStart[i]..partStart[i+1]-1 and vertices vertexStart[i].. */
export interface PackedGeometries {
  kinds: Uint8Array;
  /** minX, minY, maxX, maxY per geometry */
  bbox: Float64Array;
  /** per geometry, where its entries in `parts` start (its own part list plus the end entry) */
  partStart: Int32Array;
  /** per geometry, where its vertices start (in vertices, not numbers) */
  vertexStart: Int32Array;
  /** each geometry's part boundaries, relative to its own first vertex, end entry included */
  parts: Int32Array;
  /** per part of a polygon geometry: 1 shell, 0 hole (0 for other kinds) */
  shells: Uint8Array;
  xy: Float64Array;
}

/** What another thread needs to analyse: works and buurten, without the columns the analysis does not read. */
export interface PackedRun {
  /** the works' ids one after another; id i ends at idEnds[i] (one string clones far faster than 100,000) */
  ids: string;
  idEnds: Int32Array;
  /** each work's category as an index into `categorieen` (a run has a handful) */
  categorie: Int32Array;
  categorieen: string[];
  /** start and eind day per work */
  days: Int32Array;
  /** buffer_m per work, NaN when the work has none */
  bufferM: Float64Array;
  werken: PackedGeometries;
  buurtCodes: string[];
  buurten: PackedGeometries;
}

/** makes a typed array on shared memory when asked to (and when the host has it) */
export type Alloc = <T extends Float64Array | Int32Array | Uint8Array>(kind: new (b: ArrayBufferLike) => T, bytesPer: number, n: number) => T;

const plainAlloc: Alloc = (kind, bytesPer, n) => new kind(new ArrayBuffer(bytesPer * n));

function packGeometries(gs: PreparedGeometry[], alloc: Alloc): PackedGeometries {
  let nParts = 0, nVertices = 0;
  for (const g of gs) {
    nParts += g.parts.length;
    nVertices += g.parts[g.parts.length - 1];
  }
  const out: PackedGeometries = {
    kinds: alloc(Uint8Array, 1, gs.length), bbox: alloc(Float64Array, 8, 4 * gs.length),
    partStart: alloc(Int32Array, 4, gs.length + 1), vertexStart: alloc(Int32Array, 4, gs.length + 1),
    parts: alloc(Int32Array, 4, nParts), shells: alloc(Uint8Array, 1, nParts), xy: alloc(Float64Array, 8, 2 * nVertices),
  };
  const { kinds, bbox, partStart, vertexStart, parts, shells, xy } = out;
  let p = 0, v = 0;
  for (let i = 0; i < gs.length; i++) {
    const g = gs[i];
    kinds[i] = g.kind;
    bbox[4 * i] = g.minX;
    bbox[4 * i + 1] = g.minY;
    bbox[4 * i + 2] = g.maxX;
    bbox[4 * i + 3] = g.maxY;
    partStart[i] = p;
    vertexStart[i] = v;
    // element loops: most geometries are a few numbers, where set() costs more than it saves
    const gp = g.parts, n = gp[gp.length - 1];
    for (let k = 0; k < gp.length; k++) parts[p + k] = gp[k];
    if (g.shells) for (let k = 0; k < gp.length - 1; k++) shells[p + k] = g.shells[k];
    for (let k = 0; k < 2 * n; k++) xy[2 * v + k] = g.xy[k];
    p += gp.length;
    v += n;
  }
  partStart[gs.length] = p;
  vertexStart[gs.length] = v;
  return out;
}

/**
 * Packs the works and buurten of a run; `alloc` decides where the arrays live (shared memory for threads).
 *
 * @example
 * const run = packRun(werkboek.werken, werkboek.buurten);
 * unpackRun(run).werken[0].geometry; // the same geometry as werkboek.werken[0].geometry
 */
export function packRun(werken: Werk[], buurten: Buurt[], alloc: Alloc = plainAlloc): PackedRun {
  const days = alloc(Int32Array, 4, 2 * werken.length);
  const bufferM = alloc(Float64Array, 8, werken.length);
  const idEnds = alloc(Int32Array, 4, werken.length);
  const categorie = alloc(Int32Array, 4, werken.length);
  const categorieen = new Map<string, number>();
  let end = 0;
  werken.forEach((w, i) => {
    days[2 * i] = w.start;
    days[2 * i + 1] = w.eind;
    bufferM[i] = w.bufferM ?? NaN;
    idEnds[i] = end += w.id.length;
    let c = categorieen.get(w.categorie);
    if (c === undefined) categorieen.set(w.categorie, (c = categorieen.size));
    categorie[i] = c;
  });
  return {
    ids: werken.map((w) => w.id).join(''), idEnds, categorie, categorieen: [...categorieen.keys()], days, bufferM,
    werken: packGeometries(werken.map((w) => prepare(w.geometry)), alloc),
    buurtCodes: buurten.map((b) => b.code),
    buurten: packGeometries(buurten.map((b) => prepare(b.geometry)), alloc),
  };
}

/** geometry i as views on the packed arrays */
function geometryAt(p: PackedGeometries, i: number): RdGeometry {
  const p0 = p.partStart[i], p1 = p.partStart[i + 1], v0 = p.vertexStart[i], v1 = p.vertexStart[i + 1];
  const kind = p.kinds[i] as KindCode;
  return lazyGeometry({
    kind, xy: p.xy.subarray(2 * v0, 2 * v1), parts: p.parts.subarray(p0, p1),
    shells: kind === 2 ? p.shells.subarray(p0, p1 - 1) : null,
    minX: p.bbox[4 * i], minY: p.bbox[4 * i + 1], maxX: p.bbox[4 * i + 2], maxY: p.bbox[4 * i + 3],
  });
}

/**
 * The works and buurten of a packed run, as far as the analysis reads them (no titel, eigenaar,
 * rij or other columns): their geometries are views on the packed arrays.
 *
 * @example
 * const { werken, buurten } = unpackRun(run);
 * analyse(werken, buurten, regels, { share: { index: 1, of: 2 } });
 */
export function unpackRun(run: PackedRun): { werken: Werk[]; buurten: Buurt[] } {
  const werken = Array.from(run.idEnds, (end, i): Werk => {
    const w: Werk = {
      id: run.ids.slice(i === 0 ? 0 : run.idEnds[i - 1], end), categorie: run.categorieen[run.categorie[i]], eigenaar: '', titel: '', start: run.days[2 * i], eind: run.days[2 * i + 1],
      geometry: geometryAt(run.werken, i), rij: 0, extra: {},
    };
    if (!Number.isNaN(run.bufferM[i])) w.bufferM = run.bufferM[i];
    return w;
  });
  const buurten = run.buurtCodes.map((code, i): Buurt => ({ code, naam: '', geometry: geometryAt(run.buurten, i), values: {}, rij: 0 }));
  return { werken, buurten };
}

/** The works one thread takes: `members` (indices into the run, in order) and which of them it owns. */
export interface Share {
  members: Int32Array;
  /** per member: 1 when this thread looks for the pairs that start at it (see analyse's `owned`) */
  owned: Uint8Array;
}

/**
 * Splits a run over `threads` threads in vertical slabs with equal numbers of works (by bbox centre
 * x). Each thread owns the works of its slab and also gets, as members, the works near enough to
 * pair with them (bboxes grown by each work's own distance, as the index grows them), so it needs
 * only about its own part of the run (and indexes only that).
 *
 * @example
 * const [mine, theirs] = slabShares(werken, regels.afstandM, 2);
 * analyse(Array.from(mine.members, (i) => werken[i]), buurten, regels, { owned: mine.owned }); // with theirs, every pair once
 */
export function slabShares(werken: Werk[], afstandM: number, threads: number): Share[] {
  const n = werken.length;
  // each work's x range grown by its own distance, and its bbox centre
  const lo = new Float64Array(n), hi = new Float64Array(n), centre = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = prepare(werken[i].geometry), d = werken[i].bufferM ?? afstandM;
    lo[i] = g.minX - d;
    hi[i] = g.maxX + d;
    centre[i] = g.minX + g.maxX;
  }
  // slab limits at the quantiles of the centres (a typed-array sort: no comparator calls)
  const sorted = centre.slice().sort();
  const limits = Array.from({ length: threads - 1 }, (_, t) => sorted[Math.floor(((t + 1) * n) / threads)]);
  const slab = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    while (t < limits.length && centre[i] >= limits[t]) t++;
    slab[i] = t;
  }
  return Array.from({ length: threads }, (_, t): Share => {
    // the x range any owned work can reach
    let from = Infinity, to = -Infinity;
    for (let i = 0; i < n; i++) {
      if (slab[i] !== t) continue;
      if (lo[i] < from) from = lo[i];
      if (hi[i] > to) to = hi[i];
    }
    const members = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (slab[i] === t || (hi[i] >= from && lo[i] <= to)) members[m++] = i;
    const owned = new Uint8Array(m);
    for (let k = 0; k < m; k++) owned[k] = slab[members[k]] === t ? 1 : 0;
    return { members: members.slice(0, m), owned };
  });
}

/** Pairs with their shared parts packed: what a thread sends back (nested lists clone slowly). */
export interface PackedPairs {
  pairs: Omit<Meekoppelkans, 'shared'>[];
  shared: PackedGeometries;
}

/**
 * Packs the shared parts of pairs into flat arrays (plain memory: transfer them).
 *
 * @example
 * const packed = packPairs(analyse(werken, buurten, regels)); // post it, then unpackPairs(packed)
 */
export function packPairs(pairs: Meekoppelkans[]): PackedPairs {
  return {
    pairs: pairs.map(({ shared: _shared, ...rest }) => rest),
    shared: packGeometries(pairs.map((p) => prepare(p.shared)), plainAlloc),
  };
}

/**
 * The pairs of `packPairs` again; their shared parts are views on the packed arrays.
 *
 * @example
 * unpackPairs(packPairs(pairs)); // equal to pairs
 */
export function unpackPairs(packed: PackedPairs): Meekoppelkans[] {
  return packed.pairs.map((p, i) => ({ ...p, shared: geometryAt(packed.shared, i) }));
}

/** the buffers of packed arrays, to transfer instead of copy */
export function buffersOf(p: PackedGeometries): ArrayBuffer[] {
  return [p.kinds, p.bbox, p.partStart, p.vertexStart, p.parts, p.shells, p.xy].map((a) => a.buffer as ArrayBuffer);
}
