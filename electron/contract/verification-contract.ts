import { z } from 'zod';
import { SignerTrustShape } from './trust-contract.ts';

/**
 * The answer of `reports.verify`: whether the file is intact (valid) and complete (status), the signers the report
 * expects and who signed (names from the certificates), and per signature who signed it, judged against the trust
 * store (`trust`; the report-level `trust` is the worst of them).
 */
export const PdfVerification = z.object({
  valid: z.boolean(),
  status: z.enum(['complete', 'incomplete', 'invalid']),
  fileLength: z.number().int(),
  signatures: z.array(z.object({
    number: z.number().int(), revision: z.number().int(), coveredBytes: z.number().int(),
    signerName: z.string().nullable(), organisation: z.string().nullable(), certificateFingerprint: z.string().nullable(),
    signingTime: z.string().nullable(), intact: z.boolean(),
    /** The reserved slot (expected signer) this signature fills, if any. */
    slot: z.string().nullable(),
    /** Later revisions were added after it, each only a further valid signature. */
    countersignedLater: z.boolean(),
    trust: SignerTrustShape,
  })),
  expectedSigners: z.array(z.object({ slot: z.string(), name: z.string().nullable(), role: z.string().nullable(), signature: z.number().int().nullable() })),
  signedBy: z.array(z.string()),
  trust: SignerTrustShape.nullable(),
  problems: z.array(z.object({
    code: z.string(), message: z.string(), signature: z.number().int().optional(),
    /** What the message's words are filled with: revision, object, detail (English), bytes added. */
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })),
});
