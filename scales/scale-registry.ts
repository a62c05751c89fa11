import { jsonProblemText, parseJsonWithLimits } from './input-limits.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparabilityProblems, itemsMapOneToOne } from './scale-comparability.ts';
import { differsInBandsOrItems, scaleDifferences } from './scale-diff.ts';
import { compareVersions, parseScaleVersion, ScaleFileError, scaleRef, type ScaleVersion } from './scale-version.ts';

export const BUNDLED_SCALES_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** Scale files are small; anything larger is not a scale file and is refused before parsing. */
const MAX_SCALE_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Every loaded scale version, looked up by id and version. Versions are immutable once released.
 *
 * Two kinds: installed versions, loaded from scale files at start (the app's own scales/data and any folder the
 * operator names), and received versions, which review bundles brought (add()). A received version scores the
 * reviews it came with, but never becomes the default for new reviews by itself (issue 11): the default is the
 * newest installed version, or one the user adopted explicitly (defaultVersion).
 */
export class ScaleRegistry {
  private readonly byRef = new Map<string, ScaleVersion>();
  private readonly received = new Set<ScaleVersion>();

  constructor(versions: Iterable<ScaleVersion>) {
    for (const version of versions) {
      const ref = scaleRef(version.data.id, version.data.version);
      const existing = this.byRef.get(ref);
      if (existing) {
        throw duplicateVersionError(version.origin, ref, existing.origin);
      }
      this.byRef.set(ref, version);
    }
  }

  /**
   * Adds a version found after start: one a review bundle brought (validated before), or one stored from a bundle
   * earlier. The same text again is a no-op; another text under a loaded version is refused, as at start.
   */
  add(version: ScaleVersion): void {
    const ref = scaleRef(version.data.id, version.data.version);
    const existing = this.byRef.get(ref);
    if (existing?.contentHash === version.contentHash) return;
    if (existing) throw duplicateVersionError(version.origin, ref, existing.origin);
    const problems = comparabilityProblems(version, this.byRef.values());
    if (problems.length > 0) throw new ScaleFileError(version.origin, problems);
    this.byRef.set(ref, version);
    this.received.add(version);
  }

  /** All versions, by id and then oldest version first. */
  list(): ScaleVersion[] {
    return [...this.byRef.values()].sort((a, b) =>
      a.data.id === b.data.id ? compareVersions(a.data.version, b.data.version) : a.data.id < b.data.id ? -1 : 1);
  }

  get(id: string, version: string): ScaleVersion | undefined {
    return this.byRef.get(scaleRef(id, version));
  }

  versionsOf(id: string): string[] {
    return this.list().filter((v) => v.data.id === id).map((v) => v.data.version);
  }

  /** Whether the version came with the app (a scale file loaded at start), not in a review bundle. */
  isShipped(version: ScaleVersion): boolean {
    return this.byRef.get(scaleRef(version.data.id, version.data.version)) === version && !this.received.has(version);
  }

  /** The newest version of `id` shipped with the app (installed scale files), whatever bundles brought. */
  newestShipped(id: string): ScaleVersion | undefined {
    return this.list().filter((v) => v.data.id === id && !this.received.has(v)).at(-1);
  }

  /**
   * The version new reviews of scale `id` are scored with: the one the user adopted (settings, scales.adopt) if
   * it is loaded, else the newest shipped version. The one home of this rule; a received version is never chosen
   * by being newer.
   */
  defaultVersion(id: string, adopted?: string | undefined): ScaleVersion | undefined {
    return (adopted !== undefined ? this.get(id, adopted) : undefined) ?? this.newestShipped(id);
  }

  /**
   * Whether reviews under `a` and `b` can be compared and combined (item by item, totals, trends): the same scale
   * with the same item numbers, keys and total range. A version's `comparableWith` declares it, and the registry
   * refuses a file whose declaration is untrue, so a declared pair always passes.
   */
  comparable(a: ScaleVersion, b: ScaleVersion): boolean {
    return a === b || itemsMapOneToOne(a, b);
  }

  /**
   * A received version whose id is a shipped scale's but whose band limits or items differ from the newest shipped
   * version of that scale: shown with a "differs from the shipped scale" marker wherever it appears.
   */
  differsFromShipped(version: ScaleVersion): boolean {
    if (this.isShipped(version)) return false;
    const shipped = this.newestShipped(version.data.id);
    return shipped !== undefined && differsInBandsOrItems(scaleDifferences(shipped.data, version.data));
  }
}

export interface ScaleLoadResult {
  registry: ScaleRegistry;
  /** Files that were refused; the registry holds every other file. */
  refused: ScaleFileError[];
}

/** Loads every `*.json` in the given folders (the bundled one first). A refused file never stops the others. */
export function loadScaleRegistry(extraDirs: readonly string[] = [], { includeBundled = true } = {}): ScaleLoadResult {
  const dirs = includeBundled ? [BUNDLED_SCALES_DIR, ...extraDirs] : [...extraDirs];
  const accepted: ScaleVersion[] = [];
  const refused: ScaleFileError[] = [];
  const seen = new Map<string, string>();
  for (const file of dirs.flatMap(listScaleFiles)) {
    try {
      const version = parseScaleVersion(readScaleJson(file), file);
      const ref = scaleRef(version.data.id, version.data.version);
      const other = seen.get(ref);
      if (other) {
        throw duplicateVersionError(file, ref, other);
      }
      seen.set(ref, file);
      accepted.push(version);
    } catch (error) {
      if (error instanceof ScaleFileError) refused.push(error);
      else throw error;
    }
  }
  // A file that declares itself comparable with a loaded version whose items differ is refused (the declarer, not
  // the version it names).
  const comparable = accepted.filter((version) => {
    const ref = scaleRef(version.data.id, version.data.version);
    const problems = comparabilityProblems(version, accepted).filter((p) => p.params?.declarer === ref);
    if (problems.length > 0) refused.push(new ScaleFileError(version.origin, problems));
    return problems.length === 0;
  });
  return { registry: new ScaleRegistry(comparable), refused };
}

function listScaleFiles(dir: string): string[] {
  const absolute = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(absolute);
  } catch (error) {
    throw new ScaleFileError(absolute, [{ code: 'scale-dir-unreadable', path: '', message: `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  return names.filter((name) => name.endsWith('.json')).sort().map((name) => join(absolute, name));
}

function readScaleJson(file: string): unknown {
  const size = statSync(file).size;
  if (size > MAX_SCALE_FILE_BYTES) {
    throw new ScaleFileError(file, [{ code: 'file-too-large', path: '', message: `the file is ${size} bytes; a scale file is at most ${MAX_SCALE_FILE_BYTES}` }]);
  }
  const parsed = parseJsonWithLimits(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new ScaleFileError(file, [{ code: 'not-json', path: parsed.reason === 'not-well-formed-unicode' ? parsed.path : '', message: jsonProblemText(parsed) }]);
  return parsed.value;
}

function duplicateVersionError(origin: string, ref: string, other: string): ScaleFileError {
  return new ScaleFileError(origin, [{
    code: 'duplicate-scale-version',
    path: 'version',
    message: `${ref} is already loaded from ${other}; a released version is never changed, give the new text a new version`,
    params: { ref, other },
  }]);
}
