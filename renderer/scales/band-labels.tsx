import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { bandStatement } from '../../scales/review-rules/total-format.ts';
import type { FidelityScoreTotals } from '../../scales/scoring.ts';
import { useApi } from '../platform/api-context.tsx';
import { useUiLanguage } from '../i18n/use-format.ts';
import { bandLabelFor, type BandIndex } from './band-label-for.ts';

interface ScaleRef {
  id: string;
  version: string;
}

const BandIndexContext = createContext<BandIndex | null>(null);
const refKey = (ref: ScaleRef) => `${ref.id}@${ref.version}`;

/**
 * Band labels are scale wording, so they come from the scale data (scales.get), not from the UI messages.
 * Loaded once for the whole app.
 */
export function BandLabelsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [index, setIndex] = useState<BandIndex | null>(null);
  useEffect(() => {
    let current = true;
    (async () => {
      const scales = await api.call('scales.list', {});
      const ordered = [...scales].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
      const loaded = await Promise.all(ordered.map(async (ref) => ({ key: refKey(ref), bands: (await api.call('scales.get', { id: ref.id, version: ref.version })).scale.scoring.bands })));
      if (current) setIndex(loaded);
    })().catch((error: unknown) => {
      console.error('[scales] band labels could not be loaded', error);
      if (current) setIndex([]);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return <BandIndexContext.Provider value={index}>{children}</BandIndexContext.Provider>;
}

/** band key (+ the scale it comes from, where known) -> its label in the UI language. */
export function useBandLabel(): (band: string, scale?: ScaleRef) => string {
  const index = useContext(BandIndexContext);
  const language = useUiLanguage();
  const { t } = useTranslation();
  return useCallback(
    (band: string, scale?: ScaleRef) => {
      if (band === 'insufficient') return t('bands.insufficient');
      if (index === null) return '';
      return bandLabelFor(index, band, scale ? refKey(scale) : undefined, language) ?? band;
    },
    [index, language, t],
  );
}

/**
 * A score's band as it may be said (bandStatement): plainly when certain, "taso arvioitujen kriteerien perusteella:
 * hyvä" for an estimate whose bounds span bands, and "no band" below the scale's minimum of rated items.
 */
export function useScoreBand(): (score: Pick<FidelityScoreTotals, 'band' | 'total' | 'bandCertain'>, scale?: ScaleRef) => string {
  const bandLabel = useBandLabel();
  const { t } = useTranslation();
  return useCallback(
    (score, scale) => {
      const statement = bandStatement(score);
      if (statement === 'none') return t('bands.insufficient');
      const label = bandLabel(score.band, scale);
      return statement === 'certain' ? label : t('score.bandOnRatedItems', { band: label });
    },
    [bandLabel, t],
  );
}
