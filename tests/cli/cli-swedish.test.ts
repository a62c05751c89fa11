import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { ROOT } from '../fixtures/ratings.ts';

/**
 * The Swedish CLI takes the scale's wording from the scale's Swedish text (IPS-25 1.1.0): no Finnish item title,
 * section title or band label of either shipped version appears.
 */
const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');
const { registry } = loadScaleRegistry();
const finnish = registry.versionsOf('ips-25').flatMap((version) => {
  const data = registry.get('ips-25', version)!.data;
  return [...data.items.map((i) => i.title.fi!), ...data.sections.map((s) => s.title.fi!), ...data.scoring.bands.map((b) => b.label.fi!), data.title.fi!];
});

function underVersion(example: string, version: string) {
  const json = JSON.parse(readFileSync(join(ROOT, 'examples', example), 'utf8'));
  json.scale = { id: 'ips-25', version };
  const file = join(mkdtempSync(join(tmpdir(), 'ips-cli-sv-')), example);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

function score(file: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'score', file, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ips-fidelity score --lang sv with IPS-25 1.1.0', () => {
  test.each(['full-review.json', 'partial-review-17-items.json'])('%s: Swedish scale title, sections, item titles and band', (example) => {
    const { code, stdout, stderr } = score(underVersion(example, '1.1.0'), '--lang', 'sv');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const scale = registry.get('ips-25', '1.1.0')!.data;
    expect(stdout).toContain(scale.title.sv!);
    expect(stdout).toContain(scale.sections[0]!.title.sv!);
    expect(stdout).toMatch(new RegExp(scale.scoring.bands.map((b) => b.label.sv).join('|')));
    // "Organisation" is the same word in Swedish and English, but not Finnish ("Organisaatio").
    for (const text of finnish) expect(stdout, text).not.toContain(text);
  });

  test('the unrated items of the partial review are listed with their Swedish titles', () => {
    const { stdout } = score(underVersion('partial-review-17-items.json', '1.1.0'), '--lang', 'sv');
    const titles = registry.get('ips-25', '1.1.0')!.data.items.map((i) => i.title.sv!);
    const listed = stdout.split('\n').filter((line) => /^ {2}\d+\. /.test(line));
    expect(listed).toHaveLength(8);
    for (const line of listed) expect(titles.some((title) => line.includes(title)), line).toBe(true);
  });
});
