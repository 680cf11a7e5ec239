/**
 * Which buurten a shared part touches: a flatbush index over the buurt bboxes, then exact tests.
 */
import Flatbush from 'flatbush';
import type { Buurt, RdGeometry } from '../types';
import { withinDistance } from './distance';
import { prepare, type PreparedGeometry } from './prepared';

/** The buurten of a run, indexed once. */
export class BuurtIndex {
  private readonly index: Flatbush | null;
  private readonly shapes: PreparedGeometry[];

  constructor(private readonly buurten: Buurt[]) {
    this.shapes = buurten.map((b) => prepare(b.geometry));
    this.index = buurten.length ? new Flatbush(buurten.length) : null;
    if (!this.index) return;
    for (const s of this.shapes) this.index.add(s.minX, s.minY, s.maxX, s.maxY);
    this.index.finish();
  }

  /**
   * Codes of the buurten whose polygon the geometry intersects, sorted.
   *
   * @example
   * new BuurtIndex(buurten).touchedBy(shared); // ['0111', '0112']
   */
  touchedBy(g: RdGeometry): string[] {
    if (!this.index) return [];
    const s = prepare(g);
    if (s.parts.length < 2) return [];
    const hits = this.index.search(s.minX, s.minY, s.maxX, s.maxY);
    const codes = hits.filter((i) => withinDistance(s, this.shapes[i], 0)).map((i) => this.buurten[i].code);
    return [...new Set(codes)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
