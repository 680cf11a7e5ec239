/** Draws a pair's timeline (see timeline.ts) as SVG, built with DOM calls. */
import { svg } from './dom';
import { tijdlijn, type Periode } from './timeline';

const W = 280;
const H = 64;
const BAR_H = 12;

/** An SVG of two works' periods with their gap or overlap marked; colours per work. */
export function tijdlijnSvg(a: Periode & { label: string; kleur: string }, b: Periode & { label: string; kleur: string }): SVGSVGElement {
  const t = tijdlijn(a, b, W);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'kk-tijdlijn', role: 'img' });
  root.appendChild(svg('title', {}, `Tijdlijn: ${a.label} en ${b.label}`));
  for (const tick of t.ticks) {
    root.appendChild(svg('line', { x1: tick.x, x2: tick.x, y1: 0, y2: H - 14, class: 'kk-tijdlijn-tick' }));
    if (tick.x < W - 10) root.appendChild(svg('text', { x: tick.x + 2, y: H - 3, class: 'kk-tijdlijn-jaar' }, String(tick.jaar)));
  }
  const m = t.marker;
  root.appendChild(svg('rect', {
    x: m.x, y: 2, width: Math.max(1, m.width), height: 2 * BAR_H + 10,
    class: m.soort === 'overlap' ? 'kk-tijdlijn-overlap' : 'kk-tijdlijn-tussen',
  }, svg('title', {}, m.soort === 'overlap' ? `${m.dagen} dagen tegelijk` : `${m.dagen} dagen ertussen`)));
  root.appendChild(svg('rect', { x: t.a.x, y: 6, width: t.a.width, height: BAR_H, fill: a.kleur, rx: 2 }, svg('title', {}, a.label)));
  root.appendChild(svg('rect', { x: t.b.x, y: 8 + BAR_H, width: t.b.width, height: BAR_H, fill: b.kleur, rx: 2 }, svg('title', {}, b.label)));
  root.dataset.marker = m.soort;
  return root;
}
