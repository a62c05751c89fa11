import { ApiFailure } from '../../contract/api-error.ts';
import type { ScaleRegistry } from '../../../scales/scale-registry.ts';
import { itemsMapOneToOne } from '../../../scales/scale-comparability.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { DEFAULT_SCALE_ID } from './default-scale.ts';

/** The comparison's base when the filters name none: the default scale of new reviews (default-scale.ts), else any. */
export function defaultScale(registry: ScaleRegistry, adopted?: string): ScaleVersion | undefined {
  return registry.defaultVersion(DEFAULT_SCALE_ID, adopted) ?? registry.list().at(-1);
}

export interface ComparedScales {
  /** The version the filter chose (or the default): its items and bands frame the views. */
  base: ScaleVersion;
  /** base and every version that maps one to one onto it, oldest first. */
  versions: ScaleVersion[];
  /** The @scales parameter of the comparison statements: each version's scoring rules (see comparison-sql.ts). */
  rulesJson: string;
}

export function comparedScales(registry: ScaleRegistry, chosen: { id: string; version: string } | null, adopted?: string): ComparedScales {
  const base = chosen ? registry.get(chosen.id, chosen.version) : defaultScale(registry, adopted);
  if (!base) throw new ApiFailure('not-found', { entity: 'scale', id: chosen ? `${chosen.id}@${chosen.version}` : 'ips-25' });
  const versions = registry.list().filter((v) => v === base || itemsMapOneToOne(base, v));
  const rules = versions.map((v) => ({
    id: v.data.id,
    version: v.data.version,
    items: v.data.items.length,
    minRated: v.data.scoring.partial.minRatedItems,
    factor: 10 ** v.data.scoring.partial.decimals,
    // In scale order: bandFor takes the last band whose min the total reaches.
    bands: v.data.scoring.bands.map((band) => ({ key: band.key, min: band.min })),
  }));
  return { base, versions, rulesJson: JSON.stringify(rules) };
}
