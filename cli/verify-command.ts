import type { TFunction } from 'i18next';
import { formatLocalDateTime, LOCALE_OF } from '../scales/display-format.ts';
import type { ReportTrust } from '../reports/signing/report-trust.ts';
import type { SignerTrust } from '../reports/signing/signer-trust.ts';
import type { SignatureReport, VerificationReport } from '../reports/signing/verification-report.ts';
import type { CliLanguage } from './cli-args.ts';
import type { CliIo } from './main.ts';
import { readBinaryFile } from './read-binary-file.ts';
import { trustAnchorsFromFiles } from './trust-files.ts';

/** A signed report is a few megabytes at most; far larger is not a report. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/**
 * `verify`'s exit codes beyond 0 (intact, complete, every signer trusted) and 2 (wrong usage). When several
 * apply, the most severe wins: 1 > 5 > 4 > 3.
 */
export const VERIFY_EXIT = { invalid: 1, incomplete: 3, unknownSigner: 4, impostor: 5 } as const;

export function verifyExitCode(report: Pick<VerificationReport, 'valid' | 'status'>, trust: ReportTrust): number {
  if (!report.valid) return VERIFY_EXIT.invalid;
  if (trust.signatures.some((t) => t.kind === 'impostor')) return VERIFY_EXIT.impostor;
  if (trust.signatures.some((t) => t.kind === 'unknown')) return VERIFY_EXIT.unknownSigner;
  if (report.status === 'incomplete') return VERIFY_EXIT.incomplete;
  return 0;
}

type VerifyArgs = { file: string; json: boolean; language: CliLanguage; trustFiles: string[]; trustStores: string[] };

/** `ips-fidelity verify FILE [--trust FILE.pem]… [--trust-store DIR]…`: is the file intact and complete, and who signed it. */
export async function runVerify(args: VerifyArgs, io: CliIo, t: TFunction): Promise<number> {
  const anchors = trustAnchorsFromFiles(args.trustFiles, args.trustStores);
  const pdf = readBinaryFile(args.file, MAX_PDF_BYTES);
  const [{ verifyPdf }, { judgeReport }] = await Promise.all([import('../reports/signing/verify-pdf.ts'), import('../reports/signing/report-trust.ts')]);
  const report = verifyPdf(pdf);
  const trust = judgeReport(report, anchors);
  const code = verifyExitCode(report, trust);
  if (args.json) {
    io.stdout(JSON.stringify(jsonReport(args.file, report, trust), null, 2));
  } else if (report.signatures.length) {
    io.stdout(report.signatures.map((s, i) => describeSignature(s, trust.signatures[i]!, report, args.language, t)).join('\n\n'));
  }
  if (!report.valid) {
    io.stderr([t('verify.invalid', { file: args.file }), ...report.problems.map((p) => `  ${describeVerificationProblem(p, t)}`)].join('\n'));
    return code;
  }
  if (!args.json) io.stdout(['', t('verify.valid', { file: args.file, count: report.signatures.length }), ...summary(report, trust, t)].join('\n'));
  return code;
}

/** The report for machines: DER as base64, and who signed (names from the certificates), judged. */
function jsonReport(file: string, report: VerificationReport, trust: ReportTrust) {
  return {
    file,
    ...report,
    signatures: report.signatures.map((s, i) => ({
      ...s, certificateDer: s.certificateDer?.toString('base64') ?? null, chainDer: s.chainDer.map((c) => c.toString('base64')), trust: trust.signatures[i],
    })),
    signedBy: trust.signedBy,
    trust: trust.overall,
  };
}

/** After "the file is intact": how many expected signers signed, and what the signers' trust means. */
function summary(report: VerificationReport, trust: ReportTrust, t: TFunction): string[] {
  const lines: string[] = [];
  const expected = report.expectedSigners;
  if (expected.length) {
    const signed = expected.filter((e) => e.signature !== null).length;
    const missing = expected.filter((e) => e.signature === null).map((e) => e.name ?? e.slot);
    lines.push(t(signed === expected.length ? 'verify.expectedAllSigned' : 'verify.expectedSigned', { signed, expected: expected.length, missing: missing.join(', ') }));
  }
  const kinds = new Set(trust.signatures.map((s) => s.kind));
  if (kinds.has('impostor')) lines.push(t('verify.trustSummary.impostor'));
  else if (kinds.has('unknown')) lines.push(t('verify.trustSummary.unknown'));
  else if (trust.signatures.length) lines.push(t('verify.trustSummary.trusted'));
  return lines;
}

function describeSignature(signature: SignatureReport, trust: SignerTrust, report: VerificationReport, language: CliLanguage, t: TFunction): string {
  const none = t('verify.unknown');
  const signer = signature.signerName ?? none;
  const lines = [
    t('verify.signature', { number: signature.number, count: report.signatures.length }),
    `  ${t('verify.signer')}: ${signature.organisation ? `${signer} (${signature.organisation})` : signer}`,
    `  ${t('verify.trust')}: ${trustVerdict(trust, t)}`,
    `  ${t('verify.time')}: ${signature.signingTime ? formatLocalDateTime(signature.signingTime, language, { seconds: true }) : none}`,
    `  ${t('verify.fingerprint')}: ${signature.certificateFingerprint ?? none}`,
    `  ${t('verify.revision')}: ${t('verify.revisionValue', {
      revision: signature.revision,
      bytes: new Intl.NumberFormat(LOCALE_OF[language]).format(signature.coveredBytes),
      whole: !signature.countersignedLater ? t('verify.wholeFile') : report.valid ? t('verify.earlierRevision') : t('verify.earlierRevisionChanged'),
    })}`,
    `  ${t('verify.intact')}: ${signature.intact ? t('verify.yes') : t('verify.no')}`,
  ];
  if (signature.reason) lines.splice(4, 0, `  ${t('verify.reason')}: ${signature.reason}`);
  return lines.join('\n');
}

/** The verdict in words; an impostor also names the known reviewer and the certificates that really are theirs. */
export function trustVerdict(trust: SignerTrust, t: TFunction): string {
  switch (trust.kind) {
    case 'trusted-signer': return t('verify.verdict.trustedSigner');
    case 'trusted-root': return t('verify.verdict.trustedRoot', { root: trust.root.name, fingerprint: trust.root.fingerprint });
    case 'unknown': return t('verify.verdict.unknown');
    case 'impostor': return t('verify.verdict.impostor', { known: trust.knownName, fingerprints: trust.knownFingerprints.join(', ') });
  }
}

function describeVerificationProblem(problem: VerificationReport['problems'][number], t: TFunction): string {
  const message = t(`verify.problem.${problem.code}`, { ...problem.params, defaultValue: problem.message });
  return problem.signature === undefined ? message : `${t('verify.signatureShort', { number: problem.signature })}: ${message}`;
}
