import { z } from 'zod';
import { ScaleVersionShape } from '../../scales/scale-schema.ts';
import { call } from './call.ts';


const ScaleId = z.string().min(1).max(100);
const ScaleVersionNumber = z.string().min(1).max(50);
const Band = z.object({ min: z.number().int(), max: z.number().int() });

/** How a version differs from the newest shipped version of its scale (scales/scale-diff.ts). */
export const ScaleDifferences = z.object({
  bands: z.array(z.object({ key: z.string(), shipped: Band.nullable(), other: Band.nullable() })),
  totalRangeChanged: z.boolean(),
  itemsAdded: z.array(z.number().int()),
  itemsRemoved: z.array(z.number().int()),
  itemsChanged: z.array(z.object({ number: z.number().int(), keyChanged: z.boolean(), titleChanged: z.boolean(), anchorsChanged: z.boolean() })),
});

/** Scale versions: the shipped ones and those review bundles brought, and which one new reviews default to. */
export const scaleContract = {
  'scales.list': call(z.strictObject({}), z.array(z.object({
    id: z.string(), version: z.string(), contentHash: z.string(), languages: z.array(z.string()),
    title: z.record(z.string(), z.string()),
    /** New reviews of this scale default to this version: the newest shipped one, or the one the user adopted. */
    isDefault: z.boolean(),
    /** Came with the app (a scale file); false for a version a review bundle brought. */
    shipped: z.boolean(),
    /** A received version whose band limits or items differ from the shipped version of the same scale. */
    differsFromShipped: z.boolean(),
  }))),
  'scales.get': call(z.strictObject({ id: ScaleId, version: ScaleVersionNumber }),
    z.object({ contentHash: z.string(), scale: ScaleVersionShape })),
  /** What differs between a version and the newest shipped version of its scale: shown before adopting it. */
  'scales.differences': call(z.strictObject({ id: ScaleId, version: ScaleVersionNumber }), z.object({
    shipped: z.object({ id: z.string(), version: z.string() }).nullable(),
    differences: ScaleDifferences.nullable(),
  })),
  /**
   * Adopts a version as the default for new reviews of its scale (saved in the settings and audited); null goes
   * back to the newest shipped version. Nothing else ever makes a received version the default.
   */
  'scales.adopt': call(z.strictObject({ id: ScaleId, version: ScaleVersionNumber.nullable() }), z.object({
    id: z.string(), defaultVersion: z.string().nullable(), adopted: z.boolean(),
  })),
} as const;
