/**
 * Texts of the native menu and the file dialogs. The renderer has its own i18n files; the main process shows
 * these few strings before (and outside) the page, so they live here, keyed the same way in every language.
 */
export interface ShellMessages {
  file: string;
  importReview: string;
  exportReview: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  help: string;
  about: string;
  importReviewTitle: string;
  exportReviewTitle: string;
  reviewFileFilter: string;
  startupFailed: string;
  unsavedTitle: string;
  unsavedMessage: string;
  unsavedLeave: string;
  unsavedStay: string;
}

export type ShellLanguage = 'fi' | 'en';

export const menuMessages = {
  fi: {
    file: 'Tiedosto',
    importReview: 'Tuo arviointitiedosto…',
    exportReview: 'Vie arviointitiedosto…',
    quit: 'Lopeta',
    edit: 'Muokkaa',
    undo: 'Kumoa',
    redo: 'Tee uudelleen',
    cut: 'Leikkaa',
    copy: 'Kopioi',
    paste: 'Liitä',
    selectAll: 'Valitse kaikki',
    view: 'Näytä',
    reload: 'Lataa uudelleen',
    toggleDevTools: 'Kehittäjätyökalut',
    resetZoom: 'Alkuperäinen koko',
    zoomIn: 'Suurenna',
    zoomOut: 'Pienennä',
    toggleFullScreen: 'Koko näyttö',
    help: 'Ohje',
    about: 'Tietoja IPS Fidelitystä',
    importReviewTitle: 'Tuo arviointitiedosto',
    exportReviewTitle: 'Vie arviointitiedosto',
    reviewFileFilter: 'IPS-arviointitiedosto',
    startupFailed: 'IPS Fidelity ei käynnistynyt',
    unsavedTitle: 'Tallentamattomia muutoksia',
    unsavedMessage: 'Kaikkia muutoksia ei ole vielä tallennettu. Jos suljet nyt, ne menetetään.',
    unsavedLeave: 'Sulje silti',
    unsavedStay: 'Jatka muokkausta',
  },
  en: {
    file: 'File',
    importReview: 'Import review file…',
    exportReview: 'Export review file…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    toggleFullScreen: 'Full screen',
    help: 'Help',
    about: 'About IPS Fidelity',
    importReviewTitle: 'Import review file',
    exportReviewTitle: 'Export review file',
    reviewFileFilter: 'IPS review file',
    startupFailed: 'IPS Fidelity could not start',
    unsavedTitle: 'Unsaved changes',
    unsavedMessage: 'Some changes are not saved yet. If you close now, they are lost.',
    unsavedLeave: 'Close anyway',
    unsavedStay: 'Keep editing',
  },
} satisfies Record<ShellLanguage, ShellMessages>;

/** Finnish for any Finnish locale (fi, fi-FI); English otherwise. Swedish falls back to English until translated. */
export function shellLanguage(locale: string): ShellLanguage {
  return /^fi(?:[-_]|$)/i.test(locale) ? 'fi' : 'en';
}

export function shellMessages(locale: string): ShellMessages {
  return menuMessages[shellLanguage(locale)];
}
