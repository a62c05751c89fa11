import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createReviewDialogs } from '../../electron/main/dialogs.ts';
import { menuMessages } from '../../electron/main/menu-messages.ts';
import { MAX_REVIEW_FILE_BYTES, readReviewFile, safeReviewFileName, writeFileAtomic } from '../../electron/main/review-file-io.ts';
import { fakeDialog, type FakeDialogAnswer } from './stand-ins.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'ips-review-files-'));
const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'partial-review-17-items.json');

function dialogs(answer: FakeDialogAnswer, folder = tempDir()) {
  const dialog = fakeDialog(answer);
  return { dialog, folder, reviewDialogs: createReviewDialogs({ dialog, parentWindow: () => 'window', defaultFolder: () => folder, messages: menuMessages.fi }) };
}

describe('opening a review file', () => {
  test('parses a real review file', async () => {
    const result = await readReviewFile(EXAMPLE);
    expect(result).toMatchObject({ ok: true, fileName: 'partial-review-17-items.json' });
    expect(result).toEqual({ ok: true, fileName: 'partial-review-17-items.json', file: JSON.parse(readFileSync(EXAMPLE, 'utf8')) });
  });

  test('a file that is not JSON gives a clear, typed error', async () => {
    const file = join(tempDir(), 'notes.json');
    writeFileSync(file, 'Arviointi 8.9.2026: hyvä');
    const result = await readReviewFile(file);
    expect(result).toMatchObject({
      ok: false, canceled: false,
      error: { code: 'invalid-review-file', messageKey: 'errors.invalid-review-file', details: { reason: 'not-json', fileName: 'notes.json' } },
    });
    expect((result as unknown as { error: { details: { message: string } } }).error.details.message).toMatch(/^notes\.json is not a JSON file: /);
  });

  test('a byte-order mark is accepted', async () => {
    const file = join(tempDir(), 'bom.json');
    writeFileSync(file, '\uFEFF{"a":1}');
    expect(await readReviewFile(file)).toEqual({ ok: true, file: { a: 1 }, fileName: 'bom.json' });
  });

  test('a file over 10 MB is refused before it is read', async () => {
    const file = join(tempDir(), 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_REVIEW_FILE_BYTES + 1);
    expect(await readReviewFile(file)).toMatchObject({ ok: false, error: { code: 'invalid-review-file', details: { reason: 'too-large' } } });
  });

  test('a missing file is reported, not thrown', async () => {
    expect(await readReviewFile(join(tempDir(), 'gone.json'))).toMatchObject({ ok: false, error: { details: { reason: 'unreadable' } } });
  });

  test('the open dialog is filtered to .json, titled in the app language; cancel is not an error', async () => {
    const { dialog, reviewDialogs } = dialogs({ canceled: false, filePaths: [EXAMPLE] });
    expect(await reviewDialogs.openReviewFile()).toMatchObject({ ok: true });
    expect(dialog.calls[0]).toMatchObject({
      kind: 'open', window: 'window',
      options: { title: 'Tuo arviointitiedosto', properties: ['openFile'], filters: [{ name: 'IPS-arviointitiedosto', extensions: ['json'] }] },
    });
    expect(await dialogs({ canceled: true }).reviewDialogs.openReviewFile()).toEqual({ ok: false, canceled: true });
  });
});

describe('saving a review file', () => {
  test('atomic write: the file has the content and no temporary file is left', async () => {
    const dir = tempDir();
    const file = join(dir, 'review.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, '{"new":true}');
    expect(readFileSync(file, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(dir)).toEqual(['review.json']);
  });

  test('a failed write leaves no temporary file and keeps the old one', async () => {
    const dir = tempDir();
    // Renaming a file onto a folder fails after the temporary file was written.
    const target = join(dir, 'occupied');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
  });

  test('save dialog: suggested name, documents folder, written atomically', async () => {
    const folder = tempDir();
    const chosen = join(folder, 'tampere-2026.json');
    const { dialog, reviewDialogs } = dialogs({ canceled: false, filePath: chosen }, folder);
    const json = JSON.stringify({ format: 'ips-fidelity-review' });
    expect(await reviewDialogs.saveReviewFile({ suggestedName: '../Tampere: 2026', json })).toEqual({ ok: true, path: chosen });
    expect(dialog.calls[0]).toMatchObject({ kind: 'save', options: { title: 'Vie arviointitiedosto', defaultPath: join(folder, '_Tampere_ 2026.json') } });
    expect(readFileSync(chosen, 'utf8')).toBe(json);
    expect(readdirSync(folder)).toEqual(['tampere-2026.json']);
  });

  test('cancel writes nothing; bad requests and non-JSON are refused before the dialog', async () => {
    const folder = tempDir();
    const canceled = dialogs({ canceled: true }, folder);
    expect(await canceled.reviewDialogs.saveReviewFile({ suggestedName: 'a', json: '{}' })).toEqual({ ok: false, canceled: true });
    expect(readdirSync(folder)).toEqual([]);

    const { dialog, reviewDialogs } = dialogs({ canceled: false, filePath: join(folder, 'x.json') }, folder);
    expect(await reviewDialogs.saveReviewFile({ suggestedName: 'a' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await reviewDialogs.saveReviewFile('{}')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await reviewDialogs.saveReviewFile({ suggestedName: 'a', json: '{}', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await reviewDialogs.saveReviewFile({ suggestedName: 'a', json: 'not json' })).toMatchObject({ ok: false, error: { code: 'invalid-review-file', details: { reason: 'not-json' } } });
    expect(dialog.calls).toEqual([]);
  });

  test('suggested names become plain .json file names', () => {
    expect(safeReviewFileName('arviointi')).toBe('arviointi.json');
    expect(safeReviewFileName('Arviointi.JSON')).toBe('Arviointi.JSON');
    expect(safeReviewFileName('a/b\\c:d')).toBe('a_b_c_d.json');
    expect(safeReviewFileName('...')).toBe('review.json');
    expect(safeReviewFileName('')).toBe('review.json');
    expect(safeReviewFileName('x'.repeat(400))).toHaveLength(155);
  });
});
