import en from '../messages/csv/en.json' with { type: 'json' };
import fi from '../messages/csv/fi.json' with { type: 'json' };
import sv from '../messages/csv/sv.json' with { type: 'json' };

/**
 * Wording of the reviews CSV (headers and the few words in its cells), in per-language message files
 * (electron/backend/messages/csv/) typed here, so the compiler guarantees every language has every key. The words
 * match the app's own UI messages (renderer/i18n/locales: reviewKind, reviewStatus) so the file reads like the screen.
 */
export interface CsvMessages {
  headers: {
    site: string; region: string; regionCode: string; collaborationModel: string; visitDates: string; kind: string; reviewingOrganisation: string; status: string; scaleVersion: string;
    total: string; estimate: string; band: string; ratedItems: string; mean: string; lowerBound: string; upperBound: string;
  };
  kind: { external: string; self: string; peer: string };
  /** The site's collaboration model (issue 13); "other" with its note: "Muu malli: {{note}}". */
  collaboration: { '1': string; '2': string; other: string };
  status: { draft: string; consensus: string; final: string };
  yes: string;
  no: string;
  insufficient: string;
  /** The band of an estimate whose bounds span bands: "taso arvioitujen kriteerien perusteella: {{band}}". */
  bandOnRatedItems: string;
  /** File name parts: ips-arvioinnit-<scope>-<date>.csv */
  filePrefix: string;
  allSites: string;
}

export const CSV_MESSAGES: Record<'fi' | 'sv' | 'en', CsvMessages> = { fi, sv, en };
