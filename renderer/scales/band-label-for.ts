import { localized } from '../../scales/display-format.ts';
import type { LanguageCode, LocalizedText } from '../../scales/scale-schema.ts';

/** Each loaded scale version's bands, keyed `id@version`, the default versions first. */
export type BandIndex = { key: string; bands: { key: string; label: LocalizedText }[] }[];

/**
 * A band's label in `language`: from the result's own scale version when it has that language, else from another
 * loaded version with the same band key that has it (a 1.0.0 review in the Swedish UI gets 1.1.0's Swedish label:
 * the versions share band keys and limits), else the own version's label in its fallback language.
 */
export function bandLabelFor(index: BandIndex, band: string, scaleKey: string | undefined, language: LanguageCode): string | undefined {
  const candidates = scaleKey ? [...index.filter((s) => s.key === scaleKey), ...index.filter((s) => s.key !== scaleKey)] : index;
  const definitions = candidates.flatMap(({ bands }) => bands.filter((b) => b.key === band));
  const inLanguage = definitions.find((d) => d.label[language] !== undefined);
  const definition = inLanguage ?? definitions[0];
  return definition ? localized(definition.label, language) : undefined;
}
