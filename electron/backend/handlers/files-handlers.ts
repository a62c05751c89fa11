import type { HandlerGroup } from './handler-context.ts';

export const filesHandlers: HandlerGroup<'files.takeOffered'> = {
  /** Touches no table; the slot is filled by Backend.offerFile (electron/backend/offered-file.ts). */
  'files.takeOffered': (_input, ctx) => ctx.offeredFiles.take(),
};
