import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';

type Refusal = NonNullable<Extract<CallOutput<'bundles.inspect'>, { ok: true }>['reviews'][number]['refusal']>;
type Sender = Refusal['now'];

/**
 * Why the import must not change this review, in words: for a change of sender, who sent the review before and
 * who sends it now, by name and fingerprint (the names come from the certificates, never from unsigned fields).
 */
export function ImportRefusal({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  const who = (sender: Sender) => t('exchange.import.refusal.sender', {
    name: sender.name ?? t('exchange.import.refusal.unnamed'), fingerprint: sender.certificateFingerprint,
  });
  const text = refusal.code === 'exporter-changed' && refusal.before
    ? t('exchange.import.refusal.exporter-changed', { before: who(refusal.before), now: who(refusal.now) })
    : refusal.code === 'own-review'
      ? t('exchange.import.refusal.own-review', { now: who(refusal.now) })
      : t(`exchange.import.refusal.${refusal.code}`);
  return <p className="exchange-refusal">{text}</p>;
}
