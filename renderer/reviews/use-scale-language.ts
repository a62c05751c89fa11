import type { LanguageCode, ScaleVersionData } from '../../scales/scale-schema.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { scaleTextLanguage } from './scale-text-language.ts';

/** The language the scale's texts are shown in, for the UI language (see scaleTextLanguage). */
export function useScaleLanguage(scale: ScaleVersionData): { language: LanguageCode; lang: LanguageCode | undefined } {
  return scaleTextLanguage(scale.languages, useUiLanguage());
}
