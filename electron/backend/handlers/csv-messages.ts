/**
 * Wording of the reviews CSV (headers and the few words in its cells). Kept as one typed object rather than JSON
 * files: the compiler then guarantees every language has every key. The words match the app's own UI messages
 * (renderer/i18n/locales: reviewKind, reviewStatus) so the file reads like the screen.
 */
export interface CsvMessages {
  headers: {
    site: string; region: string; visitDates: string; kind: string; status: string; scaleVersion: string;
    total: string; estimate: string; band: string; ratedItems: string;
  };
  kind: { external: string; self: string };
  status: { draft: string; consensus: string; final: string };
  yes: string;
  no: string;
  insufficient: string;
  /** File name parts: ips-arvioinnit-<scope>-<date>.csv */
  filePrefix: string;
  allSites: string;
}

export const CSV_MESSAGES = {
  fi: {
    headers: {
      site: 'Yksikkö', region: 'Alue', visitDates: 'Käyntipäivät', kind: 'Laji', status: 'Tila', scaleVersion: 'Asteikon versio',
      total: 'Yhteispistemäärä', estimate: 'Arvio?', band: 'Taso', ratedItems: 'Arvioituja kohtia',
    },
    kind: { external: 'Ulkoinen arviointi', self: 'Itsearviointi' },
    status: { draft: 'Luonnos', consensus: 'Konsensus', final: 'Valmis' },
    yes: 'kyllä',
    no: 'ei',
    insufficient: 'liian vähän arvioituja kohtia',
    filePrefix: 'ips-arvioinnit',
    allSites: 'kaikki',
  },
  sv: {
    headers: {
      site: 'Enhet', region: 'Område', visitDates: 'Besöksdagar', kind: 'Typ', status: 'Status', scaleVersion: 'Skalans version',
      total: 'Total poäng', estimate: 'Uppskattning?', band: 'Nivå', ratedItems: 'Bedömda punkter',
    },
    kind: { external: 'Extern utvärdering', self: 'Självutvärdering' },
    status: { draft: 'Utkast', consensus: 'Konsensus', final: 'Slutlig' },
    yes: 'ja',
    no: 'nej',
    insufficient: 'för få bedömda punkter',
    filePrefix: 'ips-utvarderingar',
    allSites: 'alla',
  },
  en: {
    headers: {
      site: 'Site', region: 'Region', visitDates: 'Visit dates', kind: 'Kind', status: 'Status', scaleVersion: 'Scale version',
      total: 'Total', estimate: 'Estimate?', band: 'Band', ratedItems: 'Rated items',
    },
    kind: { external: 'External review', self: 'Self-assessment' },
    status: { draft: 'Draft', consensus: 'Consensus', final: 'Final' },
    yes: 'yes',
    no: 'no',
    insufficient: 'too few items rated',
    filePrefix: 'ips-reviews',
    allSites: 'all',
  },
} as const satisfies Record<'fi' | 'sv' | 'en', CsvMessages>;
