/**
 * Every colour and line style of the map, in one place. Palettes are Paul Tol's muted and vibrant
 * sets and Okabe-Ito: distinguishable for the common forms of colour blindness.
 */

/** categorie → colour (Tol muted); unknown categories get `OVERIGE_CATEGORIE` */
export const CATEGORIE_KLEUREN: Readonly<Record<string, string>> = Object.freeze({
  warmtenet: '#CC6677',
  riolering: '#882255',
  drinkwater: '#88CCEE',
  gas: '#DDCC77',
  elektriciteit: '#332288',
  glasvezel: '#AA4499',
  groen: '#117733',
  klimaatadaptatie: '#44AA99',
  herinrichting: '#999933',
  renovatie: '#555555',
});
export const OVERIGE_CATEGORIE = '#9e9e9e';

/** pair status → colour (Tol vibrant) */
export const STATUS_KLEUREN: Readonly<Record<string, string>> = Object.freeze({
  nieuw: '#EE3377',
  'in overleg': '#EE7733',
  afgesproken: '#0077BB',
  verzilverd: '#009988',
  'bewust niet gekoppeld': '#BBBBBB',
  vervallen: '#BBBBBB',
});

/** koppelkans thema → colour (Okabe-Ito) */
export const THEMA_KLEUREN: Readonly<Record<string, string>> = Object.freeze({
  gezondheid: '#009E73',
  'armoede & schulden': '#E69F00',
  participatie: '#56B4E9',
  'fysieke wijkverbetering': '#D55E00',
  'openbare ruimte als verbinder': '#CC79A7',
});
export const OVERIG_THEMA = '#999999';

export const SELECTIE_KLEUR = '#0078D4';

/** The colour of a work's categorie. */
export function categorieKleur(categorie: string): string {
  return CATEGORIE_KLEUREN[categorie.trim().toLowerCase()] ?? OVERIGE_CATEGORIE;
}

/** The colour of a pair's status; an unknown status counts as `nieuw`. */
export function statusKleur(status: string): string {
  return STATUS_KLEUREN[status.trim().toLowerCase()] ?? STATUS_KLEUREN.nieuw;
}

/** The colour of a koppelkans thema. */
export function themaKleur(thema: string): string {
  return THEMA_KLEUREN[thema.trim().toLowerCase()] ?? OVERIG_THEMA;
}

/** a koppelkans whose status says it is done is drawn hollow */
export function isAfgerond(status: string): boolean {
  return /afgerond|gereed|klaar|voltooid|gerealiseerd/i.test(status);
}

export const BUURT_STIJL = { color: '#605e5c', weight: 1, opacity: 0.9, fillOpacity: 0 };
export const WERK_GEWICHT = 3;
export const PAAR_GEWICHT = 6;
