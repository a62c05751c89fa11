import { UsageError } from './cli-args.ts';

/** The database backup commands (issue 7); run by backup-command.ts. */
export const BACKUP_COMMANDS: readonly string[] = ['backup', 'backups', 'restore'];

/** --db for all three; --out FOLDER for backup; --folder FOLDER for backups and restore; --json for backups only. */
export function backupOptions(command: string, values: { db?: string | undefined; out?: string | undefined; folder?: string | undefined; json?: boolean | undefined; 'as-this-database'?: boolean | undefined }) {
  if (values.json && command !== 'backups') throw new UsageError('error.optionNotForCommand', { option: '--json', command });
  return {
    ...(values.db !== undefined ? { db: values.db } : {}),
    ...(command === 'backup' && values.out !== undefined ? { out: values.out } : {}),
    ...(command !== 'backup' && values.folder !== undefined ? { folder: values.folder } : {}),
    ...(command === 'restore' ? { asThisDatabase: values['as-this-database'] === true } : {}),
  };
}
