import { beforeAll, describe, expect, test } from 'vitest';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { testCertificate } from '../fixtures/identities/certificate-authority.ts';
import { PASSPHRASE, smallPdf, testIdentity } from '../fixtures/identities/identities.ts';

type Person = { p12: Buffer; identity: SigningIdentity };
let own: Person;
let colleague: Person;
let impostor: Person;
const der = (person: Person) => signerMaterialOf(person.identity).certificate;
const signed = async (person: Person) => (await signPdf(await smallPdf(), person.identity, { reason: 'Hyväksyntä', name: person.identity.commonName })).toString('base64');

beforeAll(async () => {
  [own, colleague, impostor] = await Promise.all([
    testIdentity('Aino Laaksonen', { organisation: 'Työ ja terveys ry' }),
    testIdentity('Mikael Sundström'),
    testIdentity('AINO  LAAKSONEN'),
  ]);
}, 60_000);

describe('trust store through the API', { timeout: 60_000 }, () => {
  test('the app’s own identity is trusted; an outside signer is unknown until confirmed; a namesake with another key is an impostor', async () => {
    const { call } = await testBackend();
    await call('identities.import', { p12Base64: own.p12.toString('base64'), p12Passphrase: PASSPHRASE, storagePassphrase: 'salasana-1' });
    expect(await call('trust.list', {})).toMatchObject({ signers: [], roots: [], ownIdentities: [{ name: 'Aino Laaksonen', fingerprint: own.identity.certificateFingerprint }] });

    const byOwn = await call('reports.verify', { pdfBase64: await signed(own) });
    expect(byOwn).toMatchObject({ valid: true, status: 'complete', signedBy: ['Aino Laaksonen'], trust: { kind: 'trusted-signer' }, signatures: [{ trust: { kind: 'trusted-signer', name: 'Aino Laaksonen' } }] });

    const byColleague = await signed(colleague);
    expect((await call('reports.verify', { pdfBase64: byColleague })).signatures[0]!.trust).toEqual({ kind: 'unknown' });
    const added = await call('trust.addSigner', { certificateBase64: der(colleague).toString('base64'), fingerprint: colleague.identity.certificateFingerprint, note: 'tavattu 1.12.' });
    expect(added).toMatchObject({ kind: 'signer', name: 'Mikael Sundström', organisation: null, fingerprint: colleague.identity.certificateFingerprint, note: 'tavattu 1.12.' });
    expect((await call('reports.verify', { pdfBase64: byColleague })).trust).toEqual({ kind: 'trusted-signer', name: 'Mikael Sundström' });

    const byImpostor = await call('reports.verify', { pdfBase64: await signed(impostor) });
    expect(byImpostor.valid).toBe(true);
    expect(byImpostor.trust).toEqual({ kind: 'impostor', knownName: 'Aino Laaksonen', knownFingerprints: [own.identity.certificateFingerprint] });
  });

  test('bad input is refused with a specific reason and changes nothing', async () => {
    const { call, backend, dbFile } = await testBackend();
    await call('trust.addSigner', { certificateBase64: der(colleague).toString('base64') });
    const before = dumpDatabase(dbFile);
    const refused = async (name: 'trust.addSigner' | 'trust.addRoot', input: object, code: string) =>
      expect(await backend.dispatch(name, input as never)).toMatchObject({ ok: false, error: { details: { issues: [{ code }] } } });
    await refused('trust.addRoot', { certificateBase64: Buffer.from('not a certificate').toString('base64') }, 'not-a-certificate');
    await refused('trust.addRoot', { certificateBase64: der(own).toString('base64') }, 'not-a-ca');
    await refused('trust.addRoot', { certificateBase64: Buffer.from(testCertificate('Ei allekirjoita', { ca: true, keyCertSign: false }).pem).toString('base64') }, 'not-a-ca');
    await refused('trust.addSigner', { certificateBase64: Buffer.from('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----').toString('base64') }, 'not-a-certificate');
    await refused('trust.addSigner', { certificateBase64: der(own).toString('base64'), fingerprint: colleague.identity.certificateFingerprint }, 'fingerprint-mismatch');
    const two = testCertificate('A').pem + testCertificate('B').pem;
    await refused('trust.addSigner', { certificateBase64: Buffer.from(two).toString('base64') }, 'several-certificates');
    await refused('trust.addSigner', { certificateBase64: 'bm90IGJhc2U2NA==', fingerprint: 'AB:CD' }, 'invalid_format');
    expect(await backend.dispatch('trust.addSigner', { certificateBase64: der(colleague).toString('base64') })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'already-trusted' } } });
    expect(await backend.dispatch('trust.remove', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(dumpDatabase(dbFile)).toEqual(before);
  });

  test('a root: added only as a CA; certificates it issues are trusted via it; removing it is audited', async () => {
    const { call } = await testBackend();
    const root = testCertificate('Työ ja terveys ry CA', { organisation: 'Työ ja terveys ry', ca: true });
    const added = await call('trust.addRoot', { certificateBase64: Buffer.from(root.pem).toString('base64') });
    expect(added).toMatchObject({ kind: 'root', name: 'Työ ja terveys ry CA', organisation: 'Työ ja terveys ry' });
    expect((await call('trust.list', {})).roots.map((r) => r.id)).toEqual([added.id]);
    expect(await call('trust.remove', { id: added.id })).toMatchObject({ removed: { id: added.id } });
    expect(await call('trust.list', {})).toMatchObject({ roots: [], signers: [] });
    const audit = await call('audit.list', { entity: 'trusted-certificate' });
    expect(audit.map((a) => a.action)).toEqual(['remove', 'add-root']);
    expect(audit[1]!.newValue).toEqual({ kind: 'root', name: 'Työ ja terveys ry CA', fingerprint: added.fingerprint });
  });

  test('a signer confirmed from a verified PDF signature (its fingerprint as shown); a signature that does not verify is refused', async () => {
    const { call, backend } = await testBackend();
    const pdfBase64 = await signed(colleague);
    expect(await backend.dispatch('trust.addSigner', { pdfBase64, signature: 2, fingerprint: colleague.identity.certificateFingerprint }))
      .toMatchObject({ ok: false, error: { details: { issues: [{ code: 'no-such-signature' }] } } });
    const tampered = Buffer.from(pdfBase64, 'base64');
    const at = tampered.indexOf('IPS-arviointiraportti');
    tampered[at] = tampered[at]! ^ 1;
    expect(await backend.dispatch('trust.addSigner', { pdfBase64: tampered.toString('base64'), signature: 1, fingerprint: colleague.identity.certificateFingerprint }))
      .toMatchObject({ ok: false, error: { details: { issues: [{ code: 'signature-not-intact' }] } } });
    const added = await call('trust.addSigner', { pdfBase64, signature: 1, fingerprint: colleague.identity.certificateFingerprint });
    expect(added).toMatchObject({ kind: 'signer', name: 'Mikael Sundström' });
    expect((await call('reports.verify', { pdfBase64 })).trust).toEqual({ kind: 'trusted-signer', name: 'Mikael Sundström' });
  });
});
