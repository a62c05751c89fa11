import { useTranslation } from 'react-i18next';

/** "malli 1" / "malli 2" with its meaning as a tooltip; the page also explains both models in words. */
export function CollaborationModelText({ model }: { model: 1 | 2 | null }) {
  const { t } = useTranslation();
  if (model === null) return <>{t('sites.noValue')}</>;
  return <span title={t(`collaborationModel.description${model}`)}>{t(`collaborationModel.model${model}`)}</span>;
}
