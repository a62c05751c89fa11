import { m001Initial } from './001-initial.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order; `PRAGMA user_version` is the number of the last one applied. */
export const MIGRATIONS: readonly Migration[] = [m001Initial];
export const SCHEMA_VERSION = MIGRATIONS.length;
