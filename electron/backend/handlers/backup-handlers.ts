import type { StorageService } from '../storage-service.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';

type StorageCall = 'backups.list' | 'backups.create' | 'backups.check' | 'backups.restore' | 'settings.get' | 'settings.update' | 'settings.chooseBackupFolder';

function storage(ctx: HandlerContext): StorageService {
  if (!ctx.storage) throw new Error('backups and settings need the backend session (openBackend), not a bare dispatcher');
  return ctx.storage;
}

export const storageHandlers: HandlerGroup<StorageCall> = {
  'backups.list': async (_input, ctx) => ({ folder: storage(ctx).backupFolder(), backups: storage(ctx).listBackups() }),
  'backups.create': async (_input, ctx) => storage(ctx).backupNow('manual'),
  'backups.check': async (input, ctx) => storage(ctx).checkBackup(input.name),
  'backups.restore': async (input, ctx) => storage(ctx).restoreBackup(input.name, input.asThisDatabase),
  'settings.get': async (_input, ctx) => storage(ctx).settings(),
  'settings.update': async (input, ctx) => storage(ctx).updateSettings(input),
  'settings.chooseBackupFolder': async (_input, ctx) => storage(ctx).chooseBackupFolder(),
};
