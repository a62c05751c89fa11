/**
 * Texts of the native menu and the file dialogs. The renderer has its own i18n files; the main process shows
 * these few strings before (and outside) the page, so they live here, keyed the same way in every language.
 * `{file}`, `{size}` and `{limit}` are filled in by fillMessage.
 */
export interface ShellMessages {
  file: string;
  importReviews: string;
  exportReviews: string;
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
  importTitle: string;
  /** Title of the folder dialog that chooses where backups go. */
  backupFolderTitle: string;
  importableFilter: string;
  bundleFilter: string;
  reviewFileFilter: string;
  openFailedTitle: string;
  fileUnsupported: string;
  fileTooLarge: string;
  fileUnreadable: string;
  fileOnNetwork: string;
  fileNotLocal: string;
  startupFailed: string;
  unsavedTitle: string;
  unsavedMessage: string;
  unsavedLeave: string;
  unsavedStay: string;
}

export type ShellLanguage = 'fi' | 'sv' | 'en';

export const menuMessages = {
  fi: {
    file: 'Tiedosto',
    importReviews: 'Tuo arviointeja…',
    exportReviews: 'Vie arviointeja…',
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
    importTitle: 'Tuo arviointeja',
    backupFolderTitle: 'Valitse varmuuskopiokansio',
    importableFilter: 'IPS-arvioinnit (.ipsreview, .json)',
    bundleFilter: 'Arviointipaketti (.ipsreview)',
    reviewFileFilter: 'Arviointitiedosto (.json)',
    openFailedTitle: 'Tiedostoa ei voitu avata',
    fileUnsupported: '{file} ei ole arviointipaketti (.ipsreview) eikä arviointitiedosto (.json).',
    fileTooLarge: '{file} on liian suuri: {size} Mt, kun enintään {limit} Mt on sallittu.',
    fileUnreadable: 'Tiedostoa {file} ei voitu lukea.',
    fileOnNetwork: 'Tiedosto {file} on verkkojaolla tai toisella koneella, eikä sovellus avaa sitä sieltä. Kopioi tiedosto ensin omalle koneellesi ja avaa kopio.',
    fileNotLocal: '{file} on verkko-osoite eikä tämän koneen tiedosto, eikä sovellus avaa sitä. Tallenna tiedosto ensin omalle koneellesi ja avaa se sitten.',
    startupFailed: 'IPS Fidelity ei käynnistynyt',
    unsavedTitle: 'Tallentamattomia muutoksia',
    unsavedMessage: 'Kaikkia muutoksia ei ole vielä tallennettu. Jos suljet nyt, ne menetetään.',
    unsavedLeave: 'Sulje silti',
    unsavedStay: 'Jatka muokkausta',
  },
  sv: {
    file: 'Arkiv',
    importReviews: 'Importera utvärderingar…',
    exportReviews: 'Exportera utvärderingar…',
    quit: 'Avsluta',
    edit: 'Redigera',
    undo: 'Ångra',
    redo: 'Gör om',
    cut: 'Klipp ut',
    copy: 'Kopiera',
    paste: 'Klistra in',
    selectAll: 'Markera allt',
    view: 'Visa',
    reload: 'Läs in igen',
    toggleDevTools: 'Utvecklarverktyg',
    resetZoom: 'Verklig storlek',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    toggleFullScreen: 'Helskärm',
    help: 'Hjälp',
    about: 'Om IPS Fidelity',
    importTitle: 'Importera utvärderingar',
    backupFolderTitle: 'Välj mapp för säkerhetskopior',
    importableFilter: 'IPS-utvärderingar (.ipsreview, .json)',
    bundleFilter: 'Utvärderingspaket (.ipsreview)',
    reviewFileFilter: 'Utvärderingsfil (.json)',
    openFailedTitle: 'Filen kunde inte öppnas',
    fileUnsupported: '{file} är varken ett utvärderingspaket (.ipsreview) eller en utvärderingsfil (.json).',
    fileTooLarge: '{file} är för stor: {size} MB, högst {limit} MB är tillåtet.',
    fileUnreadable: 'Filen {file} kunde inte läsas.',
    fileOnNetwork: 'Filen {file} finns på en nätverksresurs eller en annan dator, och programmet öppnar den inte därifrån. Kopiera först filen till din egen dator och öppna kopian.',
    fileNotLocal: '{file} är en webbadress och inte en fil på den här datorn, och programmet öppnar den inte. Spara först filen på din egen dator och öppna den sedan.',
    startupFailed: 'IPS Fidelity kunde inte starta',
    unsavedTitle: 'Osparade ändringar',
    unsavedMessage: 'Alla ändringar har inte sparats ännu. Om du stänger nu går de förlorade.',
    unsavedLeave: 'Stäng ändå',
    unsavedStay: 'Fortsätt redigera',
  },
  en: {
    file: 'File',
    importReviews: 'Import reviews…',
    exportReviews: 'Export reviews…',
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
    importTitle: 'Import reviews',
    backupFolderTitle: 'Choose the backup folder',
    importableFilter: 'IPS reviews (.ipsreview, .json)',
    bundleFilter: 'Review bundle (.ipsreview)',
    reviewFileFilter: 'Review file (.json)',
    openFailedTitle: 'The file could not be opened',
    fileUnsupported: '{file} is neither a review bundle (.ipsreview) nor a review file (.json).',
    fileTooLarge: '{file} is too large: {size} MB, and at most {limit} MB is allowed.',
    fileUnreadable: '{file} could not be read.',
    fileOnNetwork: '{file} is on a network share or another computer, and the app does not open files from there. Copy the file to your own computer first and open the copy.',
    fileNotLocal: '{file} is a web address, not a file on this computer, and the app does not open it. Save the file on your own computer first, then open it.',
    startupFailed: 'IPS Fidelity could not start',
    unsavedTitle: 'Unsaved changes',
    unsavedMessage: 'Some changes are not saved yet. If you close now, they are lost.',
    unsavedLeave: 'Close anyway',
    unsavedStay: 'Keep editing',
  },
} satisfies Record<ShellLanguage, ShellMessages>;

/** Finnish for any Finnish locale (fi, fi-FI), Swedish for any Swedish one (sv, sv-FI); English otherwise. */
export function shellLanguage(locale: string): ShellLanguage {
  if (/^fi(?:[-_]|$)/i.test(locale)) return 'fi';
  if (/^sv(?:[-_]|$)/i.test(locale)) return 'sv';
  return 'en';
}

export function shellMessages(locale: string): ShellMessages {
  return menuMessages[shellLanguage(locale)];
}

/** A message with its {name} placeholders filled in; an unknown placeholder is left as it is. */
export function fillMessage(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
