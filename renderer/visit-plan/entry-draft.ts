import type { CallInput } from '../../electron/contract/contract.ts';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';

export interface PersonDraft {
  name: string;
  role: string;
}

/** A plan row as its fields hold it: text as typed, dates and times canonical (YYYY-MM-DD, HH:MM) or ''. */
export interface EntryDraft {
  label: string;
  who: string;
  plannedDate: string;
  startTime: string;
  endTime: string;
  people: PersonDraft[];
  done: boolean;
  note: string;
  /** The item numbers as typed ("5, 13"). */
  noteItems: string;
}

export const draftOf = (entry: VisitPlanEntry): EntryDraft => ({
  label: entry.label ?? '',
  who: entry.who ?? '',
  plannedDate: entry.plannedDate ?? '',
  startTime: entry.startTime ?? '',
  endTime: entry.endTime ?? '',
  people: entry.people.map((p) => ({ name: p.name, role: p.role ?? '' })),
  done: entry.done,
  note: entry.note ?? '',
  noteItems: entry.noteItems.join(', '),
});

/** "5, 13" -> [5, 13]; the tokens that are no item of the scale are returned instead. */
export function parseItemList(text: string, items: readonly number[]): { items: number[] } | { unknown: string[] } {
  const tokens = text.split(/[\s,;]+/).filter((token) => token !== '');
  const unknown = tokens.filter((token) => !/^\d+$/.test(token) || !items.includes(Number(token)));
  if (unknown.length) return { unknown };
  return { items: [...new Set(tokens.map(Number))].sort((a, b) => a - b) };
}

/** What keeps the draft from being saved, each shown at its field; none: it can be saved. */
export interface DraftProblems {
  endBeforeStart: boolean;
  /** Positions (0-based) of people with a role but no name. */
  namelessPeople: number[];
  unknownItems: string[];
  labelMissing: boolean;
}

export function draftProblems(draft: EntryDraft, items: readonly number[], custom: boolean): DraftProblems {
  const parsed = parseItemList(draft.noteItems, items);
  return {
    endBeforeStart: draft.startTime !== '' && draft.endTime !== '' && draft.endTime < draft.startTime,
    namelessPeople: draft.people.flatMap((p, i) => (p.name.trim() === '' && p.role.trim() !== '' ? [i] : [])),
    unknownItems: 'unknown' in parsed ? parsed.unknown : [],
    labelMissing: custom && draft.label.trim() === '',
  };
}

export const hasProblems = (p: DraftProblems) => p.endBeforeStart || p.namelessPeople.length > 0 || p.unknownItems.length > 0 || p.labelMissing;

const blankToNull = (text: string) => (text.trim() === '' ? null : text);

/** The update call for a draft without problems: blank people rows are left out, as an empty line is no person. */
export function updateInput(reviewId: number, entry: VisitPlanEntry, draft: EntryDraft, items: readonly number[]): CallInput<'visitPlan.update'> {
  const parsed = parseItemList(draft.noteItems, items);
  return {
    reviewId,
    entryId: entry.id,
    ...(entry.kind === 'custom' ? { label: draft.label.trim() } : {}),
    who: blankToNull(draft.who.trim()),
    plannedDate: draft.plannedDate || null,
    startTime: draft.startTime || null,
    endTime: draft.endTime || null,
    people: draft.people.filter((p) => p.name.trim() !== '').map((p) => ({ name: p.name.trim(), role: blankToNull(p.role.trim()) })),
    done: draft.done,
    note: blankToNull(draft.note),
    noteItems: 'items' in parsed ? parsed.items : [],
  };
}
