import { useTranslation } from 'react-i18next';
import { localized } from '../../scales/display-format.ts';
import type { ScaleItem, ScaleVersionData } from '../../scales/scale-schema.ts';
import { useScaleLanguage } from './use-scale-language.ts';

/** Where the evidence for an item comes from (the scale's data sources) and what to ask in interviews. */
export function ItemSources({ scale, item }: { scale: ScaleVersionData; item: ScaleItem }) {
  const { t } = useTranslation();
  const { language, lang } = useScaleLanguage(scale);
  const labels = new Map(scale.dataSources.map((source) => [source.key, localized(source.label, language)]));
  const prompts = item.interviewPrompts ?? [];
  return (
    <div className="item-sources">
      <div>
        <h3>{t('review.item.dataSources')}</h3>
        <ul>
          {item.dataSources.map((key) => (
            <li key={key} lang={lang}>{labels.get(key) ?? key}</li>
          ))}
        </ul>
      </div>
      {prompts.length > 0 && (
        <div>
          <h3>{t('review.item.interviewPrompts')}</h3>
          <ul>
            {prompts.map((prompt, index) => (
              <li key={index} lang={lang}>{localized(prompt, language)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
