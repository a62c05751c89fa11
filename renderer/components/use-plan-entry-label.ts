import { useTranslation } from 'react-i18next';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { localized } from '../../scales/display-format.ts';
import type { ScaleVersionData } from '../../scales/scale-schema.ts';
import { useUiLanguage } from '../i18n/use-format.ts';

/**
 * A visit plan row's name in the UI language: the scale's data source, the IPS team meeting, or the reviewers' own
 * label (the plan page and the review editor's "From the visit" panel).
 */
export function usePlanEntryLabel(scale: Pick<ScaleVersionData, 'dataSources'>) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (entry: Pick<VisitPlanEntry, 'kind' | 'sourceKey' | 'label'>): string => {
    if (entry.kind === 'team-meeting') return t('consensus.plan.teamMeeting');
    if (entry.kind === 'custom') return entry.label ?? '';
    const source = scale.dataSources.find((s) => s.key === entry.sourceKey);
    return source ? localized(source.label, language) : entry.sourceKey;
  };
}
