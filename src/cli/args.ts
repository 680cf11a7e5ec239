/**
 * The command line: `koppelkaart analyse INPUT [--buurten FILE] [-o OUTPUT]`.
 */

/** What the user asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'analyse'; input: string; buurten?: string; output?: string }
  | { kind: 'usage-error'; melding: string };

export const HELP = `koppelkaart: vindt meekoppelkansen tussen geplande werken

Gebruik:
  koppelkaart analyse INVOER [--buurten BESTAND] [-o UITVOER]

INVOER     een Excel-werkboek (.xlsx) met de tabellen Werken, Buurten, Koppelkansen en Regels,
           of een CSV-bestand met werken (kolommen als de tabel Werken; ; , of tab; UTF-8 of Windows-1252)
--buurten  buurten uit een GeoJSON FeatureCollection (eigenschappen buurtcode/buurtnaam of
           BU_CODE/BU_NAAM; WGS84 of RD New) of uit een .xlsx met een tabel Buurten
-o         uitvoer, soort naar de extensie:
             .csv      één rij per meekoppelkans (UTF-8, komma's)
             .geojson  de gedeelde stukken in WGS84, met dezelfde eigenschappen
             .xlsx     het werkboek met de werkbladen Meekoppelkansen en Controle erbij
           zonder -o: CSV naar standaarduitvoer
-h, --help deze hulp

Problemen in de invoer gaan naar standaardfout. Afsluitcode: 0 als er iets geanalyseerd is,
1 als er geen enkel bruikbaar werk was, 2 bij verkeerd gebruik.`;

/**
 * Parses the arguments after the program name.
 *
 * @example
 * parseArgs(['analyse', 'werken.csv', '-o', 'uit.csv']); // { kind: 'analyse', input: 'werken.csv', output: 'uit.csv' }
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'analyse') return { kind: 'usage-error', melding: `Onbekend commando '${command}'. Bedoelde u 'koppelkaart analyse INVOER'?` };
  const positional: string[] = [];
  let buurten: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--buurten' || flag === '-o' || flag === '--output') {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return { kind: 'usage-error', melding: `Na ${flag} hoort een bestandsnaam.` };
      if (flag === '--buurten') buurten = value;
      else output = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage-error', melding: `Onbekende optie '${arg}'.` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    return { kind: 'usage-error', melding: positional.length === 0 ? 'Geef een invoerbestand (.xlsx of .csv).' : `Eén invoerbestand graag, niet ${positional.length}.` };
  }
  return { kind: 'analyse', input: positional[0], buurten, output };
}
