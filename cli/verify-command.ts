import type { TFunction } from 'i18next';
import { LOCALE_OF } from '../scales/display-format.ts';
import type { SignatureReport, VerificationReport } from '../reports/signing/verify-pdf.ts';
import type { CliLanguage } from './cli-args.ts';
import type { CliIo } from './main.ts';
import { readBinaryFile } from './read-binary-file.ts';

/** A signed report is a few megabytes at most; far larger is not a report. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** `ips-fidelity verify FILE`: 0 only when the whole file verifies, else 1 with the reasons on stderr. */
export async function runVerify(args: { file: string; json: boolean; language: CliLanguage }, io: CliIo, t: TFunction): Promise<number> {
  const pdf = readBinaryFile(args.file, MAX_PDF_BYTES);
  const { verifyPdf } = await import('../reports/signing/verify-pdf.ts');
  const report = verifyPdf(pdf);
  if (args.json) {
    io.stdout(JSON.stringify({ file: args.file, ...report }, null, 2));
  } else if (report.signatures.length) {
    io.stdout(report.signatures.map((s) => describeSignature(s, report, args.language, t)).join('\n\n'));
  }
  if (!report.valid) {
    io.stderr([t('verify.invalid', { file: args.file }), ...report.problems.map((p) => `  ${describeVerificationProblem(p, t)}`)].join('\n'));
    return 1;
  }
  if (!args.json) io.stdout(`\n${t('verify.valid', { file: args.file, count: report.signatures.length })}\n${t('verify.trustNote')}`);
  return 0;
}

function describeSignature(signature: SignatureReport, report: VerificationReport, language: CliLanguage, t: TFunction): string {
  const none = t('verify.unknown');
  const signer = signature.signerName ?? none;
  const lines = [
    t('verify.signature', { number: signature.number, count: report.signatures.length }),
    `  ${t('verify.signer')}: ${signature.organisation ? `${signer} (${signature.organisation})` : signer}`,
    `  ${t('verify.time')}: ${signature.signingTime ? formatTime(signature.signingTime, language) : none}`,
    `  ${t('verify.fingerprint')}: ${signature.certificateFingerprint ?? none}`,
    `  ${t('verify.revision')}: ${t('verify.revisionValue', {
      revision: signature.revision,
      bytes: new Intl.NumberFormat(LOCALE_OF[language]).format(signature.coveredBytes),
      whole: signature.coveredBytes >= report.fileLength - 2 ? t('verify.wholeFile') : t('verify.earlierRevision'),
    })}`,
    `  ${t('verify.intact')}: ${signature.intact ? t('verify.yes') : t('verify.no')}`,
  ];
  if (signature.reason) lines.splice(3, 0, `  ${t('verify.reason')}: ${signature.reason}`);
  return lines.join('\n');
}

/** The machine's local time, with its zone named, in the language's own form (23.11.2026 klo 14.42.56 UTC+2). */
export function formatTime(date: Date, language: CliLanguage): string {
  return new Intl.DateTimeFormat(LOCALE_OF[language], {
    year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
  }).format(date);
}

function describeVerificationProblem(problem: VerificationReport['problems'][number], t: TFunction): string {
  const message = t(`verify.problem.${problem.code}`, { ...problem.params, defaultValue: problem.message });
  return problem.signature === undefined ? message : `${t('verify.signatureShort', { number: problem.signature })}: ${message}`;
}
