import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { ScaleVersionData } from '../../scales/scale-schema.ts';
import { localized } from '../../scales/display-format.ts';
import { ScoreValue } from '../components/ScoreValue.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { useScoreBand } from '../scales/band-labels.tsx';

type ScoreDetail = CallOutput<'scoring.review'>;

/**
 * The review's result: total (or prorated total with its marker), band, sections. "so far" while consensus is
 * under way; plainly "Tulos" once the review is final (issue 13).
 */
export function ResultPanel({ result, scale, final = false }: { result: ScoreDetail; scale: ScaleVersionData; final?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreBand = useScoreBand();
  return (
    <section className="panel result-panel" aria-labelledby="result-heading">
      <h2 id="result-heading">{final ? t('consensus.result.headingFinal') : t('consensus.result.heading')}</h2>
      <dl className="figures">
        <div className="figure">
          <dt>{t('consensus.result.total')}</dt>
          <dd>
            <span className="figure-value">
              <ScoreValue score={result} />
            </span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('consensus.result.band')}</dt>
          <dd>
            <span className="figure-value">{scoreBand(result, scale)}</span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('consensus.result.decided')}</dt>
          <dd>
            <span className="figure-value">{t('consensus.result.decidedValue', { rated: result.ratedItems + result.notRated.filter((n) => n.reason !== null).length, items: result.totalItems })}</span>
            <span className="cell-note">{t('consensus.result.ratedValue', { rated: result.ratedItems, items: result.totalItems })}</span>
          </dd>
        </div>
      </dl>
      <table className="data-table section-table">
        <caption>{t('consensus.result.sections')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consensus.result.section')}</th>
            <th scope="col">{t('consensus.result.points')}</th>
            <th scope="col">{t('consensus.result.rated')}</th>
            <th scope="col">{t('consensus.result.mean')}</th>
          </tr>
        </thead>
        <tbody>
          {result.sections.map((section) => {
            const definition = scale.sections.find((s) => s.key === section.key);
            return (
              <tr key={section.key}>
                <th scope="row">{definition ? localized(definition.title, format.language) : section.key}</th>
                <td>{section.rawTotal}</td>
                <td className="nowrap">{`${section.ratedItems}/${section.totalItems}`}</td>
                <td>{section.meanScore === null ? t('sites.noValue') : format.decimal(section.meanScore, 2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
