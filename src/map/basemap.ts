/**
 * The PDOK BRT Achtergrondkaart (grijs) in Web Mercator. When tiles cannot load (offline, blocked)
 * the map goes on with the buurt outlines alone: a failure before any tile loaded removes the layer quietly and
 * tells the caller once, instead of a failed request for every tile of every pan.
 */
import L from 'leaflet';

export const PDOK_GRIJS_URL = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png';
export const PDOK_ATTRIBUTIE =
  'Achtergrond: <a href="https://www.pdok.nl/introductie/-/article/basisregistratie-topografie-achtergrondkaarten-brt-a-">BRT Achtergrondkaart</a> © Kadaster';

/**
 * Adds the base map to a map.
 *
 * @example
 * addBasemap(map, () => status.textContent = 'Achtergrondkaart niet bereikbaar');
 */
export function addBasemap(map: L.Map, onUnavailable: () => void, url = PDOK_GRIJS_URL): L.TileLayer {
  const tiles = L.tileLayer(url, { attribution: PDOK_ATTRIBUTIE, maxZoom: 19, minZoom: 6, crossOrigin: true });
  let gone = false;
  let loaded = false;
  tiles.on('tileload', () => (loaded = true));
  tiles.on('tileerror', () => {
    // one missing tile of a working service is not an outage
    if (gone || loaded) return;
    gone = true;
    // after the current event: removing a layer inside its own handler trips Leaflet
    setTimeout(() => {
      map.removeLayer(tiles);
      map.attributionControl.addAttribution('Achtergrondkaart niet bereikbaar');
      onUnavailable();
    }, 0);
  });
  return tiles.addTo(map);
}
