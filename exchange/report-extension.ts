import { verifyPdf } from '../reports/signing/verify-pdf.ts';

/**
 * Why a report that a bundle brings for a review already here is refused. The codes are stable (messages by code
 * in the UI and CLI); `message` is English, for logs and for callers without a translation.
 */
export type ReportExtensionCode = 'report-not-extension' | 'report-invalid' | 'report-changed-after-signing';

export type ReportExtension =
  | { ok: true; addedSignatures: number }
  | { ok: false; code: ReportExtensionCode; message: string };

/** One end-of-line after the stored file's final %%EOF may be written differently (or not at all) by the next signer. */
const TRAILING_EOL = /%%EOF(\r\n|\r|\n)$/;

/**
 * A signed report that a bundle brings for a review whose signed report this database already holds is accepted
 * only as that very report extended by further signatures: `incoming` must start with exactly the `stored` bytes
 * (one trailing end-of-line after the last %%EOF aside), verify as a whole (reports/signing/verify-pdf.ts, which
 * refuses any incremental update that does more than add a signature), and every signature that covers more than
 * the stored bytes must be a new, valid one. Anything else is a different report posing as a countersigned one:
 * a forged update appended to a genuine report, or a report signed anew over other bytes.
 *
 * Reads only `valid`, `signatures[].coveredBytes` and `problems[]` of the verification, the fields every version of
 * the verifier answers with (reports/signing/verification-report.ts).
 */
export function checkReportExtension(stored: Buffer, incoming: Buffer): ReportExtension {
  const storedText = stored.subarray(Math.max(0, stored.length - 16)).toString('latin1');
  const eol = TRAILING_EOL.exec(storedText)?.[1] ?? '';
  const prefix = stored.subarray(0, stored.length - eol.length);
  if (incoming.length < prefix.length || !incoming.subarray(0, prefix.length).equals(prefix)) {
    return refused('report-not-extension', `the report does not start with the ${stored.length} bytes of the signed report stored here: it is another report, not the stored one with further signatures`);
  }
  const verification = verifyPdf(incoming);
  if (!verification.valid) {
    const reasons = verification.problems.map((p) => p.message).join('; ') || 'it does not verify';
    return refused('report-invalid', `the stored report extended by the bundle does not verify: ${reasons}`);
  }
  // The stored file, or it with its one end-of-line after %%EOF added, dropped or rewritten: the same report.
  if (incoming.length - prefix.length <= 2 && /^(\r\n|\r|\n)?$/.test(incoming.subarray(prefix.length).toString('latin1'))) {
    return { ok: true, addedSignatures: 0 };
  }
  const added = verification.signatures.filter((s) => s.coveredBytes > stored.length);
  // A valid file longer than the stored one whose added bytes no new signature covers: the verifier should have
  // refused it (bytes after the last signature); refused here too, whatever a verifier says.
  const last = verification.signatures.at(-1);
  if (added.length === 0 || !last || last.coveredBytes < incoming.length - 2) {
    return refused('report-changed-after-signing', `${incoming.length - stored.length} bytes were added to the stored report that no new signature covers`);
  }
  return { ok: true, addedSignatures: added.length };
}

function refused(code: ReportExtensionCode, message: string): ReportExtension {
  return { ok: false, code, message };
}
