import type { TFunction } from 'i18next';
import type { SigningIdentity } from '../reports/signing/identity.ts';
import type { ScaleRegistry } from '../scales/scale-registry.ts';
import type { CliLanguage } from './cli-args.ts';
import { describeProblem } from './cli-i18n.ts';
import type { CliIo } from './main.ts';
import { readBinaryFile } from './read-binary-file.ts';
import { InputFileError, readJsonFile } from './read-json-file.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

const MAX_P12_BYTES = 1024 * 1024;

export interface ReportArgs {
  file: string;
  out: string;
  signing: { p12File: string; passphraseEnv: string }[];
  language: CliLanguage;
}

/**
 * `ips-fidelity report FILE.json --out OUT.pdf [--sign ID.p12 --passphrase-env VAR]...`: renders the review report
 * and, with --sign, signs it; each further --sign adds a signature as an incremental update (two reviewers). The
 * signature page reserves a place for each reviewer of the review; each signature fills the place of the reviewer
 * its certificate names (else the next free one) with its own visible block. Passphrases are read
 * only from the named environment variables and are never printed.
 */
export async function runReport(args: ReportArgs, registry: ScaleRegistry, io: CliIo, t: TFunction, env: NodeJS.ProcessEnv): Promise<number> {
  const review = readJsonFile(args.file);
  // Every identity is opened before anything is rendered, so a wrong passphrase costs nothing.
  const identities: SigningIdentity[] = [];
  for (const signing of args.signing) identities.push(await openIdentity(signing, env));

  const { renderReviewReport, ReportInputError } = await import('../reports/report-from-review.ts');
  let pdf: Buffer;
  try {
    const rendered = await renderReviewReport(review, registry, { language: args.language });
    for (const warning of rendered.warnings) io.stderr(`${t('validate.warning')}: ${describeProblem(warning, t)}`);
    pdf = rendered.pdf;
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    const header = error.code === 'invalid-review'
      ? t('error.invalidReview', { file: args.file, count: error.problems.length })
      : t('error.invalidReportOptions');
    io.stderr([header, ...error.problems.map((p) => `  ${describeProblem(p, t)}`)].join('\n'));
    return 1;
  }

  if (identities.length) {
    const { signPdf } = await import('../reports/signing/sign-pdf.ts');
    for (const identity of identities) {
      pdf = await signPdf(pdf, identity, {
        reason: t('report.signatureReason'),
        name: identity.commonName,
        ...(identity.email ? { contactInfo: identity.email } : {}),
      });
    }
  }
  writeFileAtomic(args.out, pdf);
  io.stdout([
    t('report.written', { file: args.out }),
    ...identities.map((id) => `  ${t('report.signedBy', { signer: id.commonName, fingerprint: id.certificateFingerprint })}`),
  ].join('\n'));
  return 0;
}

export async function openIdentity(signing: ReportArgs['signing'][number], env: NodeJS.ProcessEnv): Promise<SigningIdentity> {
  const passphrase = env[signing.passphraseEnv];
  if (passphrase === undefined) throw new InputFileError('error.passphraseEnvMissing', { name: signing.passphraseEnv });
  const p12 = readBinaryFile(signing.p12File, MAX_P12_BYTES);
  const { readIdentity } = await import('../reports/signing/identity.ts');
  const { SigningError } = await import('../reports/signing/signing-error.ts');
  try {
    return readIdentity(p12, passphrase);
  } catch (error) {
    // Name the file in the message; the passphrase is in no message.
    if (error instanceof SigningError) throw new SigningError(error.code, error.message, { ...error.params, file: signing.p12File });
    throw error;
  }
}

