import { stringify } from 'csv-stringify/sync';
import type { ReviewKind } from '../../../scales/review-rules/review-kinds.ts';
import { formatIsoDate, localized } from '../../../scales/display-format.ts';
import type { LocalizedText } from '../../../scales/scale-schema.ts';
import { bandStatement, formatMean, formatTotal } from '../../../scales/review-rules/total-format.ts';
import type { FidelityScoreTotals } from '../../../scales/scoring.ts';
import { CSV_MESSAGES } from './csv-messages.ts';

export type CsvLanguage = 'fi' | 'sv' | 'en';

/** One review as a CSV row needs it; the handler fills it from the same views the API returns. */
export interface CsvReview {
  site: string;
  /** The region's name in the file's language (a free-text region as written) and its code in the list, if listed. */
  region: { name: string; code: string | null } | null;
  collaboration: { model: 1 | 2 | 'other'; note: string | null } | null;
  visitDates: readonly string[];
  kind: ReviewKind;
  reviewingOrganisation: string | null;
  status: 'draft' | 'consensus' | 'final';
  scale: { id: string; version: string };
  /** The result's score per item; items without a score (not rated, undecided) are left out. */
  itemScores: ReadonlyMap<number, number>;
  score: Pick<FidelityScoreTotals, 'total' | 'totalDecimals' | 'estimate' | 'band' | 'bandCertain' | 'ratedItems' | 'meanScore' | 'lowerBound' | 'upperBound'>;
  /** The band's label, or null below the minimum of rated items. */
  band: LocalizedText | null;
}

/**
 * Excel opens a .csv with the list separator of the Windows region settings. In Finland and Sweden that is ';'
 * (the comma is the decimal separator), so a comma-separated file would open as one column there; English
 * settings use ','. The decimal separator follows the same language, so Excel reads totals as numbers.
 */
export const CSV_DELIMITER: Record<CsvLanguage, string> = { fi: ';', sv: ';', en: ',' };

/**
 * A cell starting with =, +, -, @ (or a tab or CR) is run as a formula by spreadsheet programs; site and region
 * names are typed by users, so such a name gets a leading apostrophe (OWASP "CSV injection"). Excel hides it.
 */
export const neutraliseFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * Dates as Excel in the language's region reads them as dates: 20.11.2026 in Finnish and Swedish (sv-FI), ISO
 * 2026-11-20 in English (the only form every English region setting reads the same way).
 */
export const formatDate = (isoDate: string, language: CsvLanguage) => (language === 'en' ? isoDate : formatIsoDate(isoDate, language));

/**
 * Reviews x items as CSV: one row per review (site, region and its code, collaboration model, dates, kind, reviewing organisation, status, scale version, every item's score,
 * total, estimate, band, rated count). UTF-8 with a byte order mark, so that Excel shows ä and ö right, and CRLF
 * line ends; fields with the delimiter, quotes or line breaks are quoted by csv-stringify.
 */
/** The band as it may be said (bandStatement): plainly when certain, else "on the rated items". */
function bandCell(r: CsvReview, language: CsvLanguage): string {
  const m = CSV_MESSAGES[language];
  const statement = bandStatement(r.score);
  if (statement === 'none' || r.band === null) return m.insufficient;
  const label = localized(r.band, language);
  return statement === 'certain' ? label : m.bandOnRatedItems.replace('{{band}}', label);
}

function collaborationCell(r: CsvReview, language: CsvLanguage): string {
  if (r.collaboration === null) return '';
  const labels = CSV_MESSAGES[language].collaboration;
  return r.collaboration.model === 'other' ? labels.other.replace('{{note}}', r.collaboration.note ?? '') : labels[r.collaboration.model];
}

export function reviewsCsv(reviews: readonly CsvReview[], items: readonly number[], language: CsvLanguage): string {
  const m = CSV_MESSAGES[language];
  const h = m.headers;
  const header = [h.site, h.region, h.regionCode, h.collaborationModel, h.visitDates, h.kind, h.reviewingOrganisation, h.status, h.scaleVersion, ...items.map(String), h.total, h.estimate, h.band, h.ratedItems, h.mean, h.lowerBound, h.upperBound];
  const rows = reviews.map((r) => [
    neutraliseFormula(r.site),
    neutraliseFormula(r.region?.name ?? ''),
    r.region?.code ?? '',
    neutraliseFormula(collaborationCell(r, language)),
    r.visitDates.map((d) => formatDate(d, language)).join(', '),
    m.kind[r.kind],
    neutraliseFormula(r.reviewingOrganisation ?? ''),
    m.status[r.status],
    `${r.scale.id} ${r.scale.version}`,
    ...items.map((item) => (r.itemScores.has(item) ? String(r.itemScores.get(item)) : '')),
    formatTotal(r.score, language),
    r.score.total === null ? '' : r.score.estimate ? m.yes : m.no,
    bandCell(r, language),
    String(r.score.ratedItems),
    formatMean(r.score, language),
    String(r.score.lowerBound),
    String(r.score.upperBound),
  ]);
  return stringify([header, ...rows], csvOptions(language));
}

/** How every CSV of the app is written (the reviews, the action plan): BOM, the language's delimiter, CRLF. */
export const csvOptions = (language: CsvLanguage) => ({
  bom: true,
  delimiter: CSV_DELIMITER[language],
  record_delimiter: 'windows' as const,
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR; quote those too.
  quoted_match: /[\r\n]/,
});

/** A file name part the usual file systems accept: no path separators, reserved characters or control characters. */
export const fileNamePart = (text: string) => text.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').replace(/\s+/g, ' ').trim();
