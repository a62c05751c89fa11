import { localDate } from '../../scales/review-rules/local-date.ts';
import { useTranslation } from 'react-i18next';
import type { Reviewer } from '../../electron/contract/entities.ts';
import { useFormat } from '../i18n/use-format.ts';

/**
 * Who has marked their own ratings complete. Until everyone has, the ratings stay hidden from each other (the
 * reviewers rate independently), so this is all the consensus view shows.
 */
export function ReviewerProgress({ reviewers }: { reviewers: readonly Reviewer[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = reviewers.filter((r) => r.completedAt !== null).length;
  return (
    <section className="panel" aria-labelledby="reviewer-progress-heading">
      <h2 id="reviewer-progress-heading">{t('consensus.waiting.heading')}</h2>
      <p>{t('consensus.waiting.progress', { done, total: reviewers.length })}</p>
      <ul className="reviewer-progress">
        {reviewers.map((reviewer) => (
          <li key={reviewer.id} className={reviewer.completedAt ? 'is-done' : 'is-open'}>
            <span className="reviewer-name">{reviewer.name}</span>
            {reviewer.role && <span className="muted">{` (${reviewer.role})`}</span>}
            {': '}
            {reviewer.completedAt ? (
              <strong>
                <span aria-hidden="true">{'✓ '}</span>
                {t('consensus.waiting.done', { date: format.date(localDate(new Date(reviewer.completedAt))) })}
              </strong>
            ) : (
              <span>
                <span aria-hidden="true">{'… '}</span>
                {t('consensus.waiting.notDone')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
