import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { BUNDLE_FILE_EXTENSION, BUNDLE_LIMITS } from '../../exchange/bundle-format.ts';
import type { OfferedFile, OfferedFileKind } from '../contract/files-contract.ts';

/**
 * The one file the desktop shell holds for the page (see electron/contract/files-contract.ts). In memory only:
 * a file offered and never taken is gone when the app closes, as an unopened dialog would be.
 */
export const OFFERED_FILE_TYPES: Record<OfferedFileKind, { extension: string; maxBytes: number; what: string }> = {
  bundle: { extension: BUNDLE_FILE_EXTENSION, maxBytes: BUNDLE_LIMITS.maxBundleBytes, what: 'a review bundle' },
  // A review file is a few hundred KB at most; the cap refuses the wrong file before it is read.
  review: { extension: '.json', maxBytes: 10 * 1024 * 1024, what: 'a review file' },
};

const MAX_FILE_NAME_LENGTH = 255;

export type OfferRefusalReason = 'unsupported-type' | 'too-large' | 'unreadable' | 'invalid-name';

/** Why a file was not offered: a stable reason for the shell to translate, and an English message for logs. */
export interface OfferRefusal {
  reason: OfferRefusalReason;
  fileName: string;
  message: string;
  /** With 'too-large': the file's size and the limit for its kind. */
  size?: number;
  maxBytes?: number;
}

export type OfferCheck = { ok: true; kind: OfferedFileKind } | { ok: false; refusal: OfferRefusal };
export type OfferResult = { ok: true; fileName: string; kind: OfferedFileKind; size: number } | { ok: false; refusal: OfferRefusal };

export interface OfferedFileSlot {
  /** Holds the file for the page, replacing one not taken yet; a refused file changes nothing. */
  offer(file: { fileName: string; bytes: Uint8Array }): OfferResult;
  /** The held file, which leaves the slot. */
  take(): OfferedFile | null;
}

/** The kind a file name's extension (any case) stands for, or null for any other file. */
export function offeredFileKind(fileName: string): OfferedFileKind | null {
  const lower = fileName.toLowerCase();
  for (const kind of ['bundle', 'review'] as const) {
    const { extension } = OFFERED_FILE_TYPES[kind];
    if (lower.endsWith(extension) && lower.length > extension.length) return kind;
  }
  return null;
}

/** The name without any folder, as the page may see it. */
export function plainFileName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').trim();
}

/** Whether a file of this name and size may be offered; checked before reading it and again when offering. */
export function checkOfferable(fileName: string, size: number): OfferCheck {
  if (fileName === '' || fileName.length > MAX_FILE_NAME_LENGTH) {
    return refuse('invalid-name', fileName.slice(0, MAX_FILE_NAME_LENGTH), `the file name is empty or longer than ${MAX_FILE_NAME_LENGTH} characters.`);
  }
  const kind = offeredFileKind(fileName);
  if (kind === null) {
    return refuse('unsupported-type', fileName, `${fileName} is neither a review bundle (${OFFERED_FILE_TYPES.bundle.extension}) nor a review file (${OFFERED_FILE_TYPES.review.extension}).`);
  }
  const { maxBytes, what } = OFFERED_FILE_TYPES[kind];
  if (size > maxBytes) {
    return { ok: false, refusal: { reason: 'too-large', fileName, size, maxBytes, message: `${fileName} is ${size} bytes; ${what} is at most ${maxBytes} bytes (${maxBytes / 1024 / 1024} MB).` } };
  }
  return { ok: true, kind };
}

export function createOfferedFileSlot(): OfferedFileSlot {
  let held: OfferedFile | null = null;
  return {
    offer({ fileName, bytes }) {
      const name = plainFileName(fileName);
      const check = checkOfferable(name, bytes.byteLength);
      if (!check.ok) return check;
      // Encoded now, so the caller's buffer is not kept and a later change to it cannot reach the page.
      held = { fileName: name, kind: check.kind, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
      return { ok: true, fileName: name, kind: check.kind, size: bytes.byteLength };
    },
    take() {
      const file = held;
      held = null;
      return file;
    },
  };
}

/**
 * Reads a file the user chose, for Backend.offerFile: its type and size are checked before a byte is read (a
 * 5 GB file picked by mistake is refused, not loaded), and the size again after, in case it grew meanwhile.
 */
export async function readFileToOffer(path: string): Promise<{ ok: true; fileName: string; bytes: Buffer } | { ok: false; refusal: OfferRefusal }> {
  const fileName = basename(path);
  const named = checkOfferable(fileName, 0);
  if (!named.ok) return named;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return refuse('unreadable', fileName, `${fileName} is not a file.`);
    const sized = checkOfferable(fileName, stats.size);
    if (!sized.ok) return sized;
    const bytes = await handle.readFile();
    const read = checkOfferable(fileName, bytes.length);
    return read.ok ? { ok: true, fileName, bytes } : read;
  } catch (error) {
    return refuse('unreadable', fileName, `${fileName} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function refuse(reason: OfferRefusalReason, fileName: string, message: string): { ok: false; refusal: OfferRefusal } {
  return { ok: false, refusal: { reason, fileName, message } };
}
