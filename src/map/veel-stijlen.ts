/**
 * The looks of works and pairs for the VeelLaag, one shared object per distinct look, so a layer
 * groups its features by look and strokes each group once.
 */
import type { KaartPaar, KaartWerk } from '../ui/model';
import { PAAR_GEWICHT, SELECTIE_KLEUR, WERK_GEWICHT, categorieKleur, statusKleur } from './styles';
import type { VeelStijl } from './veel-laag';

export class VeelStijlen {
  private readonly cache = new Map<string, VeelStijl>();

  /** A work in its categorie's colour; selected: the selection colour, thicker. */
  werk(w: KaartWerk, geselecteerd: boolean): VeelStijl {
    return this.een(`w|${w.categorie}|${w.vorm}|${geselecteerd}`, () => {
      const kleur = categorieKleur(w.categorie);
      return {
        color: geselecteerd ? SELECTIE_KLEUR : kleur, fillColor: kleur,
        weight: geselecteerd ? WERK_GEWICHT + 3 : WERK_GEWICHT, opacity: 0.9,
        fillOpacity: w.vorm === 'poly' ? 0.25 : 0.9, radius: 5,
      };
    });
  }

  /** A pair's shared part in its status colour, bold for a stretch; dashed when vervallen. */
  paar(p: KaartPaar, geselecteerd: boolean): VeelStijl {
    return this.een(`p|${p.status}|${p.vorm}|${geselecteerd}`, () => {
      const kleur = statusKleur(p.status);
      // a shared stretch is drawn bold; a shared area or point only outlined, or it hides the works
      const gewicht = p.vorm === 'line' ? PAAR_GEWICHT : 3;
      return {
        color: geselecteerd ? SELECTIE_KLEUR : kleur, fillColor: kleur,
        weight: geselecteerd ? gewicht + 3 : gewicht, opacity: 0.95, fillOpacity: p.vorm === 'poly' ? 0.35 : 0.8,
        dash: p.status === 'vervallen' ? [6, 6] : undefined, radius: 6, lineCap: 'butt',
      };
    });
  }

  private een(key: string, maak: () => VeelStijl): VeelStijl {
    let s = this.cache.get(key);
    if (!s) this.cache.set(key, (s = maak()));
    return s;
  }
}
