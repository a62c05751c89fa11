import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeFinding {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (all WCAG 2.x A/AA rules and best practices) on the page as it is now. The script is injected
 * as a <script> tag, so the page's context must be opened with bypassCSP (the app's CSP forbids inline scripts).
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? undefined, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export const seriousOrCritical = (findings: readonly AxeFinding[]) => findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
