import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSummary, SiteListEntry } from '../../electron/contract/entities.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useRegionNames } from '../components/use-region-name.ts';

export type ExportScope = 'all' | 'site' | 'selected';
const SCOPES: readonly ExportScope[] = ['all', 'site', 'selected'];

interface ExportChoiceProps {
  scope: ExportScope;
  onScope: (scope: ExportScope) => void;
  sites: readonly SiteListEntry[];
  siteId: number | null;
  onSite: (siteId: number | null) => void;
  /** The chosen site's reviews, for choosing some of them; null while loading. */
  reviews: readonly ReviewSummary[] | null;
  selected: ReadonlySet<number>;
  onSelected: (selected: Set<number>) => void;
  errors: { site?: string | null; reviews?: string | null };
  siteRef?: Ref<HTMLSelectElement>;
  reviewsRef?: Ref<HTMLFieldSetElement>;
}

/** What goes into the bundle: every review, one site's, or reviews picked from a site's list. */
export function ExportChoice({ scope, onScope, sites, siteId, onSite, reviews, selected, onSelected, errors, siteRef, reviewsRef }: ExportChoiceProps) {
  const { t } = useTranslation();
  const regionNames = useRegionNames();
  const format = useFormat();
  const id = useId();
  const toggle = (reviewId: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(reviewId);
    else next.delete(reviewId);
    onSelected(next);
  };
  return (
    <>
      <fieldset className="field">
        <legend>{t('exchange.export.what')}</legend>
        {SCOPES.map((option) => (
          <div key={option} className="radio-option">
            <input id={`${id}-scope-${option}`} type="radio" name={`${id}-scope`} value={option} checked={scope === option} onChange={() => onScope(option)} />
            <label htmlFor={`${id}-scope-${option}`}>{t(`exchange.export.${option}`)}</label>
          </div>
        ))}
      </fieldset>
      {scope !== 'all' && (
        <div className="field">
          <label htmlFor={`${id}-site`}>{t('exchange.export.siteLabel')}</label>
          <select
            ref={siteRef}
            id={`${id}-site`}
            value={siteId ?? ''}
            onChange={(event) => onSite(event.target.value === '' ? null : Number(event.target.value))}
            aria-invalid={errors.site ? true : undefined}
            aria-describedby={errors.site ? `${id}-site-error` : undefined}
          >
            <option value="">{t('exchange.export.chooseSite')}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.region ? `${site.name} – ${regionNames.nameOf(site.region)}` : site.name}
              </option>
            ))}
          </select>
          {errors.site && (
            <p id={`${id}-site-error`} className="field-error">
              {errors.site}
            </p>
          )}
        </div>
      )}
      {scope === 'selected' && siteId !== null && reviews && (
        <fieldset
          ref={reviewsRef}
          className="field exchange-reviews"
          tabIndex={-1}
          aria-invalid={errors.reviews ? true : undefined}
          aria-describedby={errors.reviews ? `${id}-reviews-error` : undefined}
        >
          <legend>{t('exchange.export.reviewsLegend')}</legend>
          {reviews.length === 0 && <p className="muted">{t('exchange.export.noReviews')}</p>}
          {reviews.map((review) => (
            <div key={review.id} className="field--checkbox">
              <input id={`${id}-review-${review.id}`} type="checkbox" checked={selected.has(review.id)} onChange={(event) => toggle(review.id, event.target.checked)} />
              <label htmlFor={`${id}-review-${review.id}`}>
                {t('exchange.export.reviewOption', {
                  kind: t(`reviewKind.${review.kind}`), dates: review.visitDates.map(format.date).join(', '), status: t(`reviewStatus.${review.status}`),
                })}
              </label>
            </div>
          ))}
          {errors.reviews && (
            <p id={`${id}-reviews-error`} className="field-error">
              {errors.reviews}
            </p>
          )}
        </fieldset>
      )}
    </>
  );
}
