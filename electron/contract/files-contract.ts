import { z } from 'zod';

/** Files the renderer may be handed, by extension: a review bundle (.ipsreview) or a single review file (.json). */
export const OfferedFileKind = z.enum(['bundle', 'review']);
export type OfferedFileKind = z.infer<typeof OfferedFileKind>;

/** Base64 of a bundle at its largest (100 MB, exchange/bundle-format.ts): 4 characters per 3 bytes. */
const MAX_OFFERED_BASE64 = 4 * Math.ceil((100 * 1024 * 1024) / 3);

export const OfferedFile = z.object({
  /** The file's own name, without its folder: the page shows it, the path stays in the main process. */
  fileName: z.string().min(1).max(255),
  kind: OfferedFileKind,
  base64: z.string().max(MAX_OFFERED_BASE64),
});
export type OfferedFile = z.infer<typeof OfferedFile>;

/**
 * Issue 7: files opened by the desktop shell reach the page through the contract, never through a push channel
 * or a path. The shell (menu File > Import…, a double-clicked .ipsreview, `npm run preview -- --open FILE`)
 * reads the file the user chose and offers its bytes to the backend (Backend.offerFile); the page takes it.
 */
export const filesContract = {
  /** The offered file, once: taking it empties the slot, so a second call (or a reload) answers null. */
  'files.takeOffered': { input: z.strictObject({}), output: OfferedFile.nullable() },
} as const;
