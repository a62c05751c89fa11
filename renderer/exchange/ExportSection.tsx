import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../electron/contract/contract.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { ExportChoice, type ExportScope } from './ExportChoice.tsx';
import { ExportSigner } from '../components/ExportSigner.tsx';

type Field = 'site' | 'reviews' | 'identity' | 'passphrase';
type Exported = CallOutput<'bundles.export'>;

/** The export's own refusals with a message of their own (bundle-export.ts); others by their error code. */
const REASONS = new Set(['nothing-to-export', 'too-many-reviews', 'bundle-too-large', 'scale-unavailable']);
const SIGNING_EXPIRED = new Set(['certificate-expired', 'certificate-not-yet-valid']);

/** Export: choose reviews and who signs, then save the signed bundle the backend made. */
export function ExportSection() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const sites = useApiQuery('sites.list', { includeArchived: true });
  const identities = useApiQuery('identities.list', {});
  const [scope, setScope] = useState<ExportScope>('all');
  const [siteId, setSiteId] = useState<number | null>(null);
  const [reviews, setReviews] = useState<CallOutput<'reviews.listForSite'> | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [identityId, setIdentityId] = useState<number | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const refs = {
    site: useRef<HTMLSelectElement>(null), reviews: useRef<HTMLFieldSetElement>(null), identity: useRef<HTMLSelectElement>(null), passphrase: useRef<HTMLInputElement>(null),
  };
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const identityList = identities.data ?? [];
  // One stored identity: nothing to choose.
  const effectiveIdentityId = identityId ?? (identityList.length === 1 ? identityList[0]!.id : null);
  const chosenIdentity = identityList.find((identity) => identity.id === effectiveIdentityId) ?? null;

  useEffect(() => {
    setSelected(new Set());
    setReviews(null);
    if (siteId === null) return;
    let current = true;
    api.call('reviews.listForSite', { siteId }).then((list) => current && setReviews(list), (error: unknown) => {
      if (!current) return;
      // Not "no reviews": say the list could not be read.
      setReviews([]);
      setFailure(errorMessage(asApiClientError('reviews.listForSite', error)));
    });
    return () => {
      current = false;
    };
  }, [api, siteId]);

  useEffect(() => {
    if (exported) resultHeading.current?.focus();
  }, [exported]);

  function problems(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (scope !== 'all' && siteId === null) found.site = t('exchange.export.errors.chooseSite');
    if (scope === 'selected' && siteId !== null && selected.size === 0) found.reviews = t('exchange.export.errors.chooseReviews');
    if (!chosenIdentity) found.identity = t('exchange.export.errors.chooseIdentity');
    if (chosenIdentity?.protection === 'passphrase' && passphrase === '') found.passphrase = t('exchange.export.errors.passphrase');
    return found;
  }

  function focusFirst(found: Partial<Record<Field, string>>) {
    const first = (['site', 'reviews', 'identity', 'passphrase'] as const).find((field) => found[field]);
    if (first) refs[first].current?.focus();
  }

  /** The API's refusal at a field where there is one, else as a message of its own. */
  function refused(error: ApiClientError) {
    const issue = error.issues[0];
    const reason = (error.apiError.details as { reason?: unknown } | undefined)?.reason;
    if (issue?.path === 'storagePassphrase') {
      const found = { passphrase: t(SIGNING_EXPIRED.has(issue.code) ? 'exchange.export.errors.certificate' : 'exchange.export.errors.wrongPassphrase') };
      setErrors(found);
      focusFirst(found);
    } else if (typeof reason === 'string' && reason.startsWith('system-key-store')) setFailure(t('exchange.export.errors.keyStore'));
    else if (typeof reason === 'string' && REASONS.has(reason)) setFailure(t(`exchange.export.errors.${reason as 'nothing-to-export'}`));
    else setFailure(errorMessage(error));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = problems();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return focusFirst(found);
    const selection = scope === 'all' ? { all: true as const } : scope === 'site' ? { siteId: siteId! } : { reviewIds: [...selected] };
    const input: CallInput<'bundles.export'> = { ...selection, identityId: chosenIdentity!.id, ...(chosenIdentity!.protection === 'passphrase' ? { storagePassphrase: passphrase } : {}) };
    setBusy(true);
    setExported(null);
    try {
      setExported(await api.call('bundles.export', input));
      setPassphrase('');
    } catch (caught) {
      refused(asApiClientError('bundles.export', caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="report-section exchange-section" aria-labelledby="exchange-export-heading">
      <h2 id="exchange-export-heading">{t('exchange.export.heading')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ExportChoice
          scope={scope} onScope={setScope} sites={sites.data ?? []} siteId={siteId} onSite={setSiteId} reviews={reviews}
          selected={selected} onSelected={setSelected} errors={errors} siteRef={refs.site} reviewsRef={refs.reviews}
        />
        <ExportSigner
          identities={identityList} identityId={effectiveIdentityId} onIdentity={setIdentityId} passphrase={passphrase} onPassphrase={setPassphrase}
          errors={errors} identityRef={refs.identity} passphraseRef={refs.passphrase}
        />
        <button type="submit" className="primary" aria-disabled={busy || identityList.length === 0 || undefined}>
          {t('exchange.export.submit')}
        </button>
      </form>
      <StatusMessage message={busy ? t('exchange.export.busy') : exported ? t('exchange.export.done', { count: exported.reviewCount, file: exported.fileName }) : null} />
      {failure && <ErrorAlert message={failure} />}
      {exported && (
        <div className="exchange-result">
          <h3 ref={resultHeading} tabIndex={-1}>
            {t('exchange.export.doneHeading')}
          </h3>
          <p>{t('exchange.export.done', { count: exported.reviewCount, file: exported.fileName })}</p>
          {exported.revisionsRaised > 0 && <p>{t('exchange.export.revisionsRaised', { count: exported.revisionsRaised })}</p>}
          <DownloadLink base64={exported.bundleBase64} type="application/json" fileName={exported.fileName}>{t('exchange.export.save', { file: exported.fileName })}</DownloadLink>
        </div>
      )}
    </section>
  );
}
