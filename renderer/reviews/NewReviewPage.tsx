import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { UI_LANGUAGES } from '../i18n/i18n.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { FieldError } from './FieldError.tsx';
import { ReviewersFieldset } from './ReviewersFieldset.tsx';
import { ScaleVersionField } from './ScaleVersionField.tsx';
import { VisitDatesFieldset } from './VisitDatesFieldset.tsx';
import { nextDayText, todayText } from './visit-date.ts';
import { defaultScale, fieldProblemsFrom, toCreateInput, type FieldProblem, type NewReviewValues, type ReviewKindChoice } from './new-review-values.ts';
import './new-review.css';

const KINDS: readonly ReviewKindChoice[] = ['external', 'self', 'peer'];

/** A new review of a site: kind, scale version, visit dates and reviewers; then straight into the editor. */
export function NewReviewPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const uiLanguage = useUiLanguage();
  const id = useId();
  const site = useApiQuery('sites.get', { id: siteId });
  const scales = useApiQuery('scales.list', {});
  const nextKey = useRef(2);
  const [values, setValues] = useState<NewReviewValues>(() => ({
    kind: 'external',
    reviewingOrganisation: '',
    scale: '',
    language: uiLanguage,
    visitDates: [{ key: 0, text: todayText(uiLanguage) }],
    reviewers: [{ key: 1, name: '', role: '' }],
  }));
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [error, setError] = useState<ApiClientError | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const saving = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  useDocumentTitle(site.data ? t('review.new.documentTitle', { site: site.data.name }) : t('review.new.title'));

  // The latest scale version is chosen once the list arrives.
  useEffect(() => {
    const list = scales.data;
    if (list && values.scale === '') setValues((v) => ({ ...v, scale: defaultScale(list) }));
  }, [scales.data, values.scale]);

  // After adding or removing a row, keep keyboard focus where the user is working.
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const newKey = () => nextKey.current++;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving.current) return;
    saving.current = true;
    try {
      const created = await api.call('reviews.create', toCreateInput(siteId, values));
      window.location.hash = hrefFor({ name: 'review', reviewId: created.id });
    } catch (caught) {
      const apiError = asApiClientError('reviews.create', caught);
      const found = fieldProblemsFrom(apiError.issues, values);
      setProblems(found);
      setError(apiError);
      const first = Object.keys(found)[0];
      if (first) focusFirstProblem(first);
    } finally {
      saving.current = false;
    }
  }

  function focusFirstProblem(path: string) {
    const [group, index, field] = path.split('.');
    const target =
      group === 'visitDates' && index !== undefined ? `${id}-date-${index}`
      : group === 'reviewers' && index !== undefined ? `${id}-reviewer-${index}-${field === 'role' ? 'role' : 'name'}`
      : `${id}-${group}`;
    formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(target)}`)?.focus();
  }

  return (
    <div className="new-review-page">
      <p>
        <a href={hrefFor({ name: 'site', siteId })} className="back-link">
          {site.data ? t('review.new.backToSite', { site: site.data.name }) : t('site.back')}
        </a>
      </p>
      <h1>{t('review.new.title')}</h1>
      {site.data && <p className="lead">{t('review.new.forSite', { site: site.data.name })}</p>}
      {site.status === 'error' && <ErrorAlert message={errorMessage(site.error)} onRetry={site.error.code === 'not-found' ? undefined : site.reload} />}
      {scales.status === 'error' && <ErrorAlert message={errorMessage(scales.error)} onRetry={scales.reload} />}

      {site.data && scales.data && (
        <form ref={formRef} className="new-review-form" noValidate onSubmit={(event) => void submit(event)}>
          {error && <ErrorAlert message={errorMessage(error)} />}

          <fieldset className="form-group" id={`${id}-kind`} tabIndex={-1}>
            <legend>{t('review.new.kind')}</legend>
            {KINDS.map((kind) => (
              <div className="radio-option" key={kind}>
                <input
                  id={`${id}-kind-${kind}`}
                  type="radio"
                  name={`${id}-kind`}
                  value={kind}
                  checked={values.kind === kind}
                  aria-describedby={`${id}-kind-${kind}-hint`}
                  onChange={() => setValues((v) => ({ ...v, kind }))}
                />
                <label htmlFor={`${id}-kind-${kind}`}>{t(`reviewKind.${kind}`)}</label>
                <p id={`${id}-kind-${kind}-hint`} className="field-hint">
                  {t(`review.new.kindHint.${kind}`)}
                </p>
              </div>
            ))}
          </fieldset>

          <div className="field reviewing-organisation-field">
            <label htmlFor={`${id}-reviewingOrganisation`}>{t('review.new.reviewingOrganisation')}</label>
            <input
              id={`${id}-reviewingOrganisation`}
              type="text"
              maxLength={300}
              autoComplete="organization"
              value={values.reviewingOrganisation}
              aria-invalid={problems.reviewingOrganisation ? true : undefined}
              aria-describedby={[`${id}-reviewingOrganisation-hint`, problems.reviewingOrganisation ? `${id}-reviewingOrganisation-error` : ''].filter(Boolean).join(' ')}
              onChange={(e) => setValues((v) => ({ ...v, reviewingOrganisation: e.target.value }))}
            />
            <p id={`${id}-reviewingOrganisation-hint`} className="field-hint">
              {t('review.new.reviewingOrganisationHint')}
            </p>
            <FieldError id={`${id}-reviewingOrganisation-error`} problem={problems.reviewingOrganisation} />
          </div>

          <ScaleVersionField id={`${id}-scale`} scales={scales.data} value={values.scale} problem={problems.scale} onChange={(scale) => setValues((v) => ({ ...v, scale }))} />
          <div className="field language-field">
            <label htmlFor={`${id}-language`}>{t('review.new.language')}</label>
            <select
              id={`${id}-language`}
              value={values.language}
              aria-describedby={`${id}-language-hint`}
              onChange={(e) => setValues((v) => ({ ...v, language: e.target.value as NewReviewValues['language'] }))}
            >
              {UI_LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`language.${language}`)}
                </option>
              ))}
            </select>
            <p id={`${id}-language-hint`} className="field-hint">
              {t('review.new.languageHint')}
            </p>
          </div>

          <VisitDatesFieldset
            idPrefix={id}
            rows={values.visitDates}
            problems={problems}
            onChange={(visitDates) => setValues((v) => ({ ...v, visitDates }))}
            onAdd={() => {
              const next = nextDayText(values.visitDates[values.visitDates.length - 1]?.text ?? '', uiLanguage);
              setValues((v) => ({ ...v, visitDates: [...v.visitDates, { key: newKey(), text: next }] }));
              setFocusId(`${id}-date-${values.visitDates.length}`);
            }}
            onRemove={(key) => {
              setValues((v) => ({ ...v, visitDates: v.visitDates.filter((r) => r.key !== key) }));
              setProblems({});
              setFocusId(`${id}-visitDates`);
            }}
          />

          <ReviewersFieldset
            idPrefix={id}
            rows={values.reviewers}
            problems={problems}
            onChange={(reviewers) => setValues((v) => ({ ...v, reviewers }))}
            onAdd={() => {
              setValues((v) => ({ ...v, reviewers: [...v.reviewers, { key: newKey(), name: '', role: '' }] }));
              setFocusId(`${id}-reviewer-${values.reviewers.length}-name`);
            }}
            onRemove={(key) => {
              setValues((v) => ({ ...v, reviewers: v.reviewers.filter((r) => r.key !== key) }));
              setProblems({});
              setFocusId(`${id}-reviewers`);
            }}
          />

          <div className="form-actions">
            <button type="submit" className="primary">
              {t('review.new.create')}
            </button>
            <a href={hrefFor({ name: 'site', siteId })}>{t('review.new.cancel')}</a>
          </div>
        </form>
      )}
      {(site.status === 'loading' || scales.status === 'loading') && !(site.data && scales.data) && <p className="muted">{t('app.loading')}</p>}
    </div>
  );
}
