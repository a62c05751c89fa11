import { formatDecimal } from '../../scales/display-format.ts';
import type { LanguageCode } from '../../scales/scale-schema.ts';
import type { Message } from './use-message.ts';

/** A file size as the reader expects it: "312 kt" below a megabyte, "1,4 Mt" above (binary units, as file managers). */
export function fileSize(bytes: number, language: LanguageCode): Message {
  if (bytes < 1024 * 1024) return { key: 'reports.size.kb', values: { value: formatDecimal(Math.max(1, Math.round(bytes / 1024)), language, 0) } };
  return { key: 'reports.size.mb', values: { value: formatDecimal(bytes / (1024 * 1024), language, 1) } };
}
