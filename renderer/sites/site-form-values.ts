import type { ApiIssue } from '../../electron/contract/api-error.ts';
import type { CallInput } from '../../electron/contract/contract.ts';
import type { CollaborationModel, Site } from '../../electron/contract/entities.ts';
import { RegionCode } from '../../scales/regions/fi-regions.ts';

export type ModelChoice = 'none' | '1' | '2' | 'other';

/** The region select: '' none, a listed region's code, or the site's free-text region (migration 013) kept as it is. */
export const UNLISTED_REGION = 'unlisted';

/** What the site form edits, as the inputs hold it (strings); the API's rules decide what is valid. */
export interface SiteFormValues {
  name: string;
  regionCode: string;
  organisation: string;
  collaborationModel: ModelChoice;
  collaborationNote: string;
}

export type SiteField = keyof SiteFormValues;
export const SITE_FIELDS: readonly SiteField[] = ['name', 'regionCode', 'organisation', 'collaborationModel', 'collaborationNote'];

export const EMPTY_SITE_FORM: SiteFormValues = { name: '', regionCode: '', organisation: '', collaborationModel: 'none', collaborationNote: '' };

export function valuesFromSite(site: Site): SiteFormValues {
  return {
    name: site.name,
    regionCode: site.region ? site.region.code ?? UNLISTED_REGION : '',
    organisation: site.organisation ?? '',
    collaborationModel: site.collaborationModel === null ? 'none' : site.collaborationModel === 'other' ? 'other' : site.collaborationModel === 1 ? '1' : '2',
    collaborationNote: site.collaborationNote ?? '',
  };
}

const modelOf = (choice: ModelChoice): CollaborationModel | null => (choice === 'none' ? null : choice === 'other' ? 'other' : choice === '1' ? 1 : 2);
const textOrNull = (text: string) => (text.trim() === '' ? null : text);
/** A code the select offers; anything else (the kept free-text region, none) sends no code. */
const regionCodeOf = (value: string) => RegionCode.safeParse(value).data ?? null;

/** The name is sent as typed: an empty name is refused by the API, which shows the error at the field. */
export function toSiteInput(values: SiteFormValues): CallInput<'sites.create'> {
  const collaborationModel = modelOf(values.collaborationModel);
  return {
    name: values.name,
    regionCode: regionCodeOf(values.regionCode),
    organisation: textOrNull(values.organisation),
    collaborationModel,
    // The note belongs to "other" only; the API refuses "other" without one, shown at the note field.
    collaborationNote: collaborationModel === 'other' ? textOrNull(values.collaborationNote) : null,
  };
}

/** Only what differs from the saved site, so an edit never overwrites a field it did not touch. */
export function toSiteChanges(site: Site, values: SiteFormValues): CallInput<'sites.update'>['changes'] {
  const before = valuesFromSite(site);
  const input = toSiteInput(values);
  return {
    ...(values.name !== before.name ? { name: input.name } : {}),
    ...(values.regionCode !== before.regionCode ? { regionCode: input.regionCode } : {}),
    ...(values.organisation !== before.organisation ? { organisation: input.organisation } : {}),
    ...(values.collaborationModel !== before.collaborationModel || (input.collaborationModel === 'other' && values.collaborationNote !== before.collaborationNote)
      ? { collaborationModel: input.collaborationModel, collaborationNote: input.collaborationNote } : {}),
  };
}

export type FieldProblem = 'required' | 'tooLong' | 'invalid';

/**
 * API validation issues -> a problem per form field. Paths are 'name' for sites.create and 'changes.name' for
 * sites.update; issues on other paths stay in `other` for the general error.
 */
export function fieldProblemsFrom(issues: readonly ApiIssue[]): { fields: Partial<Record<SiteField, FieldProblem>>; other: ApiIssue[] } {
  const fields: Partial<Record<SiteField, FieldProblem>> = {};
  const other: ApiIssue[] = [];
  for (const issue of issues) {
    const field = issue.path.replace(/^changes\./, '') as SiteField;
    if (!SITE_FIELDS.includes(field)) {
      other.push(issue);
      continue;
    }
    fields[field] ??= issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'invalid';
  }
  return { fields, other };
}
