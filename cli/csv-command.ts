import { existsSync } from 'node:fs';
import type { TFunction } from 'i18next';
import type { CallInput, CallName, CallOutput } from '../electron/contract/contract.ts';
import type { CliLanguage } from './cli-args.ts';
import type { CliIo } from './main.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
import { InputFileError } from './input-file-error.ts';
import { siteIdByName } from './site-by-name.ts';

export interface CsvArgs {
  /** The database; the desktop app's own when left out. */
  db?: string | undefined;
  /** One site, by name (any letter case); every site when left out. */
  site?: string | undefined;
  out: string;
  scaleDirs: string[];
  language: CliLanguage;
}

/**
 * `ips-fidelity csv [--db FILE] [--site NAME | --all] [--lang fi|sv|en] --out FILE.csv`: the reviews CSV exactly as
 * the app saves it (the same API call, reviews.exportCsv), written atomically. The database is opened like the
 * app opens it: a newer one is refused, an older one is backed up and migrated first (and the backup named).
 */
export async function runCsv(args: CsvArgs, io: CliIo, t: TFunction): Promise<number> {
  const { defaultDatabaseFile } = await import('../electron/backend/store/default-database.ts');
  const dbFile = args.db ?? defaultDatabaseFile();
  // Opening would create an empty database: a mistyped path is an error, not an empty export.
  if (!existsSync(dbFile)) {
    io.stderr(t('csv.noDatabase', { file: dbFile }));
    return 1;
  }
  const { openBackend } = await import('../electron/backend/backend.ts');
  const { StoreError } = await import('../electron/backend/store/open-database.ts');
  let backend;
  try {
    backend = await openBackend({ dbFile, actor: 'ips-fidelity csv', scaleDirs: args.scaleDirs, log: (message) => io.stderr(message) });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    io.stderr(t('csv.databaseRefused', { file: dbFile, message: error.message }));
    return 1;
  }
  if (backend.backupFile) io.stderr(t('csv.migrated', { file: backend.backupFile }));
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const response = await backend.dispatch(name, input);
    if (!response.ok) throw new InputFileError('csv.failed', { code: response.error.code });
    return response.output as CallOutput<N>;
  };
  try {
    const siteId = args.site === undefined ? undefined : siteIdByName(await call('sites.list', { includeArchived: true }), args.site);
    const exported = await call('reviews.exportCsv', { ...(siteId === undefined ? {} : { siteId }), language: args.language });
    writeFileAtomic(args.out, Buffer.from(exported.csv, 'utf8'));
    io.stdout(t('csv.written', { file: args.out, count: exported.reviews }));
    return 0;
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.stderr(t(error.key, error.params));
    return 1;
  } finally {
    backend.close();
  }
}

type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

