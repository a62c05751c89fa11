import { describe, expect, test } from 'vitest';
import { FI_REGIONS, matchRegionName, REGION_CODES, regionName, regionsByName } from '../../scales/regions/fi-regions.ts';

describe('the region list (scales/regions/fi-regions.json)', () => {
  test('23 regions: 21 wellbeing services counties (01–21), Helsinki (90) and Åland (91), each code once', () => {
    expect(FI_REGIONS.regions).toHaveLength(23);
    const codes = FI_REGIONS.regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(23);
    expect(codes).toEqual([...REGION_CODES]);
    expect(FI_REGIONS.regions.filter((r) => r.name.fi.endsWith(' hyvinvointialue'))).toHaveLength(21);
    expect(FI_REGIONS.regions.filter((r) => r.name.sv.endsWith(' välfärdsområde'))).toHaveLength(21);
    expect(regionName('90', 'fi')).toBe('Helsingin kaupunki');
    expect(regionName('90', 'sv')).toBe('Helsingfors stad');
    expect(regionName('91', 'fi')).toBe('Ahvenanmaa');
    expect(regionName('91', 'sv')).toBe('Åland');
    expect(regionName('08', 'sv')).toBe('Birkalands välfärdsområde');
  });

  test('every region has distinct Finnish and Swedish names, and no name or short form means two regions', () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      expect(new Set(FI_REGIONS.regions.map((r) => r.name[language])).size, language).toBe(23);
    }
    for (const region of FI_REGIONS.regions) {
      for (const text of [region.name.fi, region.name.sv, region.name.en, ...region.aliases]) expect(matchRegionName(text), text).toBe(region.code);
    }
  });

  test('free text is matched ignoring letter case, spaces and the kind of dash; names of several regions are not', () => {
    expect(matchRegionName('  PIRKANMAA ')).toBe('08');
    expect(matchRegionName('pirkanmaan   hyvinvointialue')).toBe('08');
    expect(matchRegionName('Itä – Uusimaa')).toBe('01');
    expect(matchRegionName('Vantaa-Kerava')).toBe('04');
    expect(matchRegionName('Siun sote')).toBe('14');
    expect(matchRegionName('helsingfors')).toBe('90');
    for (const ambiguous of ['Uusimaa', 'HUS', 'HUS-yhtymä', 'Uudenmaan hyvinvointialueet', 'Kaakkois-Suomi', '']) expect(matchRegionName(ambiguous), ambiguous).toBeNull();
  });

  test('the select order follows the UI language', () => {
    expect(regionsByName('fi')[0]!.name.fi).toBe('Ahvenanmaa');
    expect(regionsByName('sv')[0]!.name.sv).toBe('Birkalands välfärdsområde');
    expect(regionsByName('sv').at(-1)!.name.sv).toBe('Östra Nylands välfärdsområde');
  });
});
