import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend, testKeyVault } from '../fixtures/backend.ts';
import { pdfsig } from '../fixtures/identities/identities.ts';
import { readExample } from '../fixtures/ratings.ts';


describe('signed reports through the API', { timeout: 120_000 }, () => {
  test('two reviewers sign one after the other; the review becomes final; our verify and pdfsig agree', async () => {
    const { call, backend } = await testBackend();
    const { reviewId } = await call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), status: 'consensus' } });
    const first = await call('identities.create', { name: 'Aino Laaksonen', role: 'pääarvioija', storagePassphrase: 'salasana-1' });
    const second = await call('identities.create', { name: 'Mikael Sundström', storagePassphrase: 'salasana-2' });
    expect(first.certificateFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect((await call('identities.list', {})).map((i) => i.name)).toEqual(['Aino Laaksonen', 'Mikael Sundström']);

    const wrong = await backend.dispatch('reports.sign', { reviewId, language: 'fi', identityId: first.id, storagePassphrase: 'väärä-salasana' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'storagePassphrase' }] } } });
    expect((await call('reviews.get', { id: reviewId })).status).toBe('consensus');

    const signedOnce = await call('reports.sign', { reviewId, language: 'fi', identityId: first.id, storagePassphrase: 'salasana-1' });
    expect(signedOnce.signers.map((s) => s.name)).toEqual(['Aino Laaksonen']);
    expect((await call('reviews.get', { id: reviewId })).status).toBe('final');

    const signedTwice = await call('reports.sign', { reviewId, language: 'fi', identityId: second.id, storagePassphrase: 'salasana-2' });
    expect(signedTwice.signers.map((s) => s.name)).toEqual(['Aino Laaksonen', 'Mikael Sundström']);
    expect(await backend.dispatch('reports.sign', { reviewId, language: 'fi', identityId: second.id, storagePassphrase: 'salasana-2' })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'already-signed-by-identity' } } });

    const stored = await call('reports.get', { reviewId });
    const pdf = Buffer.from(stored!.pdfBase64, 'base64');
    expect(stored!.sha256).toBe((await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'));
    const independent = pdfsig(pdf).output;
    expect(independent.match(/Signature is Valid/g)).toHaveLength(2);
    expect(independent).toContain('Total document signed');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(text).toContain('Järvenrannan');
    // Rendered once; each signature added its own visible block, in the field reserved for its signer.
    expect(text.match(/Allekirjoitettu sähköisesti/g)).toHaveLength(2);
    expect(pdfsig(pdf).output.match(/Signature Field Name: .*/g)).toEqual(['Signature Field Name: reviewer-1', 'Signature Field Name: reviewer-2']);

    const verified = await call('reports.verify', { pdfBase64: stored!.pdfBase64 });
    expect(verified).toMatchObject({ valid: true, signatures: [{ signerName: 'Aino Laaksonen', intact: true }, { signerName: 'Mikael Sundström', intact: true }] });
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('Järvenrannan');
    tampered[at] = tampered[at]! ^ 0x01;
    expect(pdfsig(tampered).output).toMatch(/Digest Mismatch|Signature is Invalid/);
    expect((await call('reports.verify', { pdfBase64: tampered.toString('base64') })).valid).toBe(false);
  });

  test('a review with undecided items cannot be signed', async () => {
    const { call, backend } = await testBackend();
    const site = await call('sites.create', { name: 'Lahti' });
    const review = await call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-01'], reviewers: [{ name: 'A', role: null }] });
    const identity = await call('identities.create', { name: 'A', storagePassphrase: 'salasana-1' });
    expect(await backend.dispatch('reports.sign', { reviewId: review.id, language: 'fi', identityId: identity.id, storagePassphrase: 'salasana-1' }))
      .toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'undecided-items' } } });
    expect(await call('reports.get', { reviewId: review.id })).toBeNull();
    const preview = await call('reports.render', { reviewId: review.id, language: 'en' });
    expect(Buffer.from(preview.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('an identity kept by the system key store signs without a passphrase; its key is never stored readable', async () => {
    const vault = testKeyVault();
    const { call, backend, dbFile } = await testBackend(undefined, { keyVault: vault });
    expect(await call('identities.keyStore', {})).toEqual({ systemAvailable: true });
    const { reviewId } = await call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), status: 'consensus' } });
    const identity = await call('identities.create', { name: 'Aino Laaksonen', protection: 'system' });
    expect(identity.protection).toBe('system');
    expect(vault.calls.wrap).toBe(1);

    const row = dumpDatabase(dbFile).signing_identities![0] as { protection: string; wrapped_secret: Buffer; sealed: string };
    expect(row.protection).toBe('system');
    const secret = vault.unwrap(row.wrapped_secret);
    expect(secret).toMatch(/^[A-Za-z0-9+/]{43}=$/); // 32 random bytes
    expect(row.sealed).not.toContain(secret);
    expect(row.wrapped_secret.includes(Buffer.from(secret))).toBe(false);

    // A passphrase with a system-protected key is a mistake, said at the field; nothing is signed.
    expect(await backend.dispatch('identities.create', { name: 'X', protection: 'system', storagePassphrase: 'salasana-1' }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'storagePassphrase' }] } } });
    const signed = await call('reports.sign', { reviewId, language: 'fi', identityId: identity.id });
    expect(signed.signers.map((s) => s.name)).toEqual(['Aino Laaksonen']);
    expect(pdfsig(Buffer.from((await call('reports.get', { reviewId }))!.pdfBase64, 'base64')).output).toContain('Signature is Valid');
  });

  test('without a system key store, system protection is refused; a database moved to another machine cannot sign', async () => {
    const plain = await testBackend();
    expect(await plain.call('identities.keyStore', {})).toEqual({ systemAvailable: false });
    const before = dumpDatabase(plain.dbFile);
    expect(await plain.backend.dispatch('identities.create', { name: 'A', protection: 'system' }))
      .toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'system-key-store-unavailable' } } });
    expect(await plain.backend.dispatch('identities.create', { name: 'A' }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'storagePassphrase' }] } } });
    expect(dumpDatabase(plain.dbFile)).toEqual(before);
    plain.backend.close();

    const first = await testBackend(undefined, { keyVault: testKeyVault() });
    const { reviewId } = await first.call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), status: 'consensus' } });
    const identity = await first.call('identities.create', { name: 'Aino', protection: 'system' });
    const passphraseIdentity = await first.call('identities.create', { name: 'Bea', storagePassphrase: 'salasana-2' });
    expect(await first.backend.dispatch('reports.sign', { reviewId, language: 'fi', identityId: passphraseIdentity.id }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'storagePassphrase', code: 'required' }] } } });
    first.backend.close();

    const elsewhere = await testBackend(first.dbFile, { keyVault: testKeyVault() });
    expect(await elsewhere.backend.dispatch('reports.sign', { reviewId, language: 'fi', identityId: identity.id }))
      .toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'system-key-store-refused' } } });
    elsewhere.backend.close();
    const noVault = await testBackend(first.dbFile);
    expect(await noVault.backend.dispatch('reports.sign', { reviewId, language: 'fi', identityId: identity.id }))
      .toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'system-key-store-unavailable' } } });
    expect((await noVault.call('reviews.get', { id: reviewId })).status).toBe('consensus');
  });
});
