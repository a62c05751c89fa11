import { certificateFacts, validAt, type CertificateFacts } from './certificate-facts.ts';

/** A signer certificate the user confirmed (or one of the app's own signing identities). */
export interface TrustedSigner {
  fingerprint: string;
  /** The certificate's common name. */
  name: string;
  organisation: string | null;
  /** Null for the app's own identities, whose certificate is kept only inside the sealed PKCS#12: the fingerprint decides. */
  der: Buffer | null;
}

/** An organisation or national CA certificate the user added: any certificate it issues (directly or via the chain the signature carries) is trusted. */
export interface TrustedRoot {
  fingerprint: string;
  name: string;
  der: Buffer;
}

export interface TrustAnchors {
  signers: readonly TrustedSigner[];
  roots: readonly TrustedRoot[];
}

/**
 * Certificates given as trusted (the CLI's --trust files and --trust-store folders): a CA certificate allowed to
 * sign certificates is a root, any other a confirmed signer.
 */
export function anchorsOfCertificates(certificates: readonly CertificateFacts[]): TrustAnchors {
  const roots: TrustedRoot[] = [];
  const signers: TrustedSigner[] = [];
  for (const c of certificates) {
    const name = c.commonName ?? c.organisation ?? c.fingerprint;
    if (c.ca && c.keyCertSign !== false) roots.push({ fingerprint: c.fingerprint, name, der: c.der });
    else signers.push({ fingerprint: c.fingerprint, name, organisation: c.organisation, der: c.der });
  }
  return { signers, roots };
}

/** Both sets of anchors (the trust store and certificates given for one run). */
export const joinedAnchors = (a: TrustAnchors, b: TrustAnchors): TrustAnchors => ({ signers: [...a.signers, ...b.signers], roots: [...a.roots, ...b.roots] });

/** What judgement reads of a verified signature (a SignatureReport of verification-report.ts has it all). */
export interface SignatureForTrust {
  certificateDer: Buffer | null;
  chainDer: readonly Buffer[];
  signerName: string | null;
  certificateFingerprint: string | null;
  signingTime: Date | null;
}

export type SignerTrust =
  /** The exact certificate was confirmed by the user (or is the app's own identity). */
  | { kind: 'trusted-signer'; name: string }
  /** The certificate chains to a root the user trusts. */
  | { kind: 'trusted-root'; root: { name: string; fingerprint: string } }
  /** The certificate carries a trusted signer's name, but it is another certificate and no trusted root vouches for it. */
  | { kind: 'impostor'; knownName: string; knownFingerprints: string[] }
  | { kind: 'unknown' };

export type SignerTrustKind = SignerTrust['kind'];

/** Worst first: what a report as a whole is judged by. */
const SEVERITY: Record<SignerTrustKind, number> = { impostor: 3, unknown: 2, 'trusted-root': 1, 'trusted-signer': 0 };

/** Longest chain of intermediate CAs followed from a signer to a root; real chains have one or two. */
const MAX_INTERMEDIATES = 6;

/**
 * Who signed, judged against the user's trust anchors. In order: the exact certificate (by SHA-256 fingerprint of
 * its DER) was confirmed; else it chains to a trusted root (each issuer's signature verified, each issuer a CA
 * allowed to sign certificates, every certificate valid at the signing time or now); else its name is a trusted
 * signer's name (impostor); else unknown. Names come from the certificate, never from the PDF's unsigned fields.
 */
export function judgeSigner(signature: SignatureForTrust, anchors: TrustAnchors): SignerTrust {
  const certificate = readOrNull(signature.certificateDer);
  // The fingerprint is computed here from the DER whenever there is one, not taken from the report.
  const fingerprint = certificate?.fingerprint ?? signature.certificateFingerprint;
  const name = certificate ? certificate.commonName : signature.signerName;
  if (fingerprint) {
    const confirmed = anchors.signers.find((s) => s.fingerprint.toUpperCase() === fingerprint.toUpperCase());
    if (confirmed) return { kind: 'trusted-signer', name: name ?? confirmed.name };
  }
  if (certificate) {
    const root = chainToRoot(certificate, signature.chainDer, anchors.roots, signature.signingTime ?? new Date());
    if (root) return { kind: 'trusted-root', root };
  }
  if (name) {
    const key = comparableName(name);
    const namesakes = anchors.signers.filter((s) => comparableName(s.name) === key);
    if (namesakes.length) return { kind: 'impostor', knownName: namesakes[0]!.name, knownFingerprints: namesakes.map((s) => s.fingerprint) };
  }
  return { kind: 'unknown' };
}

/** The worst of a report's judgements (an impostor over an unknown over trusted); unknown when there are none. */
export function overallTrust(judgements: readonly SignerTrust[]): SignerTrust {
  return judgements.reduce<SignerTrust | null>((worst, j) => (!worst || SEVERITY[j.kind] > SEVERITY[worst.kind] ? j : worst), null) ?? { kind: 'unknown' };
}

export const isTrusted = (trust: SignerTrust) => trust.kind === 'trusted-signer' || trust.kind === 'trusted-root';

/**
 * A name as a person reads it, for telling whether two certificates claim the same person: compatibility-normalised
 * (NFKC: also full-width and ligature forms), invisible characters removed, any run of white space as one space,
 * trimmed, lower case, and the Cyrillic and Greek letters that look like Latin ones read as those. Used only to
 * raise a warning, so reading more names as the same errs on the side of warning.
 */
export function comparableName(name: string): string {
  const folded = name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().toLowerCase().normalize('NFKC');
  return [...folded].map((c) => LOOKALIKE[c] ?? c).join('');
}

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF]/gu;

/** Lower-case Cyrillic and Greek letters whose upper or lower case looks like a Latin letter (Unicode confusables, a subset). */
const LOOKALIKE: Record<string, string> = Object.fromEntries([
  ...[...'авекмнорстухѕіјԁԛԝӏ'].map((c, i) => [c, 'abekmhopctyxsijdqwl'[i]!]),
  ...[...'αβεζηικμνορτυχ'].map((c, i) => [c, 'abezhikmnoptyx'[i]!]),
  ['ı', 'i'], ['ɡ', 'g'],
]);

function readOrNull(der: Buffer | null): CertificateFacts | null {
  if (!der) return null;
  try {
    return certificateFacts(der);
  } catch {
    return null;
  }
}

/** The trusted root the certificate chains to through the carried certificates, if any (depth-first over candidate issuers). */
function chainToRoot(leaf: CertificateFacts, chainDer: readonly Buffer[], rootsIn: readonly TrustedRoot[], at: Date): { name: string; fingerprint: string } | null {
  const roots = rootsIn.flatMap((root) => {
    const facts = readOrNull(root.der);
    return facts ? [{ root, facts }] : [];
  });
  if (roots.length === 0) return null;
  const intermediates = chainDer.map(readOrNull).filter((c): c is CertificateFacts => c !== null);

  const climb = (current: CertificateFacts, used: ReadonlySet<CertificateFacts>, below: number): { name: string; fingerprint: string } | null => {
    if (!validAt(current, at)) return null;
    const root = roots.find(({ facts }) => issues(facts, current, below, at));
    if (root) return { name: root.facts.commonName ?? root.root.name, fingerprint: root.facts.fingerprint };
    if (below >= MAX_INTERMEDIATES) return null;
    for (const issuer of intermediates) {
      if (used.has(issuer) || !issues(issuer, current, below, at)) continue;
      const found = climb(issuer, new Set([...used, issuer]), below + 1);
      if (found) return found;
    }
    return null;
  };
  return climb(leaf, new Set(), 0);
}

/**
 * `issuer` issued `subject`: a CA (basicConstraints), allowed to sign certificates (keyUsage, when present), its
 * path length allowing the `below` intermediates under it, valid at `at`, names matching and its key verifying
 * the subject's signature.
 */
function issues(issuer: CertificateFacts, subject: CertificateFacts, below: number, at: Date): boolean {
  if (!issuer.ca || issuer.keyCertSign === false || !validAt(issuer, at)) return false;
  if (issuer.pathLength !== null && below > issuer.pathLength) return false;
  try {
    return subject.x509.checkIssued(issuer.x509) && subject.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}
