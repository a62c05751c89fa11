import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../scales/display-format.ts';
import type { LanguageCode, LocalizedText } from '../../scales/scale-schema.ts';
import { useUiLanguage } from '../i18n/use-format.ts';

interface AnchorRadioGroupProps {
  item: number;
  anchors: readonly LocalizedText[];
  /** The score of the first anchor (the scale's item minimum). */
  minScore: number;
  score: number | null;
  disabled: boolean;
  /** Set when the scale text is in another language than the UI. */
  textLang: LanguageCode | undefined;
  onScore: (score: number) => void;
}

/**
 * The item's five anchors as one radio group: each anchor is a radio named by its score and its description,
 * the chosen one highlighted. Native radios, so clicking anywhere on an anchor, Space and Left/Right work as
 * usual (Up/Down are the editor's "previous/next item").
 */
export function AnchorRadioGroup({ item, anchors, minScore, score, disabled, textLang, onScore }: AnchorRadioGroupProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const id = useId();
  return (
    <fieldset role="radiogroup" className="anchors" aria-labelledby={`${id}-legend`} aria-describedby={disabled ? undefined : `${id}-hint`}>
      <legend id={`${id}-legend`} className="anchors__legend">
        {t('review.item.anchorsLegend')}
      </legend>
      {!disabled && (
        <p id={`${id}-hint`} className="field-hint">
          {t('review.item.anchorsHint')}
        </p>
      )}
      {anchors.map((anchor, index) => {
        const value = minScore + index;
        const checked = score === value;
        return (
          <label key={value} className={checked ? 'anchor anchor--chosen' : 'anchor'}>
            <input type="radio" name={`${id}-item-${item}`} value={value} checked={checked} disabled={disabled} onChange={() => onScore(value)} />
            <span className="anchor__score" aria-hidden="true">
              {value}
            </span>
            <span className="anchor__text">
              <span className="visually-hidden">{t('review.item.scoreName', { score: value })}</span>
              <span lang={textLang}>{localized(anchor, language)}</span>
            </span>
            {checked && <span className="anchor__chosen" aria-hidden="true">{t('review.item.chosen')}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
