import { formatDecimal } from '../display-format.ts';
import type { LanguageCode, ScaleVersionData } from '../scale-schema.ts';
import type { FidelityScoreTotals } from '../scoring.ts';

/**
 * How a total is printed, everywhere (UI, CLI, CSV, bundles, reports): a complete review's sum as a whole number,
 * an estimate with the scale's decimals (FidelityScore.totalDecimals), in the language's own form: "107,4" and
 * "104" in Finnish and Swedish, "107.4" in English. An empty string when there is no total: the caller says so in
 * its own words.
 */
export function formatTotal(score: Pick<FidelityScoreTotals, 'total' | 'totalDecimals'>, language: LanguageCode): string {
  return score.total === null ? '' : formatDecimal(score.total, language, score.totalDecimals);
}

/**
 * A statistic over several reviews' totals (a mean or a median, as the comparison shows them): always with the
 * scale's estimate decimals ("98,7", "100,0"), since it is no review's total and need not be whole.
 */
export function formatTotalStatistic(value: number, scale: Pick<ScaleVersionData, 'scoring'>, language: LanguageCode): string {
  return formatDecimal(value, language, scale.scoring.partial.decimals);
}

/** The range the total lies in whatever the unrated items score, "81–113" (en dash; one number when complete). */
export function formatBounds(score: Pick<FidelityScoreTotals, 'lowerBound' | 'upperBound'>, language: LanguageCode): string {
  const lower = formatDecimal(score.lowerBound, language, 0);
  return score.lowerBound === score.upperBound ? lower : `${lower}–${formatDecimal(score.upperBound, language, 0)}`;
}

/** The mean item score with two decimals, "4,29" (Finnish reports' pistekeskiarvo); empty when nothing is rated. */
export function formatMean(score: Pick<FidelityScoreTotals, 'meanScore'>, language: LanguageCode): string {
  return score.meanScore === null ? '' : formatDecimal(score.meanScore, language, 2);
}

/**
 * How a band may be stated: 'certain' (a complete review, or both bounds in the band), 'on-rated-items' (an
 * estimate: "taso arvioitujen kriteerien perusteella: hyvä"), or 'none' (too few rated items: no band at all).
 */
export type BandStatement = 'certain' | 'on-rated-items' | 'none';

export function bandStatement(score: Pick<FidelityScoreTotals, 'total' | 'bandCertain'>): BandStatement {
  if (score.total === null) return 'none';
  return score.bandCertain ? 'certain' : 'on-rated-items';
}
