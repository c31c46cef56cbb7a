/** Page objects for the join flow and the consoles: what a person does, in the test's words. */

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export type IssuedCode = { readonly role: string; readonly code: string };

export async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  // Errors in the page belong in the test's output.
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') process.stderr.write(`[browser] ${m.text()}\n`);
  });
  page.on('pageerror', (e) => process.stderr.write(`[browser] ${e.message}\n`));
  return { context, page };
}

/** From the home page: "run an exercise", pick the first scenario, create it; the codes as listed. */
export async function createExerciseThroughUi(page: Page, base: string, label: string): Promise<IssuedCode[]> {
  await page.goto(`${base}/`);
  await page.getByTestId('home.runLink').click();
  await page.getByTestId('run.form').waitFor();
  await page.locator('[data-testid^="run.scenario."]').first().waitFor();
  await page.getByTestId('run.label').fill(label);
  await page.getByTestId('run.create').click();
  await page.getByTestId('run.created').waitFor();
  await page.locator('.qr[src]').first().waitFor();
  const rows = page.getByTestId('run.code');
  const out: IssuedCode[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({
      role: (await row.getByTestId('run.codeRole').textContent())?.trim() ?? '',
      code: (await row.getByTestId('run.codeValue').textContent())?.trim() ?? '',
    });
  }
  return out;
}

/** Join with a code typed on the home page (or a join link), give a name, land in the console. */
export async function joinWithCode(
  page: Page,
  base: string,
  code: string,
  name: string,
  via: 'home' | 'link',
): Promise<void> {
  if (via === 'home') {
    await page.goto(`${base}/`);
    await page.getByTestId('join.code').fill(code);
    await page.getByTestId('join.continue').click();
  } else {
    await page.goto(`${base}/join/${code}`);
  }
  await page.getByTestId('join.found').waitFor();
  await page.getByTestId('join.name').fill(name);
  await page.getByTestId('join.enter').click();
  await page.waitForURL(/\/x\//);
  await expect
    .poll(() => page.getByTestId('shell.connection').getAttribute('data-status'), { timeout: 15_000 })
    .toBe('live');
}

export const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? '';
