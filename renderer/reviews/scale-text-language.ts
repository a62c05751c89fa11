import type { LanguageCode } from '../../scales/scale-schema.ts';

const FALLBACK_ORDER: readonly LanguageCode[] = ['fi', 'en', 'sv'];

/**
 * The language a scale's texts are shown in: the UI language when the scale has it (Swedish for IPS-25 1.1.0),
 * else the first language `localized` falls back to (a scale without Swedish shows Finnish). `lang` is set only
 * for a fallback, to mark the scale texts for screen readers.
 */
export function scaleTextLanguage(scaleLanguages: readonly LanguageCode[], ui: LanguageCode): { language: LanguageCode; lang: LanguageCode | undefined } {
  if (scaleLanguages.includes(ui)) return { language: ui, lang: undefined };
  const language = FALLBACK_ORDER.find((l) => scaleLanguages.includes(l)) ?? scaleLanguages[0] ?? ui;
  return { language, lang: language };
}
