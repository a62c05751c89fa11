import type { TFunction } from 'i18next';
import { formatDecimal, formatIsoDate, localized } from '../scales/display-format.ts';
import { bandStatement, formatBounds, formatMean, formatTotal } from '../scales/review-rules/total-format.ts';
import type { ReviewFile } from '../scales/review-file.ts';
import type { LanguageCode } from '../scales/scale-schema.ts';
import type { ScaleVersion } from '../scales/scale-version.ts';
import type { FidelityScore } from '../scales/scoring.ts';

/** The readable summary `ips-fidelity score` prints: what a reviewer would write on the report's first page. */
export function scoreSummary(review: ReviewFile, scale: ScaleVersion, score: FidelityScore, language: LanguageCode, t: TFunction): string {
  const data = scale.data;
  const dates = review.visitDates.map((d) => formatIsoDate(d, language)).join(', ');
  const mean = score.meanScore === null ? t('score.none') : formatMean(score, language);
  const lines = [
    `${review.site.name}: ${t(`score.kind.${review.kind}`)} ${dates}`,
    ...(review.reviewingOrganisation ? [`${t('score.reviewingOrganisation')}: ${review.reviewingOrganisation}`] : []),
    `${t('score.scale')}: ${localized(data.title, language)} (${data.id} ${data.version})`,
    `${t('score.rated')}: ${t('score.ratedValue', { rated: score.ratedItems, total: score.totalItems })}`,
    `${t('score.mean')}: ${mean}`,
  ];
  if (!score.complete) lines.push(`${t('score.bounds')}: ${formatBounds(score, language)}`);
  const statement = bandStatement(score);
  if (statement === 'none') {
    lines.push(`${t('score.total')}: ${t('score.none')}`);
    lines.push(`${t('score.band')}: ${t('score.insufficient', { min: data.scoring.partial.minRatedItems })}`);
  } else {
    const suffix = score.estimate ? ` (${t('score.estimate', { rated: score.ratedItems, total: score.totalItems })})` : '';
    const band = data.scoring.bands.find((b) => b.key === score.band);
    const label = band ? localized(band.label, language) : score.band;
    lines.push(`${t('score.total')}: ${formatTotal(score, language)}${suffix}`);
    lines.push(`${t('score.band')}: ${statement === 'certain' ? label : t('score.bandOnRatedItems', { band: label })}`);
  }
  lines.push(`${t('score.sections')}:`);
  for (const section of score.sections) {
    const definition = data.sections.find((s) => s.key === section.key);
    lines.push(`  ${t('score.sectionLine', {
      title: definition ? localized(definition.title, language) : section.key,
      raw: section.rawTotal,
      rated: section.ratedItems,
      total: section.totalItems,
      mean: section.meanScore === null ? t('score.none') : formatDecimal(section.meanScore, language, 2),
    })}`);
  }
  if (score.notRated.length) {
    lines.push(`${t('score.notRated')}:`);
    for (const { item, reason } of score.notRated) {
      const title = data.items.find((i) => i.number === item);
      lines.push(`  ${item}. ${title ? localized(title.title, language) : ''} (${t(`score.reason.${reason ?? 'pending'}`)})`);
    }
  }
  return lines.join('\n');
}
