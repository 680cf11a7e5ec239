/**
 * The command line: `koppelkaart analyse|import-werken|import-buurten|nieuw|export ...`.
 */

/** What the user asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'analyse'; input: string; buurten?: string; output?: string; threads?: number }
  | { kind: 'import-werken'; workbook: string; csv: string; bron?: string; vervangEigenaar?: string; mapping?: string; output?: string }
  | { kind: 'import-buurten'; workbook: string; geojson: string; output?: string }
  | { kind: 'nieuw'; output: string }
  | { kind: 'export'; input: string; output: string; werken: boolean; rd: boolean }
  | { kind: 'usage-error'; melding: string };

export const HELP = `koppelkaart: vindt meekoppelkansen tussen geplande werken

Gebruik:
  koppelkaart analyse INVOER [--buurten BESTAND] [-o UITVOER] [--threads N]
  koppelkaart nieuw UIT.xlsx
  koppelkaart import-werken WERKBOEK.xlsx CSV [--bron NAAM] [--vervang-eigenaar NAAM] [--mapping kolom=veld,...] [-o UIT.xlsx]
  koppelkaart import-buurten WERKBOEK.xlsx GEOJSON [-o UIT.xlsx]
  koppelkaart export WERKBOEK.xlsx -o UIT.geojson|UIT.csv [--werken] [--rd]

analyse         INVOER is een Excel-werkboek (.xlsx) met de tabellen Werken, Buurten, Koppelkansen en Regels,
                of een CSV-bestand met werken (kolommen als de tabel Werken; ; , of tab; UTF-8 of Windows-1252)
  --buurten     buurten uit een GeoJSON FeatureCollection (buurtcode/buurtnaam of BU_CODE/BU_NAAM; WGS84 of
                RD New) of uit een .xlsx met een tabel Buurten
  -o            .csv (één rij per meekoppelkans), .geojson (gedeelde stukken in WGS84) of .xlsx (het werkboek
                met de werkbladen Meekoppelkansen en Controle); zonder -o: CSV naar standaarduitvoer
  --threads     op hoeveel processorkernen de analyse rekent (standaard: alle); pas vanaf 20.000 werken
nieuw           maakt een werkboek met de lege tabellen Buurten, Werken, Koppelkansen en Regels (met standaardregels);
                bestaat UIT.xlsx al, dan komen alleen de ontbrekende tabellen erbij
import-werken   voegt de werken uit een CSV (; , of tab; UTF-8 of Windows-1252; decimale komma; Nederlandse datums;
                geometrie, x/y in RD of lat/lon) toe aan de tabel Werken
  --bron        naam van de bron (standaard de bestandsnaam); de kolomkoppeling wordt per bron onthouden
  --vervang-eigenaar  haalt eerst de rijen van deze eigenaar weg (en vult hem in waar de CSV geen eigenaar heeft)
  --mapping     koppeling van CSV-kolommen aan velden, bijv. "Projectnr=id,Soort werk=categorie"; velden:
                id, categorie, eigenaar, titel, start, eind, geometrie, x, y, lat, lon, buffer_m, status, budget, contact;
                "Kolom=" (niets na =) neemt die kolom niet over, ook als de naam een bekende kolomnaam is
import-buurten  zet de buurten (of wijken) uit een GeoJSON in WGS84 of RD New in de tabel Buurten; een buurt met een
                code die er al staat wordt vervangen
  -o            het nieuwe werkboek; zonder -o wordt WERKBOEK.xlsx zelf bijgewerkt
export          de meekoppelkansen (gedeelde stukken, alle kolommen) als GeoJSON, of de tabel Meekoppelkansen als CSV
                (; en UTF-8 met BOM, voor Excel)
  --werken      de werken in plaats van de meekoppelkansen (GeoJSON)
  --rd          GeoJSON in RD New (EPSG:28992) in plaats van WGS84
-h, --help      deze hulp

Problemen in de invoer gaan naar standaardfout (en bij import naar het werkblad Controle). Afsluitcode: 0 als het
gelukt is, 1 als er niets bruikbaars was, 2 bij verkeerd gebruik.`;

interface Spec {
  positional: string[];
  values: string[];
  flags: string[];
}

const SPECS: Record<string, Spec> = {
  analyse: { positional: ['INVOER'], values: ['--buurten', '-o', '--output', '--threads'], flags: [] },
  'import-werken': { positional: ['WERKBOEK.xlsx', 'CSV'], values: ['--bron', '--vervang-eigenaar', '--mapping', '-o', '--output'], flags: [] },
  'import-buurten': { positional: ['WERKBOEK.xlsx', 'GEOJSON'], values: ['-o', '--output'], flags: [] },
  nieuw: { positional: ['UIT.xlsx'], values: [], flags: [] },
  export: { positional: ['WERKBOEK.xlsx'], values: ['-o', '--output'], flags: ['--werken', '--rd'] },
};

type Parsed = { positional: string[]; values: Record<string, string>; flags: Set<string> } | { melding: string };

function parseFlags(spec: Spec, rest: readonly string[]): Parsed {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (spec.values.includes(flag)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return { melding: `Na ${flag} hoort een waarde.` };
      values[flag === '--output' ? '-o' : flag] = value;
    } else if (spec.flags.includes(flag)) flags.add(flag);
    else if (arg.startsWith('-') && arg !== '-') return { melding: `Onbekende optie '${arg}'.` };
    else positional.push(arg);
  }
  if (positional.length === 0) return { melding: `Geef een invoerbestand: ${spec.positional.join(' ')}.` };
  if (positional.length !== spec.positional.length) {
    return { melding: `Verwacht: ${spec.positional.join(' ')} (${spec.positional.length} bestand${spec.positional.length > 1 ? 'en' : ''}), gekregen: ${positional.length}.` };
  }
  return { positional, values, flags };
}

/**
 * Parses the arguments after the program name.
 *
 * @example
 * parseArgs(['analyse', 'werken.csv', '-o', 'uit.csv']); // { kind: 'analyse', input: 'werken.csv', output: 'uit.csv' }
 * parseArgs(['export', 'w.xlsx', '-o', 'w.geojson', '--rd']); // { kind: 'export', input: 'w.xlsx', output: 'w.geojson', werken: false, rd: true }
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { kind: 'help' };
  const [command, ...rest] = argv;
  const spec = SPECS[command];
  if (!spec) return { kind: 'usage-error', melding: `Onbekend commando '${command}'. Kies uit: ${Object.keys(SPECS).join(', ')}.` };
  const p = parseFlags(spec, rest);
  if ('melding' in p) return { kind: 'usage-error', melding: p.melding };
  const [first, second] = p.positional;
  const v = p.values;
  switch (command) {
    case 'analyse': {
      const threads = v['--threads'] === undefined ? undefined : Number(v['--threads']);
      if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
        return { kind: 'usage-error', melding: `--threads '${v['--threads']}' is geen geheel getal van 1 of meer.` };
      }
      return { kind: 'analyse', input: first, buurten: v['--buurten'], output: v['-o'], ...(threads ? { threads } : {}) };
    }
    case 'import-werken': return { kind: 'import-werken', workbook: first, csv: second, bron: v['--bron'], vervangEigenaar: v['--vervang-eigenaar'], mapping: v['--mapping'], output: v['-o'] };
    case 'import-buurten': return { kind: 'import-buurten', workbook: first, geojson: second, output: v['-o'] };
    case 'nieuw': return { kind: 'nieuw', output: first };
    default:
      if (!v['-o']) return { kind: 'usage-error', melding: 'Geef met -o het uitvoerbestand (.geojson of .csv).' };
      return { kind: 'export', input: first, output: v['-o'], werken: p.flags.has('--werken'), rd: p.flags.has('--rd') };
  }
}
