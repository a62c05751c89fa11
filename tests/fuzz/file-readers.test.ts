import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputFileError, readJsonFile } from '../../cli/read-json-file.ts';
import { loadSettings } from '../../electron/backend/settings/settings.ts';
import { Settings } from '../../electron/contract/settings-contract.ts';
import { readBundle } from '../../exchange/bundle-read.ts';
import { readReviewerRatings } from '../../exchange/reviewer-ratings-read.ts';
import { writeReviewerRatings } from '../../exchange/reviewer-ratings-write.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { checkReview, scoreReview } from '../../scales/review-check.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { parseScaleVersion, ScaleFileError } from '../../scales/scale-version.ts';
import { bundleOf, exporterIdentity } from '../exchange/bundle-fixtures.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { bundledScaleJson } from '../fixtures/scale-files.ts';
import { hostileBytes, hostileValue, mutatedBytes, mutatedJson, signedFileVariants } from './arbitraries.ts';
import { fuzzRuns, fuzzTimeout } from './fuzz-settings.ts';

/**
 * Every reader of outside files under fast-check input: arbitrary bytes, hostile JSON, and valid files (examples/,
 * the bundled scale, a signed bundle and a signed reviewer's-ratings file) damaged byte-wise or node-wise, the
 * signed ones also re-signed after the change so the deeper checks are reached. Each reader answers in its
 * documented way and throws nothing else:
 *   readBundle, readReviewerRatings, checkReview / scoreReview: never throw; { ok } or problems
 *   the CLI's readJsonFile: InputFileError only
 *   parseScaleVersion: ScaleFileError only; loadScaleRegistry: never throws (a bad file is in `refused`)
 *   loadSettings: never throws; a bad file is set aside and the defaults are used
 */
const { registry } = bundledIps25();
const folder = mkdtempSync(join(tmpdir(), 'ips-fuzz-readers-'));
let identity: SigningIdentity;
let bundleBytes: Buffer;
let ratingsBytes: Buffer;
const tally: Record<string, { ok: number; refused: number }> = {};

function count(reader: string, ok: boolean) {
  const entry = (tally[reader] ??= { ok: 0, refused: 0 });
  if (ok) entry.ok++;
  else entry.refused++;
}

/** A problem list as the readers give it: code, path and message as text, at most 100. */
function expectProblems(problems: { code: string; path: string; message: string }[]) {
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.length).toBeLessThanOrEqual(100);
  for (const p of problems) expect([typeof p.code, typeof p.path, typeof p.message]).toEqual(['string', 'string', 'string']);
}

beforeAll(async () => {
  identity = (await exporterIdentity()).identity;
  bundleBytes = bundleOf(identity);
  ratingsBytes = writeReviewerRatings({
    createdAt: new Date().toISOString(),
    review: { id: '00000000-0000-4000-8000-000000000001', revision: 1, scale: { id: 'ips-25', version: '1.0.0', contentHash: 'sha256:abc' } },
    reviewer: { position: 2, name: 'Mikael Sundström' },
    completedAt: null,
    ratings: [{ item: 1, score: 4, reason: null, reasonNote: null, evidence: 'Haastattelu' }],
    recommendations: [{ item: null, text: 'Koko arvioinnin suositus' }],
  }, identity);
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  console.info(`[fuzz] file readers: ${Object.entries(tally).map(([reader, { ok, refused }]) => `${reader} ok ${ok} refused ${refused}`).join('; ')}`);
});

describe('every file reader under fast-check input', () => {
  test('the valid files read as valid (so the mutations start from a good file)', () => {
    expect(readBundle(bundleBytes, registry).ok).toBe(true);
    expect(readReviewerRatings(ratingsBytes).ok).toBe(true);
    expect(checkReview(readExample('full-review.json'), registry).ok).toBe(true);
  });

  test('readBundle (exchange/bundle-read.ts): bytes, damaged bytes, re-signed damaged content', { timeout: fuzzTimeout(120_000) }, () => {
    const input = fc.oneof(hostileBytes, signedFileVariants(bundleBytes, identity));
    fc.assert(fc.property(input, (bytes) => {
      const read = readBundle(bytes, registry);
      count('readBundle', read.ok);
      if (!read.ok) expectProblems(read.problems);
    }), fuzzRuns(60));
  });

  test("readReviewerRatings (exchange/reviewer-ratings-read.ts): bytes, damaged bytes, re-signed damaged content", { timeout: fuzzTimeout(60_000) }, () => {
    const input = fc.oneof(hostileBytes, signedFileVariants(ratingsBytes, identity));
    fc.assert(fc.property(input, (bytes) => {
      const read = readReviewerRatings(bytes);
      count('readReviewerRatings', read.ok);
      if (!read.ok) expectProblems(read.problems);
    }), fuzzRuns(100));
  });

  test('the review file reader (cli readJsonFile, then checkReview and scoreReview as reviews.importFile and the CLI do)', { timeout: fuzzTimeout(60_000) }, () => {
    const file = join(folder, 'review.json');
    const example = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'full-review.json'));
    const asBytes = (value: unknown) => Buffer.from(JSON.stringify(value) ?? '', 'utf8');
    const input = fc.oneof(
      hostileBytes,
      mutatedBytes(example),
      mutatedJson(readExample('full-review.json')).map(asBytes),
      mutatedJson(readExample('partial-review-17-items.json')).map(asBytes),
    );
    fc.assert(fc.property(input, (bytes) => {
      writeFileSync(file, bytes);
      let json: unknown;
      try {
        json = readJsonFile(file);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(InputFileError);
        count('readJsonFile', false);
        return;
      }
      count('readJsonFile', true);
      const checked = checkReview(json, registry);
      const scored = scoreReview(json, registry);
      count('checkReview', checked.ok);
      expect(scored.ok).toBe(checked.ok);
      if (!checked.ok) expectProblems(checked.problems);
    }), fuzzRuns(100));
  });

  test('checkReview on values no file parse gives (lone surrogates, undefined, deep) never throws', { timeout: fuzzTimeout(30_000) }, () => {
    fc.assert(fc.property(fc.oneof(hostileValue, mutatedJson(readExample('full-review.json'))), (json) => {
      const checked = checkReview(json, registry);
      if (!checked.ok) expectProblems(checked.problems);
    }), fuzzRuns(100));
  });

  test('scale files (scales/scale-registry.ts, scale-version.ts): parseScaleVersion throws only ScaleFileError; loading a folder never throws', { timeout: fuzzTimeout(90_000) }, () => {
    const scale = bundledScaleJson();
    const input = fc.oneof(
      hostileBytes,
      mutatedBytes(Buffer.from(JSON.stringify(scale, null, 2), 'utf8')),
      mutatedJson({ ...scale, version: '7.0.0' }).map((value) => Buffer.from(JSON.stringify(value) ?? '', 'utf8')),
    );
    const dir = mkdtempSync(join(folder, 'scales-'));
    fc.assert(fc.property(input, (bytes) => {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(bytes).toString('utf8'));
      } catch {
        json = undefined;
      }
      try {
        parseScaleVersion(json, 'fuzz.json');
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(ScaleFileError);
      }
      writeFileSync(join(dir, 'fuzz.json'), bytes);
      const { registry: loaded, refused } = loadScaleRegistry([dir], { includeBundled: false });
      count('loadScaleRegistry', refused.length === 0);
      expect(loaded.list().length + refused.length).toBe(1);
      for (const error of refused) expect(error).toBeInstanceOf(ScaleFileError);
    }), fuzzRuns(60));
  });

  test('settings (electron/backend/settings/settings.ts loadSettings): never throws, defaults for a bad file, which is set aside', { timeout: fuzzTimeout(30_000) }, () => {
    const valid = { language: 'sv', backups: { keepDaily: 3, keepWeekly: 2, keepMonthly: 1, keepPerEvent: 5 }, adoptedScales: { 'ips-25': '1.1.0' } };
    const input = fc.oneof(
      hostileBytes,
      mutatedBytes(Buffer.from(JSON.stringify(valid), 'utf8')),
      mutatedJson(valid).map((value) => Buffer.from(JSON.stringify(value) ?? '', 'utf8')),
    );
    const dir = mkdtempSync(join(folder, 'settings-'));
    const file = join(dir, 'settings.json');
    let minute = 0;
    // A new time for each set-aside name, as a real clock would give.
    const now = () => new Date(Date.UTC(2026, 10, 23, 12, minute++));
    fc.assert(fc.property(input, (bytes) => {
      writeFileSync(file, bytes);
      const logged: string[] = [];
      const loaded = loadSettings(file, (line) => logged.push(line), now);
      count('loadSettings', loaded.setAside === null);
      expect(Settings.safeParse(loaded.settings).success).toBe(true);
      if (loaded.setAside !== null) {
        expect(readFileSync(loaded.setAside).equals(Buffer.from(bytes)), "the set-aside file holds the bytes as they were").toBe(true);
        expect(logged.join('\n')).toMatch(/was not used because/);
        rmSync(loaded.setAside);
      }
    }), fuzzRuns(60));
  });
});
