import type { ScaleItem, ScaleSection, ScaleVersionData } from '../../scales/scale-schema.ts';

export interface SectionItems {
  section: ScaleSection;
  items: ScaleItem[];
}

/** The scale's items grouped by section, in the order the sections list them: the order of the review form. */
export function itemsBySection(scale: ScaleVersionData): SectionItems[] {
  const byNumber = new Map(scale.items.map((item) => [item.number, item]));
  return scale.sections.map((section) => ({
    section,
    items: section.items.map((n) => byNumber.get(n)).filter((item): item is ScaleItem => item !== undefined),
  }));
}

/** Every item once, in form order (an item missing from every section still comes last). */
export function orderedItems(scale: ScaleVersionData): ScaleItem[] {
  const grouped = itemsBySection(scale).flatMap((g) => g.items);
  const seen = new Set(grouped.map((item) => item.number));
  return [...grouped, ...scale.items.filter((item) => !seen.has(item.number))];
}
