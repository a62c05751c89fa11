import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeFindings, seriousOrCritical } from './axe.ts';

/** The two window sizes every new screen is checked at (issue 13: 1280x800 and 1024x700). */
export const CHECKED_SIZES = [{ width: 1280, height: 800 }, { width: 1024, height: 700 }] as const;

/** At each checked size: no serious or critical axe finding, and the page does not scroll sideways. */
export async function expectAccessibleAtBothSizes(page: Page): Promise<void> {
  for (const size of CHECKED_SIZES) {
    await page.setViewportSize(size);
    expect(seriousOrCritical(await axeFindings(page)), `${size.width}x${size.height}`).toEqual([]);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `no sideways page scroll at ${size.width} px`).toBeLessThanOrEqual(widths.client);
  }
}
