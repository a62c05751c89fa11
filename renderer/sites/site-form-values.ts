import type { ApiIssue } from '../../electron/contract/api-error.ts';
import type { CallInput } from '../../electron/contract/contract.ts';
import type { Site } from '../../electron/contract/entities.ts';

export type ModelChoice = 'none' | '1' | '2';

/** What the site form edits, as the inputs hold it (strings); the API's rules decide what is valid. */
export interface SiteFormValues {
  name: string;
  regionName: string;
  organisation: string;
  collaborationModel: ModelChoice;
}

export type SiteField = keyof SiteFormValues;
export const SITE_FIELDS: readonly SiteField[] = ['name', 'regionName', 'organisation', 'collaborationModel'];

export const EMPTY_SITE_FORM: SiteFormValues = { name: '', regionName: '', organisation: '', collaborationModel: 'none' };

export function valuesFromSite(site: Site): SiteFormValues {
  return {
    name: site.name,
    regionName: site.region?.name ?? '',
    organisation: site.organisation ?? '',
    collaborationModel: site.collaborationModel === null ? 'none' : site.collaborationModel === 1 ? '1' : '2',
  };
}

const modelOf = (choice: ModelChoice) => (choice === 'none' ? null : choice === '1' ? 1 : 2);
const textOrNull = (text: string) => (text.trim() === '' ? null : text);

/** The name is sent as typed: an empty name is refused by the API, which shows the error at the field. */
export function toSiteInput(values: SiteFormValues): CallInput<'sites.create'> {
  return {
    name: values.name,
    regionName: textOrNull(values.regionName),
    organisation: textOrNull(values.organisation),
    collaborationModel: modelOf(values.collaborationModel),
  };
}

/** Only what differs from the saved site, so an edit never overwrites a field it did not touch. */
export function toSiteChanges(site: Site, values: SiteFormValues): CallInput<'sites.update'>['changes'] {
  const before = valuesFromSite(site);
  const input = toSiteInput(values);
  return {
    ...(values.name !== before.name ? { name: input.name } : {}),
    ...(values.regionName !== before.regionName ? { regionName: input.regionName } : {}),
    ...(values.organisation !== before.organisation ? { organisation: input.organisation } : {}),
    ...(values.collaborationModel !== before.collaborationModel ? { collaborationModel: input.collaborationModel } : {}),
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
