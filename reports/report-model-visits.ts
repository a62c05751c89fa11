import type { ModelContext } from './report-model.ts';
import type { Field } from './report-model-types.ts';
import { clockRange, personText } from './visit-request/visit-request-model.ts';

const GROUPS = ['interview', 'observation', 'request'] as const;

/**
 * The visit plan's record of the visit for the method section (issue 13): per kind, each source done with its date,
 * time and the people met ("Asiakkaiden haastattelu: 24.11.2026 klo 9.00–10.30 · Hanna Korhonen (työhönvalmentaja)").
 */
export function visitGroups(context: ModelContext): { heading: string; rows: Field[] }[] {
  const { t, input, language } = context;
  const visits = input.extras?.visits ?? [];
  return GROUPS.map((category) => ({ category, visits: visits.filter((v) => v.category === category) }))
    .filter((group) => group.visits.length > 0)
    .map((group) => ({
      heading: t(`method.visits.${group.category}`),
      rows: group.visits.map((visit) => {
        const when = [visit.date ? context.date(visit.date) : null, clockRange(visit.startTime ?? null, visit.endTime ?? null, language)].filter(Boolean).join(' ');
        const people = visit.people.map((p) => personText({ name: p.name, role: p.role ?? null })).join(', ') || visit.who || '';
        const value = [when, people].filter(Boolean).join(' · ');
        return value ? { label: context.scaleText(visit.source), value } : { label: context.scaleText(visit.source), value: t('document.none'), muted: true };
      }),
    }));
}
