import type { Problem } from './problem.ts';
import type { ScaleVersionData } from './scale-schema.ts';
import { scaleRef, type ScaleVersion } from './scale-version.ts';

type Data = Pick<ScaleVersionData, 'id' | 'version' | 'items' | 'scoring'>;

/**
 * Why two versions of a scale cannot be compared: another scale, another number of items, an item number with
 * another key, or another total range. Empty when they can: then an item-by-item view means the same under both
 * and totals lie on the same range.
 */
export function comparabilityMismatches(a: Data, b: Data): string[] {
  if (a.id !== b.id) return [`they are different scales (${a.id}, ${b.id})`];
  const mismatches: string[] = [];
  if (a.items.length !== b.items.length) mismatches.push(`${a.version} has ${a.items.length} items, ${b.version} has ${b.items.length}`);
  const keyInB = new Map(b.items.map((item) => [item.number, item.key]));
  const numbersInA = new Set(a.items.map((item) => item.number));
  for (const item of a.items) {
    const other = keyInB.get(item.number);
    if (other === undefined) mismatches.push(`item ${item.number} ("${item.key}") is missing from ${b.version}`);
    else if (other !== item.key) mismatches.push(`item ${item.number} is "${item.key}" in ${a.version} but "${other}" in ${b.version}`);
  }
  for (const item of b.items) {
    if (!numbersInA.has(item.number)) mismatches.push(`item ${item.number} ("${item.key}") is missing from ${a.version}`);
  }
  const ra = a.scoring.totalRange;
  const rb = b.scoring.totalRange;
  if (ra.min !== rb.min || ra.max !== rb.max) mismatches.push(`the total range is ${ra.min}–${ra.max} in ${a.version} but ${rb.min}–${rb.max} in ${b.version}`);
  return mismatches;
}

/**
 * Two versions of a scale are compared only when their items map one to one: the same item numbers with the same
 * item keys, and the same total range. The one home of this rule (comparisons, the registry's check of a file's
 * `comparableWith`).
 */
export const itemsMapOneToOne = (a: ScaleVersion, b: ScaleVersion): boolean => comparabilityMismatches(a.data, b.data).length === 0;

/**
 * Problems with `version`'s declared comparability against the versions already loaded, in both directions: each
 * loaded version it names must match it, and each loaded version naming it must match it. A version it names that
 * is not loaded is checked when that version arrives.
 */
export function comparabilityProblems(version: ScaleVersion, loaded: Iterable<ScaleVersion>): Problem[] {
  const problems: Problem[] = [];
  const { id, version: v } = version.data;
  for (const other of loaded) {
    if (other === version || other.data.id !== id) continue;
    const declaredHere = version.data.comparableWith?.includes(other.data.version) ?? false;
    const declaredThere = other.data.comparableWith?.includes(v) ?? false;
    if (!declaredHere && !declaredThere) continue;
    const mismatches = comparabilityMismatches(version.data, other.data);
    if (mismatches.length === 0) continue;
    const index = version.data.comparableWith?.indexOf(other.data.version) ?? -1;
    const declarer = declaredHere ? scaleRef(id, v) : scaleRef(id, other.data.version);
    const named = declaredHere ? other.data.version : v;
    problems.push({
      code: 'not-comparable',
      path: declaredHere ? `comparableWith[${index}]` : 'items',
      message: `${declarer} declares it is comparable with ${named} (same item numbers, keys and total range), but ${mismatches.join('; ')}`,
      params: { declarer, named, mismatches: mismatches.join('; ') },
    });
  }
  return problems;
}
