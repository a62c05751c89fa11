/** A problem with an input file, told to the user by message key (cli/messages). */
export class InputFileError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number>) {
    super(key);
    this.name = 'InputFileError';
  }
}
