import { canonicalJson } from './canonical-json.ts';
import type { LanguageCode, LocalizedText, ScaleVersionData } from './scale-schema.ts';

/** A band whose limits differ between two versions of a scale (null: the band is not in that version). */
export interface BandDifference {
  key: string;
  shipped: { min: number; max: number } | null;
  other: { min: number; max: number } | null;
}

/** An item both versions have (by number) whose meaning changed: its key, title or anchors. */
export interface ItemDifference {
  number: number;
  keyChanged: boolean;
  titleChanged: boolean;
  anchorsChanged: boolean;
}

/** What scores differently, or reads differently, under `other` than under the shipped version of the same scale. */
export interface ScaleDifferences {
  bands: BandDifference[];
  totalRangeChanged: boolean;
  itemsAdded: number[];
  itemsRemoved: number[];
  itemsChanged: ItemDifference[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** A text cut down to the given languages: a language one version adds (1.1.0's Swedish) changes no meaning. */
const inLanguages = (text: LocalizedText, languages: readonly LanguageCode[]) =>
  Object.fromEntries(languages.map((language) => [language, text[language]]));

/**
 * The differences that change a result or what a rating means: band limits (and the total range), items added or
 * removed, and items whose key, title or anchors changed. Edition, notes and sources are left out: they change
 * no score. Used for the "differs from the shipped scale" marker and for the diff shown before adopting a version.
 */
export function scaleDifferences(shipped: ScaleVersionData, other: ScaleVersionData): ScaleDifferences {
  const bandKeys = [...new Set([...shipped.scoring.bands, ...other.scoring.bands].map((b) => b.key))];
  const bandOf = (data: ScaleVersionData, key: string) => {
    const band = data.scoring.bands.find((b) => b.key === key);
    return band ? { min: band.min, max: band.max } : null;
  };
  const bands = bandKeys
    .map((key) => ({ key, shipped: bandOf(shipped, key), other: bandOf(other, key) }))
    .filter((b) => !same(b.shipped, b.other));
  const shippedItems = new Map(shipped.items.map((item) => [item.number, item]));
  const otherItems = new Map(other.items.map((item) => [item.number, item]));
  const shared = shipped.languages.filter((language) => other.languages.includes(language));
  const sameText = (a: LocalizedText, b: LocalizedText) => same(inLanguages(a, shared), inLanguages(b, shared));
  const itemsChanged = other.items.flatMap((item) => {
    const before = shippedItems.get(item.number);
    if (!before) return [];
    const change = {
      number: item.number, keyChanged: before.key !== item.key, titleChanged: !sameText(before.title, item.title),
      anchorsChanged: before.anchors.length !== item.anchors.length || before.anchors.some((anchor, i) => !sameText(anchor, item.anchors[i]!)),
    };
    return change.keyChanged || change.titleChanged || change.anchorsChanged ? [change] : [];
  });
  return {
    bands,
    totalRangeChanged: !same(shipped.scoring.totalRange, other.scoring.totalRange),
    itemsAdded: other.items.filter((item) => !shippedItems.has(item.number)).map((item) => item.number),
    itemsRemoved: shipped.items.filter((item) => !otherItems.has(item.number)).map((item) => item.number),
    itemsChanged,
  };
}

/** Whether the differences change band limits or items: what the "differs from the shipped scale" marker means. */
export function differsInBandsOrItems(differences: ScaleDifferences): boolean {
  return differences.bands.length > 0 || differences.totalRangeChanged || differences.itemsAdded.length > 0
    || differences.itemsRemoved.length > 0 || differences.itemsChanged.length > 0;
}
