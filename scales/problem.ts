/** One thing wrong with an input, located by a path such as `ratings[3].score`. */
export interface Problem {
  /** Stable, machine-readable code (the UI translates by it). */
  code: string;
  /** Where in the input, e.g. `ratings[3].score`; empty for the whole input. */
  path: string;
  /** An English description for logs and the command line's English output. */
  message: string;
  /** Values the message is built from, for translated messages. */
  params?: Record<string, string | number>;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

/** zod issues -> problems, keeping the path readable. */
export function problemsFromZod(issues: ReadonlyArray<{ code: string; path: ReadonlyArray<PropertyKey>; message: string }>): Problem[] {
  return issues.map((issue) => ({
    code: issue.code === 'custom' ? 'inconsistent' : `schema-${issue.code.replaceAll('_', '-')}`,
    path: formatPath(issue.path),
    message: issue.message,
  }));
}
