import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import type { SigningIdentity } from './CreateIdentityForm.tsx';
import { FileField } from '../components/FileField.tsx';
import { base64Length, readFileAsBase64 } from '../platform/pdf-bytes.ts';
import { conflictReason, fieldMessages, isSigningCode, type FieldMessages } from './report-errors.ts';
import { KeyProtectionFields, useKeyProtection } from './StoragePassphraseFields.tsx';
import { TextField } from '../components/TextField.tsx';
import { useMessage } from '../platform/use-message.ts';

type Field = 'file' | 'p12Passphrase' | 'role' | 'protection' | 'passphrase' | 'repeat';
const FIELDS: readonly Field[] = ['file', 'p12Passphrase', 'role', 'protection', 'passphrase', 'repeat'];
/** The contract's limit for p12Base64. */
const MAX_P12_BASE64 = 200_000;

interface ImportIdentityFormProps {
  id: string;
  /** Whether the OS key store can protect the key here (identities.keyStore); undefined while that is asked. */
  systemAvailable: boolean | undefined;
  onImported: (identity: SigningIdentity) => void;
  /** The certificate is stored already (details.id of the conflict): choose that one. */
  onExisting: (identityId: number) => void;
  onCancel: () => void;
}

/** Maps where the API put a problem to the field the user can fix: a wrong passphrase is not a wrong file. */
function fieldOf(path: string, code: string): Field | null {
  if (path === 'p12Base64') return code === 'wrong-passphrase' ? 'p12Passphrase' : 'file';
  if (path === 'storagePassphrase') return 'passphrase';
  if (path === 'p12Passphrase' || path === 'role' || path === 'protection') return path;
  return null;
}

/**
 * A PKCS#12 file (.p12/.pfx) from the organisation: the file, its passphrase, a role, and how the key is protected
 * here (the OS key store where there is one, or the storage passphrase).
 */
export function ImportIdentityForm({ id, systemAvailable, onImported, onExisting, onCancel }: ImportIdentityFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const message = useMessage();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [p12Passphrase, setP12Passphrase] = useState('');
  const [role, setRole] = useState('');
  const keys = useKeyProtection(systemAvailable);
  const { protection } = keys;
  const [errors, setErrors] = useState<FieldMessages<Field>>({});
  const [failure, setFailure] = useState<ApiClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const refs: Record<Field, RefObject<HTMLInputElement | null>> = {
    file: fileRef,
    p12Passphrase: useRef<HTMLInputElement>(null),
    role: useRef<HTMLInputElement>(null),
    protection: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };

  useEffect(() => fileRef.current?.focus(), []);

  function show(found: FieldMessages<Field>) {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  }

  async function submit() {
    // Until the key store has answered there is nothing to choose from (a moment after the page opens).
    if (busy || !protection) return;
    const found: FieldMessages<Field> = {};
    if (!file) found.file = { key: 'reports.errors.chooseFile' };
    else if (MAX_P12_BASE64 < base64Length(file.size)) found.file = { key: 'reports.errors.signing.not-pkcs12' };
    if (role.trim().length > 64) found.role = { key: 'reports.errors.tooLong' };
    for (const [field, key] of Object.entries(keys.problems())) found[field as Field] = { key };
    setFailure(null);
    if (!file || Object.keys(found).length > 0) return show(found);
    setErrors({});
    setBusy(true);
    try {
      let p12Base64: string;
      try {
        p12Base64 = await readFileAsBase64(file);
      } catch {
        return show({ file: { key: 'reports.errors.fileUnreadable' } });
      }
      const identity = await api.call('identities.import', {
        p12Base64,
        p12Passphrase,
        ...(role.trim() ? { role: role.trim() } : {}),
        ...keys.input(),
      });
      onImported(identity);
    } catch (caught) {
      const error = asApiClientError('identities.import', caught);
      const existing = error.apiError.details?.id;
      if (conflictReason(error) === 'identity-exists' && typeof existing === 'number') return onExisting(existing);
      if (conflictReason(error) === 'system-key-store-unavailable') return show({ protection: { key: 'reports.errors.keyStore.unavailable' } });
      const atFields = fieldMessages<Field>(error, (path, issue) => fieldOf(path, issue.code), { passphrase: 'reports.errors.passphraseShort' });
      // A size or format check on the file itself reads best as "not a .p12 file".
      if (atFields?.file && !isSigningCode(error.issues.find((i) => i.path === 'p12Base64')?.code ?? '')) atFields.file = { key: 'reports.errors.signing.not-pkcs12' };
      if (atFields) show(atFields);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const text = (field: Field) => (errors[field] ? message(errors[field]) : null);
  return (
    <form
      id={id}
      className="identity-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-heading`}>{t('reports.import.heading')}</h3>
      <p className="field-hint">{t('reports.import.intro')}</p>
      <FileField
        label={t('reports.import.file')}
        accept=".p12,.pfx,application/x-pkcs12"
        mark="required"
        onChange={setFile}
        error={text('file')}
        inputRef={fileRef}
      />
      <TextField
        label={t('reports.import.p12Passphrase')}
        type="password"
        hint={t('reports.import.p12PassphraseHint')}
        autoComplete="off"
        value={p12Passphrase}
        onChange={setP12Passphrase}
        error={text('p12Passphrase')}
        inputRef={refs.p12Passphrase}
        maxLength={1024}
      />
      <TextField label={t('reports.import.role')} mark="optional" hint={t('reports.create.roleHint')} value={role} onChange={setRole} error={text('role')} inputRef={refs.role} />
      <KeyProtectionFields
        systemAvailable={systemAvailable}
        protection={protection}
        onProtection={(chosen) => {
          keys.setChoice(chosen);
          setErrors((previous) => ({ ...previous, protection: undefined }));
        }}
        protectionError={text('protection')}
        protectionRef={refs.protection}
        values={keys.passphrase}
        onChange={keys.setPassphrase}
        errors={{ passphrase: text('passphrase'), repeat: text('repeat') }}
        passphraseRef={refs.passphrase}
        repeatRef={refs.repeat}
      />
      {failure && <ErrorAlert message={errorMessage(failure)} />}
      <p role="status" className="busy-status">
        {busy ? t('reports.import.submitting') : ''}
      </p>
      <div className="dialog-actions">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {t('reports.import.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reports.identity.cancel')}
        </button>
      </div>
    </form>
  );
}
