import type { Backend } from '../backend/backend.ts';
import { readFileToOffer, type OfferRefusal } from '../backend/offered-file.ts';
import { fillMessage, type ShellMessages } from './menu-messages.ts';

export interface FileHandoverPorts {
  offer: Backend['offerFile'];
  /** Brings the page to the exchange screen, loading it again if it shows it already, so it takes the file. */
  showExchangePage: () => void;
  /** An error the user must see (the page cannot: the file never reached it). */
  showError: (title: string, detail: string) => void;
  messages: ShellMessages;
  read?: typeof readFileToOffer;
}

export interface FileHandover {
  /** Reads the file and offers it to the page; false (after showing why) when it was refused. */
  offerPath(path: string): Promise<boolean>;
  /** offerPath, then the exchange page: the menu's Import… and a file opened from outside. */
  open(path: string): Promise<void>;
}

/**
 * How a file the user opened reaches the page: the main process reads it (size-limited, see
 * electron/backend/offered-file.ts), offers it to the backend and shows the exchange page, which takes it with
 * files.takeOffered. Nothing is pushed to the page, and the page never learns the path.
 */
export function createFileHandover(ports: FileHandoverPorts): FileHandover {
  const read = ports.read ?? readFileToOffer;
  const refused = (refusal: OfferRefusal) => {
    ports.showError(ports.messages.openFailedTitle, refusalText(ports.messages, refusal));
    return false;
  };
  const handover: FileHandover = {
    async offerPath(path) {
      const file = await read(path);
      if (!file.ok) return refused(file.refusal);
      const offered = ports.offer({ fileName: file.fileName, bytes: file.bytes });
      return offered.ok || refused(offered.refusal);
    },
    async open(path) {
      if (await handover.offerPath(path)) ports.showExchangePage();
    },
  };
  return handover;
}

/** Whole megabytes, rounded up: a file just over the limit reads as over it, with no decimal separator to localise. */
const megabytes = (bytes: number) => Math.ceil(bytes / 1024 / 1024);

/** The refusal in the user's language. */
export function refusalText(messages: ShellMessages, refusal: OfferRefusal): string {
  const file = refusal.fileName || '?';
  switch (refusal.reason) {
    case 'too-large':
      return fillMessage(messages.fileTooLarge, { file, size: megabytes(refusal.size ?? 0), limit: megabytes(refusal.maxBytes ?? 0) });
    case 'unsupported-type':
    case 'invalid-name':
      return fillMessage(messages.fileUnsupported, { file });
    case 'unreadable':
      return fillMessage(messages.fileUnreadable, { file });
  }
}
