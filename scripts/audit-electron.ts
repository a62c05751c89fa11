/**
 * Runs @doyensec/electronegativity over the app's Electron and renderer code and compares its findings with the
 * accepted list in security/electronegativity-accepted.json, where each accepted finding carries its reason.
 *
 *   npm run audit:electron                 the project (npm test runs it too: tests/electron/electronegativity.test.ts)
 *   npx tsx scripts/audit-electron.ts DIR  another folder (the test plants insecure code to show the check fails)
 *
 * Exit 0 when every finding is accepted; 1 when a finding is new, or an accepted one is no longer found (the list
 * must not keep reasons for code that is gone); 2 when the tool itself could not run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['electron', 'renderer'];

const Accepted = z.array(z.strictObject({ check: z.string().min(1), file: z.string().min(1), reason: z.string().min(20) }));
export type AcceptedFinding = z.infer<typeof Accepted>[number];
export interface Finding { check: string; level: string; file: string; location: string; description: string }

/** The tool's SARIF report, as far as it is read here (its CSV does not quote samples that hold commas). */
const Sarif = z.object({
  runs: z.array(z.object({
    results: z.array(z.object({
      ruleId: z.string(),
      level: z.string().default('warning'),
      message: z.object({ text: z.string() }),
      locations: z.array(z.object({
        physicalLocation: z.object({
          artifactLocation: z.object({ uri: z.string() }),
          region: z.object({ startLine: z.number().optional(), startColumn: z.number().optional() }).optional(),
        }),
      })).default([]),
    })),
  })).min(1),
});

export function readAccepted(file = join(ROOT, 'security', 'electronegativity-accepted.json')): AcceptedFinding[] {
  return Accepted.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Runs the tool on a folder (a copy of electron/ and renderer/ by default, so global checks see both). */
export function runElectronegativity(input?: string): Finding[] {
  const work = mkdtempSync(join(tmpdir(), 'ips-electronegativity-'));
  try {
    let scanned = input;
    if (!scanned) {
      scanned = join(work, 'app');
      for (const folder of SCANNED) cpSync(join(ROOT, folder), join(scanned, folder), { recursive: true });
    }
    const out = join(work, 'findings.sarif');
    const electronVersion = String((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron);
    // -e: the tool would otherwise look the version up online (no network here) and assume 0.1.0.
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'electronegativity'), ['-i', scanned, '-r', '-v', 'false', '-e', electronVersion, '-o', out], { encoding: 'utf8', timeout: 180_000 });
    if (result.status !== 0 || !existsSync(out)) throw new Error(`electronegativity did not run (exit ${result.status}): ${result.stderr || result.error?.message}`);
    return Sarif.parse(JSON.parse(readFileSync(out, 'utf8'))).runs[0]!.results.map((r) => {
      const where = r.locations[0]?.physicalLocation;
      return {
        check: r.ruleId, level: r.level, file: where?.artifactLocation.uri ?? 'N/A',
        location: `${where?.region?.startLine ?? 0}:${where?.region?.startColumn ?? 0}`, description: r.message.text,
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function compareWithAccepted(findings: readonly Finding[], accepted: readonly AcceptedFinding[]) {
  const isAccepted = (f: Finding) => accepted.some((a) => a.check === f.check && a.file === f.file);
  return {
    unaccepted: findings.filter((f) => !isAccepted(f)),
    stale: accepted.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file)),
  };
}

function main(): number {
  const input = process.argv[2];
  let findings: Finding[];
  try {
    findings = runElectronegativity(input);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const accepted = input ? [] : readAccepted();
  const { unaccepted, stale } = compareWithAccepted(findings, accepted);
  console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - unaccepted.length} accepted (security/electronegativity-accepted.json)`);
  for (const f of unaccepted) console.log(`NEW   ${f.check} (${f.level}) ${f.file}:${f.location} ${f.description}`);
  for (const a of stale) console.log(`STALE ${a.check} ${a.file}: accepted but no longer found; remove it from the list`);
  return unaccepted.length || stale.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
