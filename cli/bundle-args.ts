import { CertificateFingerprint } from '../exchange/certificate-fingerprint.ts';
import { UsageError } from './cli-args.ts';

/**
 * `export --out BUNDLE.ipsreview --sign ID.p12 --passphrase-env VAR [--db FILE] [--site NAME | --all]`: one signing
 * identity, whose passphrase is read from the named environment variable (never from the command line).
 */
export function exportOptions(values: { out?: string | undefined; db?: string | undefined; site?: string | undefined; all?: boolean | undefined; json?: boolean | undefined; sign?: string[] | undefined; 'passphrase-env'?: string[] | undefined }) {
  if (values.json) throw new UsageError('error.optionNotForCommand', { option: '--json', command: 'export' });
  if (!values.out) throw new UsageError('error.missingBundleOut');
  if (values.site !== undefined && values.all) throw new UsageError('error.siteOrAll');
  if (values.site === undefined && !values.all) throw new UsageError('error.siteOrAllNeeded');
  const files = values.sign ?? [];
  const names = values['passphrase-env'] ?? [];
  if (files.length !== 1 || names.length !== 1) throw new UsageError('error.exportNeedsSign');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(names[0]!)) throw new UsageError('error.badEnvName', { value: names[0]! });
  return {
    out: values.out,
    signing: { p12File: files[0]!, passphraseEnv: names[0]! },
    ...(values.db !== undefined ? { db: values.db } : {}),
    ...(values.site !== undefined ? { site: values.site } : {}),
  };
}

/**
 * `import BUNDLE... [--db FILE] [--replace-newer] [--accept-exporter FINGERPRINT] [--accept-impostor FINGERPRINT]…`:
 * each fingerprint in the form certificate viewers show (AB:CD:…, 32 pairs; letter case aside), checked by the
 * CLI's schema.
 */
export function importOptions(values: { db?: string | undefined; json?: boolean | undefined; 'replace-newer'?: boolean | undefined; 'accept-exporter'?: string | undefined; 'accept-impostor'?: string[] | undefined }, files: readonly string[]) {
  if (values.json) throw new UsageError('error.optionNotForCommand', { option: '--json', command: 'import' });
  const accept = values['accept-exporter'];
  return {
    files: [...files], replaceNewer: values['replace-newer'] ?? false,
    acceptImpostors: (values['accept-impostor'] ?? []).map(fingerprintOption),
    ...(accept !== undefined ? { acceptExporter: fingerprintOption(accept) } : {}),
    ...(values.db !== undefined ? { db: values.db } : {}),
  };
}

/** A fingerprint given on the command line, upper-cased; a usage error when it is not one. */
function fingerprintOption(value: string): string {
  const parsed = CertificateFingerprint.safeParse(value.trim().toUpperCase());
  if (!parsed.success) throw new UsageError('error.badFingerprint', { value });
  return parsed.data;
}
