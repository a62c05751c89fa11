import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { localized } from '../../scales/display-format.ts';
import type { ScaleVersionData } from '../../scales/scale-schema.ts';
import { ScoreValue } from '../components/ScoreValue.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { useScoreBand } from '../scales/band-labels.tsx';

interface LiveScorePanelProps {
  /** The score being edited: one reviewer's own, or the review's result; undefined while it first loads. */
  score: CallOutput<'scoring.review'> | undefined;
  scale: ScaleVersionData;
  /** "Aino Laaksonen" when the score is one reviewer's own. */
  reviewerName: string | null;
}

/**
 * The running result, announced politely as it changes: rated items, the total (or the prorated estimate with
 * its marker), the band from the scale data, the mean item score and each section's subtotal.
 */
export function LiveScorePanel({ score, scale, reviewerName }: LiveScorePanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreBand = useScoreBand();
  const scaleRef = { id: scale.id, version: scale.version };
  return (
    <aside className="live-score" aria-labelledby="live-score-heading" aria-live="polite">
      <h2 id="live-score-heading">{reviewerName ? t('review.score.titleOwn', { name: reviewerName }) : t('review.score.title')}</h2>
      {score === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <dl className="live-score__figures">
            <div>
              <dt>{t('review.score.total')}</dt>
              <dd className="live-score__total">
                <ScoreValue score={score} />
              </dd>
            </div>
            <div>
              <dt>{t('review.score.band')}</dt>
              <dd className="live-score__band">{scoreBand(score, scaleRef)}</dd>
            </div>
            <div>
              <dt>{t('review.score.rated')}</dt>
              <dd>{t('review.score.ratedValue', { rated: score.ratedItems, items: score.totalItems })}</dd>
            </div>
            <div>
              <dt>{t('review.score.mean')}</dt>
              <dd>{score.meanScore === null ? t('sites.noValue') : format.decimal(score.meanScore, 2)}</dd>
            </div>
          </dl>
          <table className="data-table live-score__sections">
            <caption>{t('review.score.sections')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.score.section')}</th>
                <th scope="col">{t('review.score.points')}</th>
                <th scope="col">{t('review.score.sectionRated')}</th>
              </tr>
            </thead>
            <tbody>
              {score.sections.map((section) => {
                const definition = scale.sections.find((s) => s.key === section.key);
                return (
                  <tr key={section.key}>
                    <th scope="row">{definition ? localized(definition.title, format.language) : section.key}</th>
                    <td className="nowrap">{section.rawTotal}</td>
                    <td className="nowrap">{t('review.score.ratedValue', { rated: section.ratedItems, items: section.totalItems })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
