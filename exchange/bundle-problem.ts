import type { Problem } from '../scales/problem.ts';

export function problem(code: string, path: string, message: string, params?: Record<string, string | number>): Problem {
  return { code, path, message, ...(params ? { params } : {}) };
}

/** Prefixes a problem's path: `ratings[3]` under `content.reviews[0].file` -> `content.reviews[0].file.ratings[3]`. */
export const under = (prefix: string) => (p: Problem): Problem => ({
  ...p,
  path: p.path === '' ? prefix : p.path.startsWith('[') ? `${prefix}${p.path}` : `${prefix}.${p.path}`,
});
