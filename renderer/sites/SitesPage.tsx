import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../electron/contract/entities.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { asApiClientError } from '../platform/use-api-query.ts';
import type { SiteFormValues } from './site-form-values.ts';
import { ExportCsvButton } from './ExportCsvButton.tsx';
import { SiteFilterBar } from './SiteFilterBar.tsx';
import { SiteFormDialog } from './SiteFormDialog.tsx';
import { SitesTable } from './SitesTable.tsx';
import { UnlistedRegionsNote } from './UnlistedRegionsNote.tsx';
import { NO_FILTERS, useRegions, useSiteActions, useSiteList, type SiteFilters } from './use-sites.ts';
import './sites.css';

type FormState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; site: Site };

/** The first screen: every site with its latest result; create, edit, archive and restore. */
export function SitesPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  useDocumentTitle(t('sites.title'));
  const [filters, setFilters] = useState<SiteFilters>(NO_FILTERS);
  const sites = useSiteList(filters);
  const regions = useRegions();
  const actions = useSiteActions();
  const [form, setForm] = useState<FormState>({ mode: 'closed' });
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiClientError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const afterChange = (message: string) => {
    setStatus(message);
    setActionError(null);
    sites.reload();
    regions.reload();
  };

  async function save(values: SiteFormValues) {
    if (form.mode === 'edit') {
      const saved = await actions.update(form.site, values);
      setForm({ mode: 'closed' });
      afterChange(t('sites.status.updated', { name: saved.name }));
    } else {
      const saved = await actions.create(values);
      setForm({ mode: 'closed' });
      afterChange(t('sites.status.created', { name: saved.name }));
    }
  }

  async function setActive(site: Site, active: boolean) {
    try {
      const saved = await actions.setActive(site, active);
      afterChange(t(active ? 'sites.status.restored' : 'sites.status.archived', { name: saved.name }));
      // The row (and the focused button) may leave the list: keep keyboard focus on the screen.
      headingRef.current?.focus();
    } catch (error) {
      setStatus(null);
      setActionError(asApiClientError('sites.setActive', error));
    }
  }

  const filtered = filters.regionId !== null || filters.search.trim() !== '';
  return (
    <div className="sites-page">
      <div className="page-heading">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('sites.title')}
        </h1>
        <button type="button" className="primary" onClick={() => setForm({ mode: 'create' })}>
          {t('sites.newSite')}
        </button>
      </div>

      <SiteFilterBar filters={filters} regions={regions.data ?? []} onChange={setFilters} />
      <ExportCsvButton regionId={filters.regionId} />
      <StatusMessage message={status} />
      {actionError && <ErrorAlert message={errorMessage(actionError)} />}
      {sites.status === 'error' && <ErrorAlert message={errorMessage(sites.error)} onRetry={sites.reload} />}

      {sites.data === undefined ? (
        sites.status === 'loading' && <p className="muted">{t('app.loading')}</p>
      ) : sites.data.length === 0 ? (
        <p className="empty-state">{filtered ? t('sites.emptyFiltered') : t('sites.empty')}</p>
      ) : (
        <>
          <p className="muted">
            {t('sites.count', { count: sites.data.length })}
          </p>
          <UnlistedRegionsNote sites={sites.data} />
          <SitesTable sites={sites.data} onEdit={(site) => setForm({ mode: 'edit', site })} onSetActive={(site, active) => void setActive(site, active)} />
          <p className="footnote">
            {t('sites.modelsNote', { model1: t('collaborationModel.description1'), model2: t('collaborationModel.description2') })}
          </p>
        </>
      )}

      {form.mode !== 'closed' && (
        <SiteFormDialog
          site={form.mode === 'edit' ? form.site : null}
          onSave={save}
          onClose={() => setForm({ mode: 'closed' })}
        />
      )}
    </div>
  );
}
