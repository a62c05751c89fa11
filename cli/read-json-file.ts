import { InputFileError } from './input-file-error.ts';
import { parseJsonWithLimits } from '../scales/input-limits.ts';
import { readBinaryFile } from './read-binary-file.ts';

export { InputFileError };

/** Review files are a few hundred kilobytes at most; a far larger file is a mistake, not a review. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Reads a JSON file: the errors of readBinaryFile, plus whitespace-only, not-JSON, nested too deep and not Unicode. */
export function readJsonFile(file: string): unknown {
  const text = readBinaryFile(file, MAX_INPUT_BYTES, 'error.fileTooLarge').toString('utf8');
  if (text.trim() === '') throw new InputFileError('error.fileEmpty', { file });
  const parsed = parseJsonWithLimits(text);
  if (parsed.ok) return parsed.value;
  if (parsed.reason === 'too-deep') throw new InputFileError('error.tooDeep', { file, max: String(parsed.max) });
  if (parsed.reason === 'not-well-formed-unicode') throw new InputFileError('error.notUnicode', { file, path: parsed.path || '(root)' });
  throw new InputFileError('error.notJson', { file, reason: parsed.message });
}
