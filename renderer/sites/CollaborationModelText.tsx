import { useTranslation } from 'react-i18next';
import type { CollaborationModel } from '../../electron/contract/entities.ts';

/** "malli 1" / "malli 2" with its meaning as a tooltip, or "muu malli" with its note; the page explains the models in words. */
export function CollaborationModelText({ model, note }: { model: CollaborationModel | null; note?: string | null }) {
  const { t } = useTranslation();
  if (model === null) return <>{t('sites.noValue')}</>;
  if (model === 'other') return <span title={note ?? undefined}>{t('regions.collaboration.other')}</span>;
  return <span title={t(`collaborationModel.description${model}`)}>{t(`collaborationModel.model${model}`)}</span>;
}

/** The model's meaning in words: the numbered models' descriptions, or the note written for "other". */
export function CollaborationModelDescription({ model, note }: { model: CollaborationModel | null; note: string | null }) {
  const { t } = useTranslation();
  if (model === null) return null;
  return <span className="cell-note">{model === 'other' ? note : t(`collaborationModel.description${model}`)}</span>;
}
