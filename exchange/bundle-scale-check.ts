import { createHash } from 'node:crypto';
import { canonicalJson } from '../scales/canonical-json.ts';
import type { Problem } from '../scales/problem.ts';
import type { ScaleRegistry } from '../scales/scale-registry.ts';
import { parseScaleVersion, ScaleFileError, scaleRef, type ScaleVersion } from '../scales/scale-version.ts';
import { BUNDLE_LIMITS } from './bundle-format.ts';
import { problem, under } from './bundle-problem.ts';

export interface BundleScaleCheck {
  /** Every scale of the bundle, in bundle order. */
  scales: ScaleVersion[];
  /** Those the registry lacks. */
  newScales: ScaleVersion[];
  problems: Problem[];
}

/**
 * The bundle's scale versions: each within the size limit, valid by the scale schema and its consistency rules
 * (as a scale file on disk), listed once, with its content hash recomputed here, never taken from the bundle.
 * A version this app already has must be the very same text: released versions never change (issue 1).
 * `texts`: the scales' canonical JSON where the caller worked it out already.
 */
export function checkBundleScales(rawScales: readonly unknown[], registry: ScaleRegistry, texts?: ReadonlyMap<object, string>): BundleScaleCheck {
  const scales: ScaleVersion[] = [];
  const newScales: ScaleVersion[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  rawScales.forEach((raw, i) => {
    const path = `content.scales[${i}]`;
    const canonical = canonicalJson(raw, texts);
    if (canonical.length > BUNDLE_LIMITS.maxScaleBytes) {
      problems.push(problem('scale-too-large', path, `the scale is ${canonical.length} characters; a scale file is at most ${BUNDLE_LIMITS.maxScaleBytes}`));
      return;
    }
    const hash = `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
    const { id, version } = raw as { id?: unknown; version?: unknown };
    const known = typeof id === 'string' && typeof version === 'string' ? registry.get(id, version) : undefined;
    let checked: ScaleVersion;
    if (known?.contentHash === hash) {
      // The same text as a version already loaded (and validated then): equal hashes, equal content.
      checked = known;
    } else {
      try {
        checked = parseScaleVersion(raw, `bundle ${path}`);
      } catch (error) {
        if (!(error instanceof ScaleFileError)) throw error;
        problems.push(...error.problems.map((p) => ({ ...p, code: p.code.startsWith('schema-') || p.code === 'inconsistent' ? `scale-${p.code}` : p.code })).map(under(path)));
        return;
      }
      if (known) {
        problems.push(problem('scale-conflict', path, `this app has another text of ${known.data.id} ${known.data.version} (${known.contentHash}) than the bundle (${hash}); a released scale version is never changed`, { id: known.data.id, version: known.data.version, expected: known.contentHash, actual: hash }));
        return;
      }
      newScales.push(checked);
    }
    const ref = scaleRef(checked.data.id, checked.data.version);
    const first = seen.get(ref);
    if (first !== undefined) {
      problems.push(problem('scale-duplicate', path, `${checked.data.id} ${checked.data.version} is already in the bundle at content.scales[${first}]`));
      return;
    }
    seen.set(ref, i);
    scales.push(checked);
  });
  return { scales, newScales: newScales.filter((s) => scales.includes(s)), problems };
}
