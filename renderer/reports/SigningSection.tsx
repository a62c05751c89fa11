import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../electron/contract/api-error.ts';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { CreateIdentityForm, type SigningIdentity } from './CreateIdentityForm.tsx';
import { IdentitySelect } from './IdentitySelect.tsx';
import { ImportIdentityForm } from './ImportIdentityForm.tsx';
import { conflictReason, fieldMessages, type FieldMessages } from './report-errors.ts';
import type { ReportLanguage } from './ReportLanguageField.tsx';
import { ReportInputProblems } from './ReportInputProblems.tsx';
import type { SignedReport } from './SignedReportPanel.tsx';
import { TextField } from '../components/TextField.tsx';
import { UndecidedItems } from './UndecidedItems.tsx';
import { useMessage, type Message } from '../platform/use-message.ts';

type Field = 'identity' | 'passphrase';
type Refusal =
  | { kind: 'undecided'; items: number[] }
  | { kind: 'report-input'; issues: ApiIssue[] }
  | { kind: 'message'; message: Message }
  | { kind: 'api'; error: ApiClientError };

interface SigningSectionProps {
  review: ReviewDetail;
  language: ReportLanguage;
  signed: SignedReport | null;
  onSigned: (report: CallOutput<'reports.sign'>) => void;
  /** The report is signed in another language already: say so at the language choice. */
  onLanguageProblem: (message: Message) => void;
}

/**
 * Choosing (or creating, or importing) the signing identity and signing with its storage passphrase (or, for a key
 * the OS key store keeps, without one), after a confirmation that says what signing does: the review becomes final.
 */
export function SigningSection({ review, language, signed, onSigned, onLanguageProblem }: SigningSectionProps) {
  const { t } = useTranslation();
  const api = useApi();
  const message = useMessage();
  const errorMessage = useErrorMessage();
  const id = useId();
  const identities = useApiQuery('identities.list', {});
  // Asked once here, so the forms know their choices when they open; a failure leaves the passphrase (as before).
  const keyStore = useApiQuery('identities.keyStore', {});
  // The identity the reviewer usually signs with (settings.reviewerIdentityId); a failed read just means no default.
  const settings = useApiQuery('settings.get', {});
  const defaultId = settings.data?.reviewerIdentityId ?? null;
  const settingsSettled = settings.status !== 'loading' || settings.data !== undefined;
  const systemAvailable = keyStore.data?.systemAvailable ?? (keyStore.status === 'error' ? false : undefined);
  const [added, setAdded] = useState<SigningIdentity[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const autoPick = useRef(true);
  const [open, setOpen] = useState<'create' | 'import' | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldMessages<Field>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [status, setStatus] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusSelect, setFocusSelect] = useState(0);
  const [focusStart, setFocusStart] = useState(0);
  const selectRef = useRef<HTMLSelectElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const toggleRefs = { create: useRef<HTMLButtonElement>(null), import: useRef<HTMLButtonElement>(null) };

  const list = useMemo(() => {
    const stored = identities.data ?? [];
    return [...stored, ...added.filter((a) => !stored.some((s) => s.id === a.id))];
  }, [identities.data, added]);
  const signedFingerprints = useMemo(() => new Set(signed?.signers.map((s) => s.certificateFingerprint) ?? []), [signed]);
  const selected = list.find((identity) => identity.id === selectedId) ?? null;
  // The OS key store unlocks a 'system' identity's key: no passphrase is typed (or sent) for it.
  const needsPassphrase = selected?.protection !== 'system';

  // Until the user chooses, the default identity from the settings is chosen, or else the first identity that has
  // not signed yet; one that has signed is never kept.
  useEffect(() => {
    if (selected && signedFingerprints.has(selected.certificateFingerprint)) {
      autoPick.current = true;
      setSelectedId(null);
    } else if (autoPick.current && !selected && settingsSettled) {
      const unsigned = list.filter((identity) => !signedFingerprints.has(identity.certificateFingerprint));
      const first = unsigned.find((identity) => identity.id === defaultId) ?? unsigned[0];
      if (first) setSelectedId(first.id);
    }
  }, [list, selected, signedFingerprints, settingsSettled, defaultId]);

  useEffect(() => {
    if (focusSelect > 0) selectRef.current?.focus();
  }, [focusSelect]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // When the confirmation closes (cancelled or refused), its focused button is gone: continue from the start button.
  useEffect(() => {
    if (focusStart > 0) startRef.current?.focus();
  }, [focusStart]);

  function choose(identityId: number | null) {
    autoPick.current = false;
    setSelectedId(identityId);
    setErrors((previous) => ({ ...previous, identity: undefined }));
  }

  function stored(identity: SigningIdentity, done: Message) {
    setAdded((previous) => [...previous.filter((a) => a.id !== identity.id), identity]);
    choose(identity.id);
    setOpen(null);
    setStatus(done);
    identities.reload();
    setFocusSelect((n) => n + 1);
  }

  function toggle(form: 'create' | 'import') {
    setStatus(null);
    setOpen((current) => (current === form ? null : form));
  }

  function closeForm(form: 'create' | 'import') {
    setOpen(null);
    requestAnimationFrame(() => toggleRefs[form].current?.focus());
  }

  function showErrors(found: FieldMessages<Field>) {
    setErrors(found);
    if (found.identity) (selectRef.current ?? toggleRefs.create.current)?.focus();
    else if (found.passphrase) passphraseRef.current?.focus();
  }

  function start() {
    setRefusal(null);
    setStatus(null);
    const found: FieldMessages<Field> = {};
    if (!selected) found.identity = { key: 'reports.errors.chooseIdentity' };
    if (needsPassphrase && passphrase === '') found.passphrase = { key: 'reports.errors.required' };
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    setConfirming(true);
  }

  async function sign() {
    if (busy || !selected) return;
    setBusy(true);
    try {
      const report = await api.call('reports.sign', {
        reviewId: review.id,
        language,
        identityId: selected.id,
        ...(selected.protection === 'system' ? {} : { storagePassphrase: passphrase }),
      });
      setPassphrase('');
      setConfirming(false);
      onSigned(report);
      // The identity used becomes the default for the next report; failing to save it does not matter here.
      if (selected.id !== defaultId) api.call('settings.update', { reviewerIdentityId: selected.id }).catch(() => {});
    } catch (caught) {
      setConfirming(false);
      refuse(asApiClientError('reports.sign', caught));
    } finally {
      setBusy(false);
    }
  }

  function refuse(error: ApiClientError) {
    const details = error.apiError.details ?? {};
    const atFields = fieldMessages<Field>(error, (path) => (path === 'storagePassphrase' ? 'passphrase' : path === 'identityId' ? 'identity' : null));
    const reason = conflictReason(error);
    if (atFields) return showErrors(atFields);
    if (error.code === 'not-found' && details.entity === 'identity') {
      identities.reload();
      return showErrors({ identity: { key: 'reports.errors.identityMissing' } });
    }
    if (reason === 'already-signed-by-identity') return showErrors({ identity: { key: 'reports.errors.alreadySigned' } });
    // The OS key store cannot give this identity's key here (another computer or user account, or no key store).
    if (reason === 'system-key-store-refused') return showErrors({ identity: { key: 'reports.errors.keyStore.refused' } });
    if (reason === 'system-key-store-unavailable') return showErrors({ identity: { key: 'reports.errors.keyStore.unavailableToSign' } });
    setFocusStart((n) => n + 1);
    if (reason === 'report-language-fixed' && typeof details.language === 'string') {
      return onLanguageProblem({ key: 'reports.errors.languageFixed', values: { language: t(`reports.language.name.${details.language as ReportLanguage}`) } });
    }
    if (reason === 'undecided-items' && Array.isArray(details.items)) return setRefusal({ kind: 'undecided', items: details.items as number[] });
    if (reason === 'changed-while-signing') return setRefusal({ kind: 'message', message: { key: 'reports.errors.changedWhileSigning' } });
    if (error.code === 'conflict' && error.issues.length > 0) return setRefusal({ kind: 'report-input', issues: error.issues });
    setRefusal({ kind: 'api', error });
  }

  const known = review.checks.undecided;
  return (
    <section className="panel report-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(signed ? 'reports.sign.headingNext' : 'reports.sign.heading')}</h2>
      {signed ? (
        <>
          <p className="report-section__text">{t('reports.sign.explainNext')}</p>
          <p className="report-section__text">{t('reports.language.fixed', { language: t(`reports.language.name.${signed.language}`) })}</p>
        </>
      ) : (
        <p className="report-section__text">{t('reports.sign.explain')}</p>
      )}
      {known.length > 0 && refusal?.kind !== 'undecided' && <UndecidedItems id={`${id}-undecided-known`} review={review} items={known} tone="warning" />}

      <h3>{t('reports.identity.heading')}</h3>
      {identities.status === 'error' && <ErrorAlert message={errorMessage(identities.error)} onRetry={identities.reload} />}
      {!identities.data && identities.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {list.length > 0 ? (
        <IdentitySelect
          identities={list}
          selectedId={selectedId}
          onSelect={choose}
          signedFingerprints={signedFingerprints}
          error={errors.identity ? message(errors.identity) : null}
          selectRef={selectRef}
        />
      ) : (
        identities.data && (
          <>
            <p>{t('reports.identity.none')}</p>
            {errors.identity && <p className="field-error">{message(errors.identity)}</p>}
          </>
        )
      )}
      <StatusMessage message={status ? message(status) : null} />
      <div className="identity-actions">
        {(['create', 'import'] as const).map((form) => (
          <button
            key={form}
            ref={toggleRefs[form]}
            type="button"
            aria-expanded={open === form}
            aria-controls={open === form ? `${id}-${form}` : undefined}
            onClick={() => toggle(form)}
          >
            {t(form === 'create' ? 'reports.identity.create' : 'reports.identity.import')}
          </button>
        ))}
      </div>
      {open === 'create' && (
        <CreateIdentityForm
          id={`${id}-create`}
          systemAvailable={systemAvailable}
          onCreated={(identity) => stored(identity, { key: 'reports.create.done', values: { name: identity.name } })}
          onCancel={() => closeForm('create')}
        />
      )}
      {open === 'import' && (
        <ImportIdentityForm
          id={`${id}-import`}
          systemAvailable={systemAvailable}
          onImported={(identity) => stored(identity, { key: 'reports.import.done', values: { name: identity.name } })}
          onExisting={(identityId) => {
            choose(identityId);
            setOpen(null);
            setStatus({ key: 'reports.import.exists' });
            setFocusSelect((n) => n + 1);
          }}
          onCancel={() => closeForm('import')}
        />
      )}

      <form
        className="sign-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        {needsPassphrase ? (
          <TextField
            label={t('reports.sign.passphrase')}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value);
              setErrors((previous) => ({ ...previous, passphrase: undefined }));
            }}
            error={errors.passphrase ? message(errors.passphrase) : null}
            inputRef={passphraseRef}
            maxLength={1024}
          />
        ) : (
          <p className="report-section__text">{t('reports.sign.systemNote')}</p>
        )}
        {refusal?.kind === 'undecided' && <UndecidedItems id={`${id}-undecided`} review={review} items={refusal.items} tone="error" />}
        {refusal?.kind === 'report-input' && <ReportInputProblems issues={refusal.issues} />}
        {refusal?.kind === 'message' && <ErrorAlert message={message(refusal.message)} />}
        {refusal?.kind === 'api' && <ErrorAlert message={errorMessage(refusal.error)} />}
        {confirming && selected ? (
          <div className="sign-confirm" role="group" aria-labelledby={`${id}-confirm-text`}>
            <p id={`${id}-confirm-text`}>
              {t(signed ? 'reports.sign.confirmTextNext' : 'reports.sign.confirmText', { name: selected.name })}
            </p>
            <div className="dialog-actions">
              <button ref={confirmRef} type="button" className="primary" aria-disabled={busy || undefined} onClick={() => void sign()}>
                {t(signed ? 'reports.sign.confirmNext' : 'reports.sign.confirm')}
              </button>
              <button
                type="button"
                onClick={() => {
                  if (busy) return;
                  setConfirming(false);
                  setFocusStart((n) => n + 1);
                }}
              >
                {t('reports.sign.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button ref={startRef} type="submit" className="primary">
            {t('reports.sign.start')}
          </button>
        )}
        <p role="status" className="busy-status">
          {busy ? t('reports.sign.signing') : ''}
        </p>
      </form>
    </section>
  );
}
