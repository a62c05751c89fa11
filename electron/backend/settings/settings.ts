import { jsonProblemText, parseJsonWithLimits } from '../../../scales/input-limits.ts';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Settings, type SettingsChanges } from '../../contract/settings-contract.ts';
import { databaseFileStem } from '../store/backups.ts';
import { writeFileDurably } from '../store/durable-files.ts';

/** The settings file shared by every database of a folder before issue 14; read once as a new database's start. */
export const SHARED_SETTINGS_FILE_NAME = 'settings.json';

/**
 * Each database's own settings, beside it: ips-fidelity.sqlite -> ips-fidelity.settings.json. Two databases in
 * one folder (a reviewer's and THL's) never share a backup folder, rotation or default signer.
 */
export function databaseSettingsFile(dbFile: string): string {
  return join(dirname(dbFile), `${databaseFileStem(dbFile)}.settings.json`);
}

/**
 * The database's settings; a database without its own file yet starts from the folder's shared settings.json
 * (left in place: other databases of the folder may start from it too) and gets its own file on its first change.
 */
export function loadDatabaseSettings(dbFile: string, log: (message: string) => void = console.error, now: () => Date = () => new Date()): LoadedSettings {
  const own = databaseSettingsFile(dbFile);
  const shared = join(dirname(dbFile), SHARED_SETTINGS_FILE_NAME);
  return loadSettings(existsSync(own) || !existsSync(shared) ? own : shared, log, now);
}
/** Larger than any settings file could be; a bigger one is not ours. */
const MAX_SETTINGS_BYTES = 256 * 1024;

export const defaultSettings = (): Settings => Settings.parse({});

export interface LoadedSettings {
  settings: Settings;
  /** Where a file that did not validate was moved, if that happened. */
  setAside: string | null;
}

/**
 * Reads and validates the settings file. Never throws: a missing file gives the defaults; a file that is not
 * JSON or does not match the schema is moved aside to settings.corrupt-<time>.json (so nothing is lost and the
 * next start is clean) and the defaults are used, with a message in the log.
 */
export function loadSettings(file: string, log: (message: string) => void = console.error, now: () => Date = () => new Date()): LoadedSettings {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_SETTINGS_BYTES) throw Object.assign(new Error(`${bytes.length} bytes`), { code: 'ETOOBIG' });
    text = bytes.toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { settings: defaultSettings(), setAside: null };
    if (code !== 'ETOOBIG') {
      log(`[settings] ${file} cannot be read (${code ?? (error as Error).message}); using the default settings`);
      return { settings: defaultSettings(), setAside: null };
    }
    return setAside(file, `it is too large (${(error as Error).message})`, log, now);
  }
  const json = parseJsonWithLimits(text);
  if (!json.ok) return setAside(file, `it is not JSON this app can read (${jsonProblemText(json)})`, log, now);
  const parsed = Settings.safeParse(json.value);
  if (!parsed.success) {
    return setAside(file, `it does not match the settings schema (${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')})`, log, now);
  }
  return { settings: parsed.data, setAside: null };
}

function setAside(file: string, why: string, log: (message: string) => void, now: () => Date): LoadedSettings {
  const target = join(dirname(file), `${basename(file, '.json')}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
  try {
    renameSync(file, target);
    log(`[settings] ${file} was not used because ${why}; it was moved to ${target} and the default settings are used`);
    return { settings: defaultSettings(), setAside: target };
  } catch (error) {
    log(`[settings] ${file} was not used because ${why}; it could not be moved aside (${(error as NodeJS.ErrnoException).code ?? String(error)}); the default settings are used`);
    return { settings: defaultSettings(), setAside: null };
  }
}

/**
 * Changes the backend itself makes beside the user's settings.update: a scale version adopted (or, with null,
 * given up) through scales.adopt, which checks the version first.
 */
export type StoredSettingsChanges = Omit<SettingsChanges, 'backupFolder'> & {
  adoptedScales?: Record<string, string | null>;
  /** A folder the user picked in the desktop app's dialog (settings.chooseBackupFolder); null: the default. */
  backupFolder?: string | null | undefined;
};

/** The settings with the changes applied; null clears an optional setting. Validated again as a whole. */
export function applySettingsChanges(settings: Settings, changes: StoredSettingsChanges): Settings {
  const adopted = { ...settings.adoptedScales };
  for (const [id, version] of Object.entries(changes.adoptedScales ?? {})) {
    if (version === null) delete adopted[id];
    else adopted[id] = version;
  }
  const next: Record<string, unknown> = { ...settings, backups: { ...settings.backups, ...stripUndefined(changes.backups ?? {}) }, adoptedScales: adopted };
  for (const key of ['language', 'reviewerIdentityId', 'backupFolder'] as const) {
    const value = changes[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return Settings.parse(next);
}

const stripUndefined = (object: object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/** Writes the settings atomically (writeFileDurably), readable only by this user. */
export function saveSettings(file: string, settings: Settings): void {
  const checked = Settings.parse(settings);
  mkdirSync(dirname(file), { recursive: true });
  writeFileDurably(file, Buffer.from(`${JSON.stringify(checked, null, 2)}\n`, 'utf8'), 0o600);
}
