import { describe, expect, it } from 'vitest';
import { siteResultChoice } from '../../scales/review-rules/site-result.ts';

const review = (id: number, status: 'draft' | 'consensus' | 'final', ratedItems: number) => ({ id, status, ratedItems });

describe('siteResultChoice (issue 13: a new draft must not hide the site result)', () => {
  it('an empty new draft: the last final review is the result, the draft is in progress', () => {
    const choice = siteResultChoice([review(3, 'draft', 0), review(2, 'final', 25), review(1, 'final', 25)]);
    expect(choice.result?.id).toBe(2);
    expect(choice.inProgress?.id).toBe(3);
  });

  it('a partly rated newer draft still does not replace a final result', () => {
    const choice = siteResultChoice([review(3, 'consensus', 20), review(2, 'final', 25)]);
    expect(choice.result?.id).toBe(2);
    expect(choice.inProgress?.id).toBe(3);
  });

  it('no final review: the newest with anything rated, and a newer empty one in progress', () => {
    const choice = siteResultChoice([review(3, 'draft', 0), review(2, 'draft', 17), review(1, 'draft', 5)]);
    expect(choice.result?.id).toBe(2);
    expect(choice.inProgress?.id).toBe(3);
  });

  it('only empty drafts: no result, the newest in progress', () => {
    expect(siteResultChoice([review(2, 'draft', 0), review(1, 'draft', 0)])).toEqual({ result: null, inProgress: review(2, 'draft', 0) });
  });

  it('the newest review final: nothing in progress; no reviews: nothing at all', () => {
    expect(siteResultChoice([review(2, 'final', 25), review(1, 'draft', 3)])).toEqual({ result: review(2, 'final', 25), inProgress: null });
    expect(siteResultChoice([])).toEqual({ result: null, inProgress: null });
  });
});
