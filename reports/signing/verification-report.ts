/**
 * What `verifyPdf` answers: the shape every consumer reads (CLI `verify`, the app's `reports.verify`, bundle
 * import, trust judgement). Kept apart from the verifier so that consumers depend on the answer, not the checker.
 */
export type VerificationCode =
  | 'not-a-pdf'
  | 'truncated'
  | 'unsigned'
  | 'unreadable-structure'
  | 'byte-range-invalid'
  | 'contents-padding'
  | 'signature-unreadable'
  | 'unsupported-signature'
  | 'certificate-missing'
  | 'digest-mismatch'
  | 'signature-invalid'
  | 'changed-after-signature'
  | 'appearance-outside-slot'
  | 'certification-violated'
  | 'appended-after-signature';

export interface VerificationProblem {
  code: VerificationCode;
  /** English, for logs; the UI and CLI translate by code with params. */
  message: string;
  /** 1-based number of the signature the problem belongs to, when it belongs to one. */
  signature?: number;
  /** `detail` (English), and where it applies `object` (the object number), `revision` (1-based revision of the file). */
  params: Record<string, string | number>;
}

/** Who signed, as the CMS signature's embedded certificate says (never the signature dictionary's unsigned /Name). */
export interface CmsSigner {
  signerName: string | null;
  organisation: string | null;
  certificateFingerprint: string | null;
  /** DER of the signer certificate and of the other certificates the CMS carries (a chain, if any). */
  certificateDer: Buffer | null;
  chainDer: Buffer[];
}

export interface SignatureReport extends CmsSigner {
  /** 1-based, in the order the signatures were made (by the revision they cover). */
  number: number;
  /** The 1-based file revision (incremental update) the signature covers. */
  revision: number;
  /** How many bytes from the start of the file the signature covers (the length of that revision). */
  coveredBytes: number;
  byteRange: [number, number, number, number] | null;
  /** The CMS signing-time attribute, else the signature dictionary's /M. */
  signingTime: Date | null;
  subFilter: string | null;
  reason: string | null;
  location: string | null;
  /** The field name of the signature: a reserved slot of the report ("reviewer-1"), or another tool's field. */
  fieldName: string | null;
  /** The reserved slot (expected signer) this signature fills, or null for a signature outside the slots. */
  slot: string | null;
  /** DocMDP permission level (1 no changes, 2 forms and signatures, 3 also annotations) when this signature certifies the file. */
  certification: 1 | 2 | 3 | null;
  /** The signed bytes are exactly as signed and the signature verifies with the embedded certificate. */
  intact: boolean;
  /** Later revisions were added after this signature, each only a further valid signature (a countersignature). */
  countersignedLater: boolean;
}

/** A signer the report reserved a signature slot for (recorded in the first, signed revision). */
export interface ExpectedSigner {
  /** The slot's field name, e.g. "reviewer-1". */
  slot: string;
  /** As the report states it (signed content, but only an expectation: who signed is told by the certificate). */
  name: string | null;
  role: string | null;
  /** The number of the signature that fills the slot, or null when nobody has signed it yet. */
  signature: number | null;
}

export type VerificationStatus = 'complete' | 'incomplete' | 'invalid';

export interface VerificationReport {
  /** Every signature intact, and after each one nothing but further signatures (and their appearances) was added. */
  valid: boolean;
  /** valid, and every expected signer's slot is signed. A report without reserved slots is complete when valid. */
  complete: boolean;
  status: VerificationStatus;
  fileLength: number;
  signatures: SignatureReport[];
  expectedSigners: ExpectedSigner[];
  problems: VerificationProblem[];
}
