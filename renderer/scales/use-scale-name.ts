import { useCallback } from 'react';
import { localized } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';

interface ScaleRef {
  id: string;
  version: string;
}

/**
 * A scale version as a person reads it: its title in the UI language and the version ("IPS-25 … 1.0.0"), never the
 * raw id (issue 13: the site page showed "ips-25 1.0.0"). The id stays the fallback while the list loads.
 */
export function useScaleName(): (scale: ScaleRef) => string {
  const scales = useApiQuery('scales.list', {});
  const language = useUiLanguage();
  const list = scales.data ?? null;
  return useCallback(
    (scale: ScaleRef) => {
      const found = list?.find((s) => s.id === scale.id && s.version === scale.version) ?? list?.find((s) => s.id === scale.id);
      const title = found ? localized(found.title, language) : scale.id;
      return `${title} ${scale.version}`;
    },
    [list, language],
  );
}
