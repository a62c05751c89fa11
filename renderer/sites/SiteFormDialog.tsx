import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../electron/contract/entities.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ApiClientError } from '../platform/api-client.ts';
import { asApiClientError } from '../platform/use-api-query.ts';
import { RegionSelect } from './RegionSelect.tsx';
import {
  EMPTY_SITE_FORM, fieldProblemsFrom, UNLISTED_REGION, valuesFromSite, type FieldProblem, type ModelChoice, type SiteField, type SiteFormValues,
} from './site-form-values.ts';
import './region-prompt.css';

interface SiteFormDialogProps {
  /** The site to edit, or null for a new one. */
  site: Site | null;
  /** Saves at once; throws the API's error, which the form shows at its fields. */
  onSave: (values: SiteFormValues) => Promise<void>;
  onClose: () => void;
}

const MODEL_CHOICES: readonly ModelChoice[] = ['none', '1', '2', 'other'];

/**
 * New or edit site, in a modal <dialog>: the browser keeps focus inside, Escape cancels, and focus returns to
 * the button that opened it. Validation is the API's (one set of rules); its issues appear at the fields.
 */
export function SiteFormDialog({ site, onSave, onClose }: SiteFormDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SiteFormValues>(() => (site ? valuesFromSite(site) : EMPTY_SITE_FORM));
  const [problems, setProblems] = useState<Partial<Record<SiteField, FieldProblem>>>({});
  const [generalError, setGeneralError] = useState<ApiClientError | null>(null);
  const saving = useRef(false);

  // A layout effect, so close() runs while the dialog is still in the document and the browser restores focus.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const set = <F extends SiteField>(field: F, value: SiteFormValues[F]) => setValues((v) => ({ ...v, [field]: value }));
  const fieldId = (field: SiteField) => `${id}-${field}`;
  const errorId = (field: SiteField) => `${id}-${field}-error`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving.current) return;
    saving.current = true;
    try {
      await onSave(values);
    } catch (error) {
      const apiError = asApiClientError(site ? 'sites.update' : 'sites.create', error);
      const { fields } = fieldProblemsFrom(apiError.issues);
      setProblems(fields);
      setGeneralError(apiError);
      const first = Object.keys(fields)[0] as SiteField | undefined;
      if (first) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(first))}`)?.focus();
    } finally {
      saving.current = false;
    }
  }

  const describedBy = (field: SiteField, ...more: string[]) => [...more, problems[field] ? errorId(field) : ''].filter(Boolean).join(' ') || undefined;
  const problemText = (field: SiteField) =>
    problems[field] && (
      <p id={errorId(field)} className="field-error">
        {t(`validation.${problems[field]}`)}
      </p>
    );
  const title = site ? t('siteForm.editTitle') : t('siteForm.createTitle');

  return (
    <dialog
      ref={dialogRef}
      className="site-form-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>{title}</h2>
        {generalError && <ErrorAlert message={errorMessage(generalError)} />}

        <div className="field">
          <label htmlFor={fieldId('name')}>
            {t('siteForm.name')} <span className="required-mark">{t('siteForm.required')}</span>
          </label>
          <input
            id={fieldId('name')}
            type="text"
            required
            autoComplete="off"
            value={values.name}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(e) => set('name', e.target.value)}
          />
          {problemText('name')}
        </div>

        <div className="field">
          <label htmlFor={fieldId('regionCode')}>{t('regions.label')}</label>
          <RegionSelect
            id={fieldId('regionCode')}
            value={values.regionCode}
            unlistedName={site?.region?.code === null ? site.region.name : null}
            emptyLabel={t('regions.none')}
            invalid={problems.regionCode !== undefined}
            describedBy={describedBy('regionCode', `${id}-region-hint`)}
            onChange={(value) => set('regionCode', value)}
          />
          <p id={`${id}-region-hint`} className={values.regionCode === UNLISTED_REGION ? 'field-hint field-hint--warning' : 'field-hint'}>
            {values.regionCode === UNLISTED_REGION && site?.region ? t('regions.unlistedHint', { name: site.region.name }) : t('regions.hint')}
          </p>
          {problemText('regionCode')}
        </div>

        <div className="field">
          <label htmlFor={fieldId('organisation')}>{t('siteForm.organisation')}</label>
          <input
            id={fieldId('organisation')}
            type="text"
            autoComplete="organization"
            value={values.organisation}
            aria-invalid={problems.organisation ? true : undefined}
            aria-describedby={describedBy('organisation')}
            onChange={(e) => set('organisation', e.target.value)}
          />
          {problemText('organisation')}
        </div>

        <fieldset className="field" id={fieldId('collaborationModel')} tabIndex={-1} aria-describedby={describedBy('collaborationModel')}>
          <legend>{t('collaborationModel.label')}</legend>
          {MODEL_CHOICES.map((choice) => {
            const descriptionId = choice === 'none' ? undefined : `${id}-model-${choice}-description`;
            return (
              <div className="radio-option" key={choice}>
                <input
                  id={`${id}-model-${choice}`}
                  type="radio"
                  name={`${id}-model`}
                  value={choice}
                  checked={values.collaborationModel === choice}
                  aria-describedby={descriptionId}
                  onChange={() => set('collaborationModel', choice)}
                />
                <label htmlFor={`${id}-model-${choice}`}>
                  {choice === 'none' ? t('collaborationModel.none') : choice === 'other' ? t('regions.collaboration.other') : t(`collaborationModel.model${choice}`)}
                </label>
                {descriptionId && choice !== 'none' && (
                  <p id={descriptionId} className="field-hint">
                    {choice === 'other' ? t('regions.collaboration.otherDescription') : t(`collaborationModel.description${choice}`)}
                  </p>
                )}
              </div>
            );
          })}
          {problemText('collaborationModel')}
        </fieldset>

        {values.collaborationModel === 'other' && (
          <div className="field">
            <label htmlFor={fieldId('collaborationNote')}>
              {t('regions.collaboration.note')} <span className="required-mark">{t('siteForm.required')}</span>
            </label>
            <textarea
              id={fieldId('collaborationNote')}
              rows={3}
              value={values.collaborationNote}
              aria-invalid={problems.collaborationNote ? true : undefined}
              aria-describedby={describedBy('collaborationNote', `${id}-note-hint`)}
              onChange={(e) => set('collaborationNote', e.target.value)}
            />
            <p id={`${id}-note-hint`} className="field-hint">
              {t('regions.collaboration.noteHint')}
            </p>
            {problemText('collaborationNote')}
          </div>
        )}

        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('siteForm.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('siteForm.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
