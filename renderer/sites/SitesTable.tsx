import { useTranslation } from 'react-i18next';
import type { SiteListEntry } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import { ScoreValue } from '../components/ScoreValue.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { useScoreBand } from '../scales/band-labels.tsx';
import { useRegionNames } from '../components/use-region-name.ts';
import { CollaborationModelText } from './CollaborationModelText.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

interface SitesTableProps {
  sites: readonly SiteListEntry[];
  onEdit: (site: SiteListEntry) => void;
  onSetActive: (site: SiteListEntry, active: boolean) => void;
}

export function SitesTable({ sites, onEdit, onSetActive }: SitesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreBand = useScoreBand();
  const regions = useRegionNames();
  return (
    <ScrollRegion label={t('sites.table.caption')}>
      <table className="data-table sites-table">
        <caption className="visually-hidden">{t('sites.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-name">
              {t('sites.table.name')}
            </th>
            <th scope="col" className="col-region">
              {t('sites.table.region')}
            </th>
            <th scope="col">{t('sites.table.model')}</th>
            <th scope="col">{t('sites.table.latestReview')}</th>
            <th scope="col">{t('sites.table.total')}</th>
            <th scope="col">{t('sites.table.band')}</th>
            <th scope="col">{t('sites.table.state')}</th>
            <th scope="col">{t('sites.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.id} className={site.active ? undefined : 'is-archived'}>
              <th scope="row">
                <a href={hrefFor({ name: 'site', siteId: site.id })}>{site.name}</a>
                {site.organisation && <span className="cell-note">{site.organisation}</span>}
              </th>
              <td>
                {regions.nameOf(site.region) ?? t('sites.noValue')}
                {site.region && site.region.code === null && (
                  <>
                    <span className="region-unlisted">{t('regions.unlistedBadge')}</span>
                    <button type="button" className="region-map-button" aria-label={t('regions.mapButtonNamed', { name: site.name })} onClick={() => onEdit(site)}>
                      {t('regions.mapButton')}
                    </button>
                  </>
                )}
              </td>
              <td className="nowrap">
                <CollaborationModelText model={site.collaborationModel} note={site.collaborationNote} />
              </td>
              {site.latestReview ? (
                <>
                  <td>
                    <span className="nowrap">{format.date(site.latestReview.date)}</span>
                    <span className="cell-note">
                      {t(`reviewKind.${site.latestReview.kind}`)} · {t(`reviewStatus.${site.latestReview.status}`)}
                    </span>
                    <OpenReviewNote site={site} />
                  </td>
                  <td className="wrap-words">
                    <ScoreValue score={site.latestReview.score} />
                  </td>
                  <td className="nowrap">{scoreBand(site.latestReview.score, site.latestReview.scale)}</td>
                </>
              ) : (
                <td colSpan={3} className="muted">
                  {site.openReview ? t('sites.noResult') : t('sites.noReviews')}
                  <OpenReviewNote site={site} />
                </td>
              )}
              <td className="nowrap">{site.active ? t('sites.active') : t('sites.archived')}</td>
              <td className="nowrap actions">
                <button type="button" aria-label={t('sites.editNamed', { name: site.name })} onClick={() => onEdit(site)}>
                  {t('sites.edit')}
                </button>
                {site.active ? (
                  <button type="button" aria-label={t('sites.archiveNamed', { name: site.name })} onClick={() => onSetActive(site, false)}>
                    {t('sites.archive')}
                  </button>
                ) : (
                  <button type="button" aria-label={t('sites.restoreNamed', { name: site.name })} onClick={() => onSetActive(site, true)}>
                    {t('sites.restore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A newer review still in progress, named as such so it never reads as the site's result. */
function OpenReviewNote({ site }: { site: SiteListEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!site.openReview) return null;
  return (
    <span className="cell-note">
      {t('sites.inProgress', { status: t(`reviewStatus.${site.openReview.status}`).toLowerCase(), date: format.date(site.openReview.date) })}
    </span>
  );
}
