import { describe, expect, it } from 'vitest';
import { choiceOf, isAgreement, isDisagreement, needsJustification, ratingOfChoice } from '../../renderer/consensus/consensus-choice.ts';
import { parseLocalDate } from '../../renderer/components/local-date.ts';

describe('consensus choices', () => {
  it('turn a rating into one comparable value and back', () => {
    expect(choiceOf({ score: 4, reason: null })).toBe('4');
    expect(choiceOf({ score: null, reason: 'no-data' })).toBe('no-data');
    expect(choiceOf({ score: null, reason: null })).toBe('');
    expect(choiceOf(undefined)).toBe('');
    expect(ratingOfChoice('4')).toEqual({ score: 4, reason: null });
    expect(ratingOfChoice('model-differs')).toEqual({ score: null, reason: 'model-differs' });
    expect(ratingOfChoice('')).toEqual({ score: null, reason: null });
  });

  it('mark a disagreement when outcomes differ, a score against a reason included', () => {
    expect(isDisagreement(['4', '3'])).toBe(true);
    expect(isDisagreement(['3', 'no-data'])).toBe(true);
    expect(isDisagreement(['3', ''])).toBe(true);
    expect(isDisagreement(['3', '3'])).toBe(false);
    expect(isAgreement(['3', '3'])).toBe(true);
    expect(isAgreement(['', ''])).toBe(false);
  });

  it('ask for a justification only where consensus differs from every reviewer who decided', () => {
    expect(needsJustification('4', ['3', '2'])).toBe(true);
    expect(needsJustification('3', ['3', '2'])).toBe(false);
    expect(needsJustification('no-data', ['3', 'no-data'])).toBe(false);
    expect(needsJustification('', ['3', '2'])).toBe(false);
    // An amendment has no individual ratings: nothing to differ from.
    expect(needsJustification('4', ['', ''])).toBe(false);
  });
});

describe('dates typed in the UI language', () => {
  it('reads day-first local forms and ISO dates', () => {
    expect(parseLocalDate('23.11.2026')).toBe('2026-11-23');
    expect(parseLocalDate(' 3.1.2027 ')).toBe('2027-01-03');
    expect(parseLocalDate('23/11/2026')).toBe('2026-11-23');
    expect(parseLocalDate('2026-11-23')).toBe('2026-11-23');
  });

  it('refuses what is no calendar date', () => {
    for (const text of ['', '31.2.2026', '11/23/2026', '23.11.26', 'huomenna', '2026-13-01']) expect(parseLocalDate(text), text).toBeNull();
  });
});

describe('site trend chart configuration', () => {
  const options = {
    series: [{
      key: 'external' as const, label: 'Ulkoinen arviointi', color: '#0b4f8a', pointStyle: 'circle' as const, dash: [],
      points: [
        { x: Date.UTC(2025, 2, 11), y: 90, estimate: true, label: '90,0 (arvio 20/25) – melko hyvä' },
        { x: Date.UTC(2026, 9, 13), y: 104, estimate: false, label: '104 – hyvä' },
      ],
    }],
    zones: [{ from: 74, to: 99, label: 'melko hyvä', color: '#fbe7b5' }, { from: 25, to: 73, label: 'huono', color: '#f6d5d3' }],
    yRange: { min: 25, max: 125 },
    yTicks: [25, 74, 100, 115, 125],
    formatDate: (timestamp: number) => new Date(timestamp).toISOString().slice(0, 10),
    formatTotal: (value: number) => String(value),
    textColor: '#1c2630',
    gridColor: '#c3cbd4',
  };

  it('draws estimates as hollow points and names them in the tooltip', async () => {
    const { trendChartConfig } = await import('../../renderer/sites/trend-chart.ts');
    const config = trendChartConfig(options);
    const dataset = config.data.datasets[0]!;
    expect(dataset.pointBackgroundColor).toEqual(['#ffffff', '#0b4f8a']);
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as (item: unknown) => string;
    expect(label({ dataset: { label: 'Ulkoinen arviointi' }, raw: options.series[0]!.points[0] })).toBe('Ulkoinen arviointi: 90,0 (arvio 20/25) – melko hyvä');
    expect(config.options!.scales!['y']).toMatchObject({ min: 25, max: 125 });
  });
});
