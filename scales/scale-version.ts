import { contentHash } from './canonical-json.ts';
import { problemsFromZod, type Problem } from './problem.ts';
import { refineScale } from './scale-consistency.ts';
import { ScaleVersionShape, type ScaleVersionData } from './scale-schema.ts';

/** A scale file's shape and its consistency rules in one schema. */
export const ScaleVersionSchema = ScaleVersionShape.superRefine(refineScale);

/** A validated scale version and the hash of the exact text reviews are scored with. */
export interface ScaleVersion {
  data: ScaleVersionData;
  contentHash: string;
  /** Where it was loaded from, for messages. */
  origin: string;
  /**
   * The JSON exactly as read (before zod trims strings and fills defaults): the content hash is over it, and a
   * review bundle carries it, so the receiver computes the same hash.
   */
  json: unknown;
}

export class ScaleFileError extends Error {
  constructor(readonly origin: string, readonly problems: Problem[]) {
    super(`${origin}: scale refused\n${problems.map((p) => `  ${p.path || '(file)'}: ${p.message}`).join('\n')}`);
    this.name = 'ScaleFileError';
  }
}

export function parseScaleVersion(json: unknown, origin: string): ScaleVersion {
  const result = ScaleVersionSchema.safeParse(json);
  if (!result.success) throw new ScaleFileError(origin, problemsFromZod(result.error.issues));
  return { data: result.data, contentHash: contentHash(json), origin, json };
}

export const scaleRef = (id: string, version: string) => `${id}@${version}`;

/** Orders MAJOR.MINOR.PATCH versions numerically (1.10.0 after 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
