import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { TFunction } from 'i18next';
import type { ApiIssue } from '../electron/contract/api-error.ts';
import type { CallOutput } from '../electron/contract/contract.ts';
import type { CliLanguage } from './cli-args.ts';
import { describeProblem } from './cli-i18n.ts';
import type { CliIo } from './main.ts';
import { readBinaryFile } from './read-binary-file.ts';
import { InputFileError } from './read-json-file.ts';
import { openIdentity } from './report-command.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
import { siteIdByName } from './site-by-name.ts';
import { impostorRefusals, reviewPlace, trustLines } from './bundle-trust-lines.ts';
import { trustCertificatesFromFiles } from './trust-files.ts';

export interface BundleExportArgs {
  db?: string | undefined;
  site?: string | undefined;
  out: string;
  signing: { p12File: string; passphraseEnv: string };
  scaleDirs: string[];
  language: CliLanguage;
}

export interface BundleImportArgs {
  db?: string | undefined;
  files: string[];
  replaceNewer: boolean;
  /** The fingerprint of an exporter the user accepts to continue reviews another exporter sent (--accept-exporter). */
  acceptExporter?: string | undefined;
  /** Certificates that carry a known reviewer's name with a different key, which the user accepts (--accept-impostor). */
  acceptImpostors: string[];
  /** --trust files and --trust-store folders: trusted besides the database's trust store, for this run only. */
  trustFiles: string[];
  trustStores: string[];
  scaleDirs: string[];
  language: CliLanguage;
}

async function databaseFile(db: string | undefined): Promise<string> {
  const { defaultDatabaseFile } = await import('../electron/backend/store/default-database.ts');
  return db ?? defaultDatabaseFile();
}

/**
 * `ips-fidelity export (--site NAME | --all) --out BUNDLE.ipsreview --sign ID.p12 --passphrase-env VAR [--db FILE]`:
 * the reviews as a review bundle signed with the PKCS#12 identity, written atomically; the audit log records the
 * export, and a review changed since it was last shared goes out as its next revision, as in the app.
 */
export async function runBundleExport(args: BundleExportArgs, io: CliIo, t: TFunction, env: NodeJS.ProcessEnv): Promise<number> {
  const dbFile = await databaseFile(args.db);
  // Opening would create an empty database: a mistyped path is an error, not an empty bundle.
  if (!existsSync(dbFile)) {
    io.stderr(t('bundle.noDatabase', { file: dbFile }));
    return 1;
  }
  const identity = await openIdentity(args.signing, env);
  const { openStoreContext } = await import('./open-store.ts');
  const { exportBundle, reviewsToExport } = await import('../electron/backend/handlers/bundle-export.ts');
  const { listSites } = await import('../electron/backend/store/sites-store.ts');
  const { ApiFailure } = await import('../electron/contract/api-error.ts');
  const store = await openStoreContext(dbFile, args.scaleDirs, 'ips-fidelity export', (message) => io.stderr(message));
  const { ctx } = store;
  try {
    const written = ctx.db.transaction(() => {
      const siteIds = args.site === undefined ? null : [siteIdByName(listSites(ctx.db, { includeArchived: true }), args.site)];
      const rows = reviewsToExport(ctx, siteIds ? { siteIds } : { all: true });
      const { bytes, revisionsRaised } = exportBundle(ctx, rows, identity);
      // Inside the transaction: if the file cannot be written, the audit log does not say it was exported.
      writeFileAtomic(args.out, bytes);
      return { count: rows.length, revisionsRaised };
    }).immediate();
    io.stdout([
      t('bundle.exported', { file: args.out, count: written.count }),
      `  ${t('report.signedBy', { signer: identity.commonName, fingerprint: identity.certificateFingerprint })}`,
      ...(written.revisionsRaised ? [`  ${t('bundle.revisionsRaised', { count: written.revisionsRaised })}`] : []),
    ].join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof InputFileError) io.stderr(t(error.key, error.params));
    else if (error instanceof ApiFailure) io.stderr(t(`bundle.exportRefused.${String(error.details?.reason)}`, { defaultValue: error.details?.issues?.[0]?.message ?? error.code }));
    else throw error;
    return 1;
  } finally {
    store.close();
  }
}


type Imported = CallOutput<'bundles.import'>;
const OUTCOMES = ['new', 'replaced', 'report-added', 'unchanged', 'older', 'skipped', 'conflict'] as const;

/**
 * `ips-fidelity import BUNDLE... [--db FILE] [--replace-newer] [--accept-exporter FINGERPRINT] [--trust FILE]…
 * [--trust-store DIR]… [--accept-impostor FINGERPRINT]…`: each bundle through the app's own import call (all of a
 * bundle or nothing), with a progress line per file, then who sent it and who signed its reports, judged as verify
 * judges them. A refused bundle is told with its problems and the others are still imported; then the exit code is
 * 1. A newer revision of a review replaces the one in the database only with --replace-newer (the command line's
 * way of confirming); the replaced one stays in history. A later revision or report of a review another exporter
 * sent is refused, naming both exporters, unless --accept-exporter names this bundle's exporter's certificate
 * exactly; a review written in this database is never replaced, whatever the options. A bundle signed, or with a
 * report signed, by a certificate that carries a known reviewer's name with a different key is refused unless
 * --accept-impostor names that certificate.
 */
export async function runBundleImport(args: BundleImportArgs, io: CliIo, t: TFunction): Promise<number> {
  // Read first: a missing or unreadable certificate file stops the command before anything is imported.
  const trustCertificates = trustCertificatesFromFiles(args.trustFiles, args.trustStores).map((c) => c.der.toString('base64'));
  const dbFile = await databaseFile(args.db);
  const existed = existsSync(dbFile);
  const { openBackend } = await import('../electron/backend/backend.ts');
  const { BUNDLE_LIMITS } = await import('../exchange/bundle-format.ts');
  // One backup before the whole batch (issue 7: a backup before every import), not one per bundle.
  const backend = await openBackend({ dbFile, actor: 'ips-fidelity import', scaleDirs: args.scaleDirs, automaticBackups: false, log: (message) => io.stderr(message) });
  try {
    if (existed) await backend.backupNow('import');
    else io.stderr(t('bundle.newDatabase', { file: dbFile }));
    let refused = 0;
    for (const [index, file] of args.files.entries()) {
      const prefix = `${index + 1}/${args.files.length} ${basename(file)}`;
      const problems = await importOne(backend.dispatch, file, BUNDLE_LIMITS.maxBundleBytes, { ...args, trustCertificates }, t);
      if ('refused' in problems) {
        refused++;
        io.stderr([`${prefix}: ${t('bundle.refused')}`, ...problems.refused.map((line) => `  ${line}`)].join('\n'));
        continue;
      }
      const counts = OUTCOMES.map((outcome) => [outcome, problems.imported.reviews.filter((r) => r.outcome === outcome).length] as const).filter(([, n]) => n > 0);
      io.stdout(`${prefix}: ${counts.map(([outcome, count]) => t(`bundle.outcome.${outcome}`, { count })).join(', ')}`);
      for (const scale of problems.imported.scalesAdded) io.stdout(`  ${t('bundle.scaleAdded', { scale: `${scale.id} ${scale.version}`, hash: scale.contentHash })}`);
      if (!args.replaceNewer && problems.imported.reviews.some((r) => r.outcome === 'skipped')) io.stdout(`  ${t('bundle.replaceHint')}`);
      io.stdout(problems.trust.join('\n'));
    }
    if (args.files.length > 1) io.stdout(t('bundle.summary', { count: args.files.length - refused, refused }));
    return refused ? 1 : 0;
  } finally {
    backend.close();
  }
}

type Dispatch = (name: unknown, input: unknown) => Promise<{ ok: true; output: unknown } | { ok: false; error: { code: string; details?: { issues?: ApiIssue[] | undefined } | undefined } }>;

type Inspected = Extract<CallOutput<'bundles.inspect'>, { ok: true }>;
type Refusal = NonNullable<Inspected['reviews'][number]['refusal']>;

/** A refused review in words: which review, and why; for a change of sender, both senders and how to accept the new one. */
function refusalLines(review: Inspected['reviews'][number], refusal: Refusal, t: TFunction): string[] {
  const who = (sender: Refusal['now']) => t('bundle.refusal.sender', { name: sender.name ?? t('bundle.refusal.unnamed'), fingerprint: sender.certificateFingerprint });
  const where = reviewPlace(review);
  if (refusal.code === 'exporter-changed' && refusal.before) {
    return [
      t('bundle.refusal.exporter-changed', { review: where, before: who(refusal.before), now: who(refusal.now) }),
      `  ${t('bundle.refusal.acceptHint', { fingerprint: refusal.now.certificateFingerprint })}`,
    ];
  }
  if (refusal.code === 'own-review') return [t('bundle.refusal.own-review', { review: where, now: who(refusal.now) })];
  return [t(`bundle.refusal.${refusal.code}`, { review: where, defaultValue: refusal.message })];
}

async function importOne(dispatch: Dispatch, file: string, maxBytes: number, args: BundleImportArgs & { trustCertificates: string[] }, t: TFunction):
  Promise<{ imported: Imported; trust: string[] } | { refused: string[] }> {
  let bundleBase64: string;
  try {
    bundleBase64 = readBinaryFile(file, maxBytes).toString('base64');
  } catch (error) {
    if (error instanceof InputFileError) return { refused: [t(error.key, error.params)] };
    throw error;
  }
  const issues = (error: { code: string; details?: { issues?: ApiIssue[] | undefined } | undefined }) =>
    error.details?.issues?.map((i) => describeProblem(i, t)) ?? [t('bundle.failed', { code: error.code })];
  const accept = args.acceptExporter !== undefined ? { acceptExporter: args.acceptExporter } : {};
  // The plan first: a refused review is told with both senders' names, which the import's error does not carry.
  const trustCertificates = args.trustCertificates.length ? { trustCertificates: args.trustCertificates } : {};
  const inspected = await dispatch('bundles.inspect', { bundleBase64, ...accept, ...trustCertificates });
  if (!inspected.ok) return { refused: issues(inspected.error) };
  const plan = inspected.output as CallOutput<'bundles.inspect'>;
  if (!plan.ok) return { refused: plan.problems.map((p) => describeProblem(p, t)) };
  const refusals = [
    ...plan.reviews.flatMap((review) => (review.refusal ? refusalLines(review, review.refusal, t) : [])),
    ...impostorRefusals(plan, args.acceptImpostors, t),
  ];
  if (refusals.length) return { refused: refusals };
  const replace = args.replaceNewer ? plan.reviews.filter((r) => r.outcome === 'newer').map((r) => r.reviewUid) : [];
  const response = await dispatch('bundles.import', { bundleBase64, replace, ...accept });
  if (!response.ok) return { refused: issues(response.error) };
  // Judged as inspected, with the --trust certificates (the import's own answer knows only the database's).
  return { imported: response.output as Imported, trust: trustLines(plan, t) };
}
