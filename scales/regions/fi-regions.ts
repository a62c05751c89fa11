import { z } from 'zod';
import regionData from './fi-regions.json' with { type: 'json' };

/**
 * Finland's regions as a fixed list (issue 13): the 21 wellbeing services counties, the City of Helsinki and Åland,
 * with Statistics Finland's codes (classification of wellbeing services counties, 1 January 2023: 01–21, Helsinki
 * 90, Åland 91) and the official Finnish and Swedish names (English as Statistics Finland publishes it). A site's
 * region is one of these codes; the list is versioned data, superseded (never edited) if the division changes.
 */
export const REGION_CODES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '90', '91'] as const;
export const RegionCode = z.enum(REGION_CODES, { message: 'use a region code of the list: 01–21 (wellbeing services counties), 90 (Helsinki) or 91 (Åland)' });
export type RegionCode = z.infer<typeof RegionCode>;

const LocalName = z.string().trim().min(1).max(200);

export const OfficialRegion = z.strictObject({
  code: RegionCode,
  name: z.strictObject({ fi: LocalName, sv: LocalName, en: LocalName }),
  /** Other ways the region is commonly written (the county's short name, its service brand, the old province). */
  aliases: z.array(LocalName),
});
export type OfficialRegion = z.infer<typeof OfficialRegion>;

export const RegionList = z.strictObject({
  id: z.literal('fi-wellbeing-services-counties'),
  version: z.string().min(1),
  source: z.string().min(1),
  regions: z.array(OfficialRegion).length(REGION_CODES.length),
});

export const FI_REGIONS = RegionList.parse(regionData);
export type RegionLanguage = keyof OfficialRegion['name'];

const BY_CODE = new Map(FI_REGIONS.regions.map((region) => [region.code, region]));

export function officialRegion(code: RegionCode): OfficialRegion {
  const region = BY_CODE.get(code);
  if (!region) throw new Error(`region code ${code} is not in the list`);
  return region;
}

export const regionName = (code: RegionCode, language: RegionLanguage): string => officialRegion(code).name[language];

/** The list sorted by its name in one language, as a select shows it. */
export function regionsByName(language: RegionLanguage): OfficialRegion[] {
  const locale = language === 'en' ? 'en' : language === 'sv' ? 'sv-FI' : 'fi';
  return [...FI_REGIONS.regions].sort((a, b) => a.name[language].localeCompare(b.name[language], locale));
}

/** Letter case, spaces and the kind of dash do not matter when a written region is matched. */
export function normaliseRegionText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('fi').replace(/[‐‑‒–—]/g, '-').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim();
}

const MATCHES = new Map<string, RegionCode>();
for (const region of FI_REGIONS.regions) {
  for (const text of [region.name.fi, region.name.sv, region.name.en, ...region.aliases]) MATCHES.set(normaliseRegionText(text), region.code);
}

/**
 * The region a free-text name means, or null when it is not one of the list's names or common short forms.
 * Names that cover several regions ("Uusimaa", "HUS", "HUS-yhtymä": Helsinki and four Uusimaa counties) stay
 * unmatched on purpose: the user picks the region (migration 013, bundles from older apps).
 */
export function matchRegionName(text: string): RegionCode | null {
  return MATCHES.get(normaliseRegionText(text)) ?? null;
}
