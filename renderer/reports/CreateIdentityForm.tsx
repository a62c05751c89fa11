import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { conflictReason, fieldMessages, type FieldMessages } from './report-errors.ts';
import { KeyProtectionFields, useKeyProtection } from './StoragePassphraseFields.tsx';
import { TextField } from '../components/TextField.tsx';
import { useMessage } from '../platform/use-message.ts';

export type SigningIdentity = CallOutput<'identities.list'>[number];

type Field = 'name' | 'role' | 'organisation' | 'protection' | 'passphrase' | 'repeat';
const FIELDS: readonly Field[] = ['name', 'role', 'organisation', 'protection', 'passphrase', 'repeat'];
/** The contract's limit for name, role and organisation (they go into the certificate). */
const MAX_NAME = 64;

interface CreateIdentityFormProps {
  id: string;
  /** Whether the OS key store can protect the key here (identities.keyStore); undefined while that is asked. */
  systemAvailable: boolean | undefined;
  onCreated: (identity: SigningIdentity) => void;
  onCancel: () => void;
}

/**
 * A new self-signed identity: name, role and organisation for the certificate, and how its key is protected (the OS
 * key store where there is one, or the storage passphrase).
 */
export function CreateIdentityForm({ id, systemAvailable, onCreated, onCancel }: CreateIdentityFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const message = useMessage();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const keys = useKeyProtection(systemAvailable);
  const { protection } = keys;
  const [errors, setErrors] = useState<FieldMessages<Field>>({});
  const [failure, setFailure] = useState<ApiClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const refs: Record<Field, RefObject<HTMLInputElement | null>> = {
    name: nameRef,
    role: useRef<HTMLInputElement>(null),
    organisation: useRef<HTMLInputElement>(null),
    protection: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };

  // The form opens on a button press: start at its first field.
  useEffect(() => nameRef.current?.focus(), []);

  function show(found: FieldMessages<Field>) {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  }

  async function submit() {
    // Until the key store has answered there is nothing to choose from (a moment after the page opens).
    if (busy || !protection) return;
    const found: FieldMessages<Field> = {};
    if (name.trim() === '') found.name = { key: 'reports.errors.required' };
    for (const [field, value] of [['name', name], ['role', role], ['organisation', organisation]] as const) {
      if (MAX_NAME < value.trim().length) found[field] = { key: 'reports.errors.tooLong' };
    }
    for (const [field, key] of Object.entries(keys.problems())) found[field as Field] = { key };
    setFailure(null);
    if (Object.keys(found).length > 0) return show(found);
    setErrors({});
    setBusy(true);
    try {
      const identity = await api.call('identities.create', {
        name: name.trim(),
        ...(role.trim() ? { role: role.trim() } : {}),
        ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
        ...keys.input(),
      });
      onCreated(identity);
    } catch (caught) {
      const error = asApiClientError('identities.create', caught);
      if (conflictReason(error) === 'system-key-store-unavailable') return show({ protection: { key: 'reports.errors.keyStore.unavailable' } });
      const atFields = fieldMessages<Field>(error, (path) => (path === 'storagePassphrase' ? 'passphrase' : FIELDS.includes(path as Field) ? (path as Field) : null), {
        passphrase: 'reports.errors.passphraseShort',
      });
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
      <h3 id={`${id}-heading`}>{t('reports.create.heading')}</h3>
      <p className="field-hint">{t('reports.create.intro')}</p>
      <TextField label={t('reports.create.name')} mark="required" autoComplete="name" value={name} onChange={setName} error={text('name')} inputRef={refs.name} />
      <TextField label={t('reports.create.role')} mark="optional" hint={t('reports.create.roleHint')} value={role} onChange={setRole} error={text('role')} inputRef={refs.role} />
      <TextField
        label={t('reports.create.organisation')}
        mark="optional"
        autoComplete="organization"
        value={organisation}
        onChange={setOrganisation}
        error={text('organisation')}
        inputRef={refs.organisation}
      />
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
        {busy ? t('reports.create.submitting') : ''}
      </p>
      <div className="dialog-actions">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {t('reports.create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reports.identity.cancel')}
        </button>
      </div>
    </form>
  );
}
