import { useTranslation } from 'react-i18next';
import { localized } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { ScaleDiffersMarker } from '../components/ScaleDiffersMarker.tsx';
import { FieldError } from './FieldError.tsx';
import { orderScales, scaleValue, type FieldProblem, type ScaleChoice } from './new-review-values.ts';

interface ScaleVersionFieldProps {
  id: string;
  scales: readonly ScaleChoice[];
  value: string;
  problem: FieldProblem | undefined;
  onChange: (value: string) => void;
}

/**
 * The scale version to score with: the default (newest shipped, or adopted in settings) is chosen; other versions
 * stay selectable (to repeat a review on the version it was first done with) and say that they are not the
 * default, and a received version that differs from the shipped scale says so, in the option and below the field.
 */
export function ScaleVersionField({ id, scales, value, problem, onChange }: ScaleVersionFieldProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const chosen = scales.find((s) => scaleValue(s) === value);
  const describedBy = [`${id}-hint`, problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{t('review.new.scale')}</label>
      <select id={id} value={value} aria-invalid={problem ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
        {orderScales(scales).map((scale) => (
          <option key={scaleValue(scale)} value={scaleValue(scale)}>
            {t(scale.differsFromShipped ? 'review.new.scaleOptionDiffers' : scale.isDefault ? 'review.new.scaleOptionDefault' : 'review.new.scaleOptionOther', { title: localized(scale.title, language), version: scale.version })}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className={chosen && !chosen.isDefault ? 'field-hint field-hint--warning' : 'field-hint'}>
        {chosen && !chosen.isDefault ? t('review.new.scaleOtherHint', { version: chosen.version }) : t('review.new.scaleHint')}
        {chosen?.differsFromShipped && <> <ScaleDiffersMarker /></>}
      </p>
      <FieldError id={`${id}-error`} problem={problem} />
    </div>
  );
}
