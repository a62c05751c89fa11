import { useTranslation } from 'react-i18next';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { AddCustomRow } from './AddCustomRow.tsx';
import { VisitPlanEntryRow } from './VisitPlanEntryRow.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

export type PlanCategory = VisitPlanEntry['category'];

interface VisitPlanGroupProps {
  category: PlanCategory;
  reviewId: number;
  entries: readonly VisitPlanEntry[];
  sourceLabel: (entry: VisitPlanEntry) => string;
  itemTitle: (item: number) => string;
  scaleItems: readonly number[];
  readOnly: boolean;
  onSaved: (entry: VisitPlanEntry) => void;
  onAdded: (label: string) => void;
  onRemove: (entry: VisitPlanEntry, label: string) => void;
}

/** One kind of preparation (documents to request, interviews, observations) as a checklist table. */
export function VisitPlanGroup({ category, reviewId, entries, sourceLabel, itemTitle, scaleItems, readOnly, onSaved, onAdded, onRemove }: VisitPlanGroupProps) {
  const { t } = useTranslation();
  const headingId = `plan-${category}-heading`;
  const open = entries.filter((e) => !e.done).length;
  return (
    <section aria-labelledby={headingId} className="plan-group">
      <h2 id={headingId} tabIndex={-1}>{t(`consensus.plan.category.${category}`)}</h2>
      <p className="muted">
        {t(`consensus.plan.categoryIntro.${category}`)} {t('consensus.plan.groupOpen', { open, count: entries.length })}
      </p>
      {entries.length === 0 ? (
        <p className="empty-state">{t('consensus.plan.groupEmpty')}</p>
      ) : (
        <ScrollRegion label={t(`consensus.plan.category.${category}`)}>
          <table className="data-table plan-table">
            <caption className="visually-hidden">{t(`consensus.plan.category.${category}`)}</caption>
            <thead>
              <tr>
                <th scope="col" className="col-done">
                  {t('consensus.plan.columns.done')}
                </th>
                <th scope="col" className="col-source">
                  {t('consensus.plan.columns.source')}
                </th>
                <th scope="col" className="col-who">
                  {t('consensus.plan.columns.who')}
                </th>
                <th scope="col" className="col-when">
                  {t('consensus.plan.columns.when')}
                </th>
                <th scope="col" className="col-note">
                  {t('consensus.plan.columns.note')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <VisitPlanEntryRow
                  key={entry.id}
                  reviewId={reviewId}
                  entry={entry}
                  sourceLabel={sourceLabel(entry)}
                  itemTitle={itemTitle}
                  scaleItems={scaleItems}
                  readOnly={readOnly}
                  onSaved={onSaved}
                  onRemove={onRemove}
                />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {!readOnly && <AddCustomRow reviewId={reviewId} category={category} onAdded={onAdded} />}
    </section>
  );
}
