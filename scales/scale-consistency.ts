import type { z } from 'zod';
import type { LocalizedText, ScaleVersionData } from './scale-schema.ts';

type PathSegment = string | number;
export interface ConsistencyIssue {
  path: PathSegment[];
  message: string;
}

/**
 * Cross-field rules a schema cannot express: every item in exactly one section, the right number of anchors,
 * bands that cover the total range without gaps or overlaps, every text in every declared language.
 * Returns every issue at once so an author can fix a file in one pass.
 */
export function scaleConsistencyIssues(scale: ScaleVersionData): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const add = (path: PathSegment[], message: string) => issues.push({ path, message });

  checkLanguages(scale, add);

  const itemNumbers = new Map<number, number>();
  const itemKeys = new Map<string, number>();
  scale.items.forEach((item, index) => {
    if (itemNumbers.has(item.number)) add(['items', index, 'number'], `item number ${item.number} is used twice`);
    itemNumbers.set(item.number, index);
    if (itemKeys.has(item.key)) add(['items', index, 'key'], `item key "${item.key}" is used twice`);
    itemKeys.set(item.key, index);
    if (item.number !== index + 1) add(['items', index, 'number'], `items must be numbered 1, 2, 3… in order; expected ${index + 1}, found ${item.number}`);
  });

  const { itemRange, totalRange, bands, partial } = scale.scoring;
  const anchorCount = itemRange.max - itemRange.min + 1;
  if (itemRange.min < 0 || anchorCount < 2) add(['scoring', 'itemRange'], 'the item range must run from a non-negative minimum to a larger maximum');
  scale.items.forEach((item, index) => {
    if (item.anchors.length !== anchorCount) {
      add(['items', index, 'anchors'], `item ${item.number} has ${item.anchors.length} anchors; the item range ${itemRange.min}–${itemRange.max} needs ${anchorCount}`);
    }
  });

  checkSections(scale, itemNumbers, add);
  checkDataSources(scale, add);
  checkComparableWith(scale, add);

  const itemCount = scale.items.length;
  if (totalRange.min !== itemCount * itemRange.min || totalRange.max !== itemCount * itemRange.max) {
    add(['scoring', 'totalRange'], `${itemCount} items rated ${itemRange.min}–${itemRange.max} give totals ${itemCount * itemRange.min}–${itemCount * itemRange.max}, not ${totalRange.min}–${totalRange.max}`);
  }
  checkBands(bands, totalRange, add);
  if (partial.minRatedItems > itemCount) {
    add(['scoring', 'partial', 'minRatedItems'], `the minimum of rated items (${partial.minRatedItems}) exceeds the number of items (${itemCount})`);
  }
  const { actionPlanThreshold, followUp } = scale.scoring;
  if (actionPlanThreshold !== undefined && (actionPlanThreshold < itemRange.min || actionPlanThreshold > itemRange.max)) {
    add(['scoring', 'actionPlanThreshold'], `the action-plan threshold ${actionPlanThreshold} is outside the item range ${itemRange.min}–${itemRange.max}`);
  }
  if (followUp !== undefined && !bands.some((band) => band.key === followUp.goalBand)) {
    add(['scoring', 'followUp', 'goalBand'], `the goal band "${followUp.goalBand}" is not one of the scale's bands`);
  }
  return issues;
}

type Add = (path: PathSegment[], message: string) => void;

function checkLanguages(scale: ScaleVersionData, add: Add) {
  if (new Set(scale.languages).size !== scale.languages.length) add(['languages'], 'a language is listed twice');
  const requireAll = (text: LocalizedText, path: PathSegment[]) => {
    for (const language of scale.languages) {
      if (!text[language]) add([...path, language], `text is missing in language "${language}"`);
    }
  };
  requireAll(scale.title, ['title']);
  scale.dataSources.forEach((source, i) => requireAll(source.label, ['dataSources', i, 'label']));
  scale.sections.forEach((section, i) => requireAll(section.title, ['sections', i, 'title']));
  scale.items.forEach((item, i) => {
    requireAll(item.title, ['items', i, 'title']);
    requireAll(item.criterion, ['items', i, 'criterion']);
    item.anchors.forEach((anchor, a) => requireAll(anchor, ['items', i, 'anchors', a]));
    item.interviewPrompts?.forEach((prompt, p) => requireAll(prompt, ['items', i, 'interviewPrompts', p]));
  });
  scale.scoring.bands.forEach((band, i) => requireAll(band.label, ['scoring', 'bands', i, 'label']));
  scale.notes.forEach((note, i) => requireAll(note, ['notes', i]));
  scale.changelog?.forEach((entry, e) => entry.changes.forEach((change, c) => requireAll(change, ['changelog', e, 'changes', c])));
  scale.scoring.bands.forEach((band, i) => band.ownWording?.forEach((language, l) => {
    if (!scale.languages.includes(language)) add(['scoring', 'bands', i, 'ownWording', l], `"${language}" is not one of the scale's languages`);
  }));
}

/** The declaration itself; whether the items really match a loaded version is the registry's check. */
function checkComparableWith(scale: ScaleVersionData, add: Add) {
  const seen = new Set<string>();
  scale.comparableWith?.forEach((version, i) => {
    if (version === scale.version) add(['comparableWith', i], `a version is always comparable with itself; name only other versions of "${scale.id}"`);
    if (seen.has(version)) add(['comparableWith', i], `version ${version} is named twice`);
    seen.add(version);
  });
}

function checkSections(scale: ScaleVersionData, itemNumbers: Map<number, number>, add: Add) {
  const sectionOfItem = new Map<number, string>();
  const sectionKeys = new Set<string>();
  scale.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key)) add(['sections', s, 'key'], `section key "${section.key}" is used twice`);
    sectionKeys.add(section.key);
    section.items.forEach((number, i) => {
      const path = ['sections', s, 'items', i];
      const itemIndex = itemNumbers.get(number);
      if (itemIndex === undefined) {
        add(path, `section "${section.key}" names item ${number}, which does not exist`);
        return;
      }
      const earlier = sectionOfItem.get(number);
      if (earlier !== undefined) add(path, `item ${number} is in section "${earlier}" and again in "${section.key}"`);
      sectionOfItem.set(number, section.key);
      const declared = scale.items[itemIndex]?.section;
      if (declared !== section.key) add(path, `section "${section.key}" lists item ${number}, but the item says it belongs to "${declared}"`);
    });
  });
  scale.items.forEach((item, index) => {
    if (!sectionKeys.has(item.section)) add(['items', index, 'section'], `item ${item.number} names section "${item.section}", which does not exist`);
    else if (!sectionOfItem.has(item.number)) add(['items', index, 'section'], `item ${item.number} is not listed in section "${item.section}"`);
  });
}

function checkDataSources(scale: ScaleVersionData, add: Add) {
  const keys = new Set<string>();
  scale.dataSources.forEach((source, i) => {
    if (keys.has(source.key)) add(['dataSources', i, 'key'], `data source key "${source.key}" is used twice`);
    keys.add(source.key);
  });
  scale.items.forEach((item, i) => {
    item.dataSources.forEach((key, d) => {
      if (!keys.has(key)) add(['items', i, 'dataSources', d], `item ${item.number} names data source "${key}", which is not in the scale's dataSources`);
    });
  });
}

function checkBands(bands: ScaleVersionData['scoring']['bands'], totalRange: { min: number; max: number }, add: Add) {
  const keys = new Set<string>();
  bands.forEach((band, i) => {
    if (keys.has(band.key)) add(['scoring', 'bands', i, 'key'], `band key "${band.key}" is used twice`);
    keys.add(band.key);
    if (band.key === 'insufficient') add(['scoring', 'bands', i, 'key'], '"insufficient" is reserved for reviews with too few rated items');
    if (band.min > band.max) add(['scoring', 'bands', i], `band "${band.key}" runs from ${band.min} down to ${band.max}`);
    const previous = bands[i - 1];
    if (previous) {
      if (band.min <= previous.max) add(['scoring', 'bands', i, 'min'], `band "${band.key}" (${band.min}–${band.max}) overlaps band "${previous.key}" (${previous.min}–${previous.max})`);
      else if (band.min > previous.max + 1) add(['scoring', 'bands', i, 'min'], `totals ${previous.max + 1}–${band.min - 1} fall between bands "${previous.key}" and "${band.key}"`);
    }
  });
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first && first.min !== totalRange.min) add(['scoring', 'bands', 0, 'min'], `the lowest band must start at the lowest total ${totalRange.min}`);
  if (last && last.max !== totalRange.max) add(['scoring', 'bands', bands.length - 1, 'max'], `the highest band must end at the highest total ${totalRange.max}`);
}

/** Hook for zod's superRefine so one parse reports shape and consistency problems alike. */
export function refineScale(scale: ScaleVersionData, ctx: z.RefinementCtx) {
  for (const issue of scaleConsistencyIssues(scale)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
}
