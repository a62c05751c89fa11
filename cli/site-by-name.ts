import { InputFileError } from './input-file-error.ts';

/**
 * The id of the site named `name` (archived ones too, any letter case; compared here rather than with SQLite's
 * lower(), which folds only ASCII letters, not Ä or Ö). The same name in two regions is ambiguous.
 */
export function siteIdByName(sites: readonly { id: number; name: string; region: { name: string } | null }[], name: string): number {
  const wanted = name.trim().toLocaleLowerCase('fi');
  const matches = sites.filter((s) => s.name.toLocaleLowerCase('fi') === wanted);
  if (matches.length === 0) throw new InputFileError('error.siteNotFound', { name });
  if (matches.length > 1) throw new InputFileError('error.siteAmbiguous', { name, regions: matches.map((s) => s.region?.name ?? '–').join(', ') });
  return matches[0]!.id;
}
