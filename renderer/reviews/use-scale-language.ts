import type { LanguageCode, ScaleVersionData } from '../../scales/scale-schema.ts';
import { useUiLanguage } from '../i18n/use-format.ts';

const FALLBACK_ORDER: readonly LanguageCode[] = ['fi', 'en', 'sv'];

/**
 * The language the scale's texts are shown in: the UI language when the scale has it, else the first language
 * `localized` falls back to (a scale without Swedish shows Finnish). `lang` is set only for a fallback, to mark
 * the scale texts for screen readers.
 */
export function useScaleLanguage(scale: ScaleVersionData): { language: LanguageCode; lang: LanguageCode | undefined } {
  const ui = useUiLanguage();
  if (scale.languages.includes(ui)) return { language: ui, lang: undefined };
  const language = FALLBACK_ORDER.find((l) => scale.languages.includes(l)) ?? scale.languages[0] ?? ui;
  return { language, lang: language };
}
