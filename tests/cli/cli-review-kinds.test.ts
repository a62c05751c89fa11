import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../fixtures/ratings.ts';

/** Issue 13: the command line reads a peer review file and names the reviewing organisation. */
const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');
const folder = mkdtempSync(join(tmpdir(), 'ips-cli-kinds-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('ips-fidelity score of a peer review', () => {
  test.each([
    ['fi', 'vertaisarviointi', 'Arvioiva organisaatio: Tampereen IPS-tiimi'],
    ['en', 'peer review', 'Reviewing organisation: Tampereen IPS-tiimi'],
  ])('%s', (language, kind, organisation) => {
    const file = join(folder, 'peer.json');
    const review = JSON.parse(readFileSync(join(ROOT, 'examples', 'full-review.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...review, kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi' }));
    const result = spawnSync(process.execPath, [BIN, 'score', file, '--lang', language], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toContain(`: ${kind} `);
    expect(result.stdout).toContain(`${organisation}\n`);
  });
});
