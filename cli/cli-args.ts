import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BACKUP_COMMANDS, backupOptions } from './backup-args.ts';
import { CertificateFingerprint } from '../exchange/certificate-fingerprint.ts';
import { exportOptions, importOptions } from './bundle-args.ts';

export class UsageError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string> = {}) {
    super(key);
    this.name = 'UsageError';
  }
}

const COMMANDS = ['scales', 'validate', 'score', 'report', 'verify', 'csv', 'export', 'import', 'backup', 'backups', 'restore', 'help'] as const;
export const Language = z.enum(['fi', 'sv', 'en']);
export type CliLanguage = z.infer<typeof Language>;

/** A portable environment variable name (POSIX): the passphrase itself never appears on the command line. */
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

const CliArgs = z.discriminatedUnion('command', [
  z.object({ command: z.literal('scales'), scaleDirs: z.array(z.string()) }),
  z.object({ command: z.literal('validate'), file: z.string(), scaleDirs: z.array(z.string()) }),
  z.object({ command: z.literal('score'), file: z.string(), json: z.boolean(), scaleDirs: z.array(z.string()) }),
  z.object({
    command: z.literal('report'),
    file: z.string(),
    out: z.string().min(1),
    /** One entry per signer, in signing order: the second signs as an incremental update over the first. */
    signing: z.array(z.strictObject({ p12File: z.string().min(1), passphraseEnv: EnvName })).max(20),
    scaleDirs: z.array(z.string()),
  }),
  /** --trust FILE: a confirmed signer's certificate, or a root when it is a CA certificate; --trust-store DIR: every .pem/.crt/.cer in DIR. */
  z.object({ command: z.literal('verify'), file: z.string(), json: z.boolean(), trustFiles: z.array(z.string().min(1)), trustStores: z.array(z.string().min(1)) }),
  /** Without --site (or with --all), every site's reviews; without --db, the desktop app's database. */
  z.object({ command: z.literal('csv'), db: z.string().min(1).optional(), site: z.string().trim().min(1).optional(), out: z.string().min(1), scaleDirs: z.array(z.string()) }),
  /** A review bundle signed with a PKCS#12 identity (the command line has no unlocked identity of the app's). */
  z.object({
    command: z.literal('export'), db: z.string().min(1).optional(), site: z.string().trim().min(1).optional(), out: z.string().min(1),
    signing: z.strictObject({ p12File: z.string().min(1), passphraseEnv: EnvName }), scaleDirs: z.array(z.string()),
  }),
  /**
   * --accept-exporter FINGERPRINT: take later revisions and reports of reviews another exporter sent, from this
   * certificate only. --trust/--trust-store: as for verify, besides the database's trusted signers and roots.
   * --accept-impostor FINGERPRINT (repeatable): take a bundle that this certificate, carrying a known reviewer's
   * name with a different key, signed or whose report it signed.
   */
  z.object({
    command: z.literal('import'), db: z.string().min(1).optional(), files: z.array(z.string().min(1)).min(1), replaceNewer: z.boolean(),
    acceptExporter: CertificateFingerprint.optional(), acceptImpostors: z.array(CertificateFingerprint).max(100),
    trustFiles: z.array(z.string().min(1)), trustStores: z.array(z.string().min(1)), scaleDirs: z.array(z.string()),
  }),
  /** Database backups (issue 7); without --db, the desktop app's database; see backup-command.ts. */
  z.object({ command: z.literal('backup'), db: z.string().min(1).optional(), out: z.string().min(1).optional() }),
  z.object({ command: z.literal('backups'), db: z.string().min(1).optional(), folder: z.string().min(1).optional(), json: z.boolean() }),
  z.object({ command: z.literal('restore'), file: z.string().min(1), db: z.string().min(1).optional(), folder: z.string().min(1).optional(), asThisDatabase: z.boolean() }),
  z.object({ command: z.literal('help') }),
]);
export type CliArgs = z.infer<typeof CliArgs> & { language: CliLanguage };

/** Options that belong to some commands only; given to another, they are a usage error rather than silently ignored. */
const ONLY_FOR: Record<string, readonly string[]> = {
  out: ['report', 'csv', 'export', 'backup'], sign: ['report', 'export'], 'passphrase-env': ['report', 'export'], db: ['csv', 'export', 'import', 'backup', 'backups', 'restore'], folder: ['backups', 'restore'], 'as-this-database': ['restore'],
  site: ['csv', 'export'], all: ['csv', 'export'], 'replace-newer': ['import'], 'accept-exporter': ['import'], 'accept-impostor': ['import'], trust: ['verify', 'import'], 'trust-store': ['verify', 'import'],
};

/** The language is read first and on its own, so that even a usage error is told in the user's language. */
export function languageFrom(argv: readonly string[]): CliLanguage {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const arg = argv[index];
  const value = arg?.includes('=') ? arg.slice('--lang='.length) : argv[index + 1];
  const parsed = Language.safeParse(value);
  return parsed.success ? parsed.data : 'fi';
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: 'string' },
        json: { type: 'boolean', default: false },
        'scale-dir': { type: 'string', multiple: true, default: [] },
        out: { type: 'string' },
        sign: { type: 'string', multiple: true },
        'passphrase-env': { type: 'string', multiple: true },
        db: { type: 'string' },
        folder: { type: 'string' },
        'as-this-database': { type: 'boolean' },
        site: { type: 'string' },
        all: { type: 'boolean' },
        'replace-newer': { type: 'boolean' },
        'accept-exporter': { type: 'string' },
        'accept-impostor': { type: 'string', multiple: true },
        trust: { type: 'string', multiple: true },
        'trust-store': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError('error.usage', { message: (error as Error).message });
  }
  const { values, positionals } = parsed;
  const language = Language.safeParse(values.lang ?? 'fi');
  if (!language.success) throw new UsageError('error.badLang', { value: String(values.lang) });

  const [command = 'help', ...rest] = positionals;
  if (values.help || command === 'help') return { command: 'help', language: language.data };
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError('error.unknownCommand', { command });

  const expectsFile = command !== 'scales' && command !== 'csv' && command !== 'export' && command !== 'backup' && command !== 'backups';
  if (expectsFile && rest.length === 0) throw new UsageError('error.missingFile', { command });
  // import takes any number of bundles.
  const extra = command === 'import' ? [] : rest.slice(expectsFile ? 1 : 0);
  if (extra.length) throw new UsageError('error.tooManyArguments', { extra: extra.join(' ') });
  for (const [option, owner] of Object.entries(ONLY_FOR)) {
    if (values[option as keyof typeof values] !== undefined && !owner.includes(command)) throw new UsageError('error.optionNotForCommand', { option: `--${option}`, command });
  }

  const args = CliArgs.safeParse({
    command,
    file: rest[0],
    json: values.json,
    scaleDirs: values['scale-dir'],
    ...(command === 'report' ? reportOptions(values) : {}),
    ...(command === 'verify' || command === 'import' ? { trustFiles: values.trust ?? [], trustStores: values['trust-store'] ?? [] } : {}),
    ...(command === 'csv' ? csvOptions(values) : {}),
    ...(command === 'export' ? exportOptions(values) : {}),
    ...(command === 'import' ? importOptions(values, rest) : {}),
    ...(BACKUP_COMMANDS.includes(command) ? backupOptions(command, values) : {}),
  });
  if (!args.success) throw new UsageError('error.usage', { message: args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  return { ...args.data, language: language.data };
}

/** --sign and --passphrase-env come in pairs, matched in order (a second pair: a second reviewer signs after the first). */
function reportOptions(values: { out?: string | undefined; sign?: string[] | undefined; 'passphrase-env'?: string[] | undefined; json?: boolean | undefined }) {
  if (values.json) throw new UsageError('error.optionNotForCommand', { option: '--json', command: 'report' });
  if (!values.out) throw new UsageError('error.missingOut');
  const files = values.sign ?? [];
  const names = values['passphrase-env'] ?? [];
  if (files.length > names.length) throw new UsageError('error.signNeedsPassphraseEnv');
  if (names.length > files.length) throw new UsageError('error.passphraseEnvNeedsSign');
  const badName = names.find((name) => !EnvName.safeParse(name).success);
  if (badName !== undefined) throw new UsageError('error.badEnvName', { value: badName });
  return { out: values.out, signing: files.map((p12File, i) => ({ p12File, passphraseEnv: names[i]! })) };
}

/** `csv --out FILE.csv [--db FILE] [--site NAME | --all]`: --site and --all exclude each other. */
function csvOptions(values: { out?: string | undefined; db?: string | undefined; site?: string | undefined; all?: boolean | undefined; json?: boolean | undefined }) {
  if (values.json) throw new UsageError('error.optionNotForCommand', { option: '--json', command: 'csv' });
  if (!values.out) throw new UsageError('error.missingCsvOut');
  if (values.site !== undefined && values.all) throw new UsageError('error.siteOrAll');
  return { out: values.out, ...(values.db !== undefined ? { db: values.db } : {}), ...(values.site !== undefined ? { site: values.site } : {}) };
}
