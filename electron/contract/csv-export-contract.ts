import { z } from 'zod';
import { Id } from './entities.ts';

/**
 * The reviews CSV (issue 6): one row per review, every item's score, for spreadsheets. With siteId, one site's
 * reviews; with regionId, the reviews of the region's sites; with neither, every review. Archived sites count:
 * an export of reviews does not quietly drop history.
 */
export const csvExportContract = {
  'reviews.exportCsv': {
    input: z.strictObject({
      siteId: Id.optional(),
      regionId: Id.optional(),
      language: z.enum(['fi', 'sv', 'en']).default('fi'),
    }).refine((input) => input.siteId === undefined || input.regionId === undefined, {
      path: ['regionId'],
      message: 'give siteId or regionId, not both',
    }),
    output: z.object({
      /** UTF-8 text starting with a byte order mark (U+FEFF), CRLF line ends. */
      csv: z.string(),
      fileName: z.string(),
      /** Reviews in the file (rows after the header). */
      reviews: z.number().int(),
    }),
  },
} as const;
