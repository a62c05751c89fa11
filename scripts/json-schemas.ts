import { z } from 'zod';
import { BUNDLE_FORMAT, BUNDLE_FORMATS, BundleContent, BundleSignature } from '../exchange/bundle-format.ts';
import { REVIEW_FORMAT, ReviewFile } from '../scales/review-file.ts';
import { SCALE_FORMAT, ScaleVersionShape } from '../scales/scale-schema.ts';

/**
 * JSON Schemas generated from the zod schemas, for tools that do not run our code (THL's systems, editors).
 * They describe the shape; the cross-field rules (scale consistency, scores within the scale's range) are
 * checked by our validator and listed in docs/review-format.md.
 */
export function generatedSchemas(): Record<string, unknown> {
  return {
    'docs/review-format.schema.json': {
      $id: `urn:ips-fidelity:${REVIEW_FORMAT}`,
      title: 'IPS fidelity review file, format 1',
      ...allowUnknownFields(z.toJSONSchema(ReviewFile, { target: 'draft-2020-12', io: 'input' })),
    },
    'docs/scale-format.schema.json': {
      $id: `urn:ips-fidelity:${SCALE_FORMAT}`,
      title: 'IPS fidelity scale version, format 1',
      ...z.toJSONSchema(ScaleVersionShape, { target: 'draft-2020-12', io: 'input' }),
    },
    // A bundle refuses fields it does not know (docs/bundle-format.md), so this schema keeps additionalProperties: false.
    // Its reviews' `file` and `scales` are checked against the two schemas above. What /1 forbids and /2 allows in
    // an action plan (several rows per item, free rows) is in docs/bundle-format.md.
    'docs/bundle-format.schema.json': {
      $id: `urn:ips-fidelity:${BUNDLE_FORMAT}`,
      title: 'IPS fidelity review bundle, formats 1 and 2',
      ...itemOrTitle(z.toJSONSchema(z.strictObject({ format: z.enum(BUNDLE_FORMATS), content: BundleContent, signature: BundleSignature }), { target: 'draft-2020-12', io: 'input' })),
    },
  };
}

export const schemaText = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

/**
 * Format /1 grows by optional fields, so a validator holding this schema must accept fields it does not know
 * (our own reader warns about them instead). zod's strict objects say `additionalProperties: false`; drop it.
 */
function allowUnknownFields<T>(node: T): T {
  if (Array.isArray(node)) return node.map(allowUnknownFields) as T;
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === 'additionalProperties' && value === false));
  return Object.fromEntries(entries.map(([key, value]) => [key, allowUnknownFields(value)])) as T;
}

/** An action plan row names an item or has a title, one of them (a zod refinement, which toJSONSchema leaves out). */
function itemOrTitle<T>(schema: T): T {
  type Node = { properties?: Record<string, Node>; items?: Node; oneOf?: unknown };
  const row = (schema as Node).properties?.content?.properties?.reviews?.items?.properties?.actionPlan?.items;
  if (!row) throw new Error('the bundle schema has no action plan row');
  row.oneOf = [{ required: ['item'] }, { required: ['title'] }];
  return schema;
}
