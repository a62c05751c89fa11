import { CertificateError, certificateFacts, readCertificates, type CertificateFacts } from '../../../reports/signing/certificate-facts.ts';
import { verifyPdf } from '../../../reports/signing/verify-pdf.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { CallOutput, ParsedInput } from '../../contract/contract.ts';
import { appendAudit } from '../store/audit-log.ts';
import { listIdentityRows } from '../store/reports-store.ts';
import {
  deleteTrustedRow, getTrustedRow, insertTrustedRow, listTrustedRows, trustedRowByFingerprint, type TrustedCertificateRow,
} from '../store/trust-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';

type TrustCalls = 'trust.list' | 'trust.addSigner' | 'trust.addRoot' | 'trust.remove';
type Info = CallOutput<'trust.addRoot'>;

function info(row: TrustedCertificateRow): Info {
  const facts = certificateFacts(row.der);
  return {
    id: row.id, kind: row.kind, fingerprint: row.fingerprint, name: row.name, organisation: row.organisation,
    notBefore: facts.notBefore.toISOString(), notAfter: facts.notAfter.toISOString(), addedAt: row.added_at, note: row.note,
  };
}

/** Refused input: nothing is changed, and the issue's code says what was wrong. */
function refuse(path: string, code: string, message: string): never {
  throw new ApiFailure('invalid-input', { issues: [{ path, code, message }] });
}

/** Exactly one certificate in a DER or PEM file. */
function oneCertificate(base64: string): CertificateFacts {
  let certificates: CertificateFacts[];
  try {
    certificates = readCertificates(Buffer.from(base64, 'base64'));
  } catch (error) {
    if (error instanceof CertificateError) refuse('certificateBase64', error.code, error.message);
    throw error;
  }
  if (certificates.length !== 1) refuse('certificateBase64', 'several-certificates', `the file holds ${certificates.length} certificates; add them one at a time`);
  return certificates[0]!;
}

/** The signer certificate of an intact signature of the PDF: only a signature that verifies tells who made it. */
function signatureCertificate(pdfBase64: string, number: number): CertificateFacts {
  const report = verifyPdf(Buffer.from(pdfBase64, 'base64'));
  const signature = report.signatures.find((s) => s.number === number);
  if (!signature) refuse('signature', 'no-such-signature', `the PDF has no signature ${number} (it has ${report.signatures.length})`);
  if (!signature.intact) refuse('signature', 'signature-not-intact', `signature ${number} does not verify, so its certificate proves nothing`);
  if (!signature.certificateDer) refuse('signature', 'certificate-missing', `signature ${number} carries no readable signer certificate`);
  return certificateFacts(signature.certificateDer);
}

function add(ctx: HandlerContext, kind: 'signer' | 'root', facts: CertificateFacts, input: { fingerprint?: string | undefined; note?: string | undefined }): Info {
  if (input.fingerprint !== undefined && input.fingerprint !== facts.fingerprint) {
    refuse('fingerprint', 'fingerprint-mismatch', `the certificate's fingerprint is ${facts.fingerprint}, not the confirmed ${input.fingerprint}`);
  }
  const existing = trustedRowByFingerprint(ctx.db, facts.fingerprint);
  if (existing) throw new ApiFailure('conflict', { reason: 'already-trusted', id: existing.id, kind: existing.kind });
  const own = listIdentityRows(ctx.db).find((r) => r.certificate_fingerprint === facts.fingerprint);
  if (own) throw new ApiFailure('conflict', { reason: 'own-identity', identityId: own.id });
  const name = facts.commonName ?? facts.organisation ?? facts.fingerprint;
  const id = insertTrustedRow(ctx.db, {
    kind, fingerprint: facts.fingerprint, name, organisation: facts.organisation, der: facts.der, added_at: ctx.now(), note: input.note || null,
  });
  appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'trusted-certificate', entityId: id, action: kind === 'signer' ? 'add-signer' : 'add-root', newValue: { kind, name, fingerprint: facts.fingerprint } });
  return info(getTrustedRow(ctx.db, id)!);
}

function addSigner(input: ParsedInput<'trust.addSigner'>, ctx: HandlerContext): Info {
  const facts = 'pdfBase64' in input ? signatureCertificate(input.pdfBase64, input.signature) : oneCertificate(input.certificateBase64);
  return add(ctx, 'signer', facts, input);
}

export const trustHandlers: HandlerGroup<TrustCalls> = {
  'trust.list': (_input, ctx) => {
    const rows = listTrustedRows(ctx.db).map(info);
    return {
      signers: rows.filter((r) => r.kind === 'signer'),
      roots: rows.filter((r) => r.kind === 'root'),
      ownIdentities: listIdentityRows(ctx.db).map((r) => ({ identityId: r.id, name: r.name, organisation: r.organisation, fingerprint: r.certificate_fingerprint })),
    };
  },

  'trust.addSigner': addSigner,

  'trust.addRoot': (input, ctx) => {
    const facts = oneCertificate(input.certificateBase64);
    if (!facts.ca || facts.keyCertSign === false) {
      refuse('certificateBase64', 'not-a-ca', `${facts.commonName ?? 'the certificate'} is not a CA certificate (basicConstraints cA is not set, or it may not sign certificates); add it as a trusted signer instead`);
    }
    return add(ctx, 'root', facts, input);
  },

  'trust.remove': ({ id }, ctx) => {
    const row = getTrustedRow(ctx.db, id);
    if (!row) throw new ApiFailure('not-found', { entity: 'trusted-certificate', id });
    const removed = info(row);
    deleteTrustedRow(ctx.db, id);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'trusted-certificate', entityId: id, action: 'remove', oldValue: { kind: row.kind, name: row.name, fingerprint: row.fingerprint } });
    return { removed };
  },
};
