import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { testBackend } from '../fixtures/backend.ts';
import { ROOT } from '../fixtures/ratings.ts';

const WRITER = join(ROOT, 'tests', 'fixtures', 'processes', 'rating-writer.ts');

// One process (node --import tsx), so the kill hits the writer itself rather than a launcher.
test('SIGKILL in the middle of rating writes loses no acknowledged write and leaves the file intact', { timeout: 120_000 }, async () => {
  const { call, backend, dbFile } = await testBackend();
  const site = await call('sites.create', { name: 'Crash site' });
  const review = await call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-23'], reviewers: [{ name: 'R', role: null }] });
  backend.close();

  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbFile, String(review.id), String(review.reviewers[0]!.id)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let lastAck = 0;
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const killedAt = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastAck = Number(line.replace('ack ', ''));
      // Kill while writes are streaming, not between runs.
      if (lastAck >= 300 && !child.killed) {
        child.kill('SIGKILL');
        resolve(lastAck);
      }
    });
    child.on('exit', (code, signal) => { if (signal !== 'SIGKILL') reject(new Error(`writer exited early (${code}): ${stderr}`)); });
  });
  await new Promise((resolve) => child.once('close', resolve));
  expect(killedAt).toBeGreaterThanOrEqual(300);

  const db = new BetterSqlite3(dbFile);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  // Every acknowledged write is there: the last acked write for each item is at least as new as the ack says.
  const rows = db.prepare('SELECT item, evidence FROM ratings ORDER BY item').all() as { item: number; evidence: string }[];
  expect(rows).toHaveLength(25);
  for (const { item, evidence } of rows) {
    const stored = Number(evidence.replace('write ', ''));
    const lastAckedForItem = lastAck - ((lastAck - item) % 25 + 25) % 25;
    expect(stored, `item ${item}`).toBeGreaterThanOrEqual(lastAckedForItem);
  }
  const audited = db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'rating'").get() as { n: number };
  expect(audited.n).toBeGreaterThanOrEqual(lastAck);
  db.close();
});
