import { useTranslation } from 'react-i18next';
import './scale-differs-marker.css';

/**
 * The visible mark of a scale version received in a bundle whose band limits or items differ from the scale shipped
 * with the app: words, not only a colour, wherever the version appears (review list and page, scale choices).
 */
export function ScaleDiffersMarker() {
  const { t } = useTranslation();
  return (
    <span className="scale-differs" title={t('scaleVersion.differsFromShippedTitle')}>
      {t('scaleVersion.differsFromShipped')}
    </span>
  );
}
