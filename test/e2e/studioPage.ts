/** Page objects for the scenario studio: what a trainer does, in the test's words. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { STUDIO_PASSPHRASE } from './harness.ts';
import { newPage } from './pages.ts';

export const PHONE = { width: 360, height: 780 };

/** A fresh tab on `/studio`, signed in as a trainer. */
export async function openStudio(
  browser: Browser,
  base: string,
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, viewport);
  await opened.page.goto(`${base}/studio`);
  await signIn(opened.page, STUDIO_PASSPHRASE, 'Nadia Trainer');
  await opened.page.getByTestId('studio.library').waitFor();
  return opened;
}

export async function signIn(page: Page, passphrase: string, author = ''): Promise<void> {
  await page.getByTestId('studio.signIn').waitFor();
  await page.getByTestId('studio.passphrase').fill(passphrase);
  if (author) await page.getByTestId('studio.author').fill(author);
  await page.getByTestId('studio.signIn.submit').click();
}

/** From the library: "New scenario" from the template, with a title; lands on the new document. Its id. */
export async function createFromTemplate(page: Page, title: string): Promise<string> {
  await page.getByTestId('studio.library.new').click();
  await page.getByTestId('studio.new').waitFor();
  await page.getByTestId('studio.new.template.minimal').check();
  await page.getByTestId('studio.new.title').fill(title);
  await page.getByTestId('studio.new.create').click();
  await page.waitForURL(/\/studio\/[^/]+$/);
  await page.getByTestId('studio.document').waitFor();
  return (await page.getByTestId('studio.document').getAttribute('data-document')) ?? '';
}

export const documentState = async (page: Page) => ({
  version: (await page.getByTestId('studio.document.version').textContent())?.trim() ?? '',
  dirty: (await page.getByTestId('studio.document.state').getAttribute('data-dirty')) === 'true',
  valid: (await page.getByTestId('studio.document.validity').getAttribute('data-valid')) === 'true',
});

/** Waits until the header says this (validation is debounced as the trainer types). */
export async function expectDocument(
  page: Page,
  expected: Partial<{ version: string; dirty: boolean; valid: boolean }>,
): Promise<void> {
  await expect.poll(() => documentState(page), { timeout: 10_000 }).toMatchObject(expected);
}

/** The code editor's line holding `text` (CodeMirror renders one `.cm-line` per line, only those in view). */
export const editorLine = (page: Page, text: string) =>
  page.getByTestId('studio.scenarioEditor').locator('.cm-line').filter({ hasText: text }).first();

/** Scrolls the code editor (as a trainer would) until the line holding `text` is drawn; that line. */
export async function findEditorLine(page: Page, text: string) {
  const line = editorLine(page, text);
  await page.getByTestId('studio.scenarioEditor').locator('.cm-content').waitFor();
  const scroll = (to: 'top' | 'down') =>
    page
      .getByTestId('studio.scenarioEditor')
      .locator('.cm-scroller')
      .evaluate((el, where) => {
        if (where === 'top') el.scrollTop = 0;
        else el.scrollTop += el.clientHeight * 0.6;
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      }, to);
  if ((await line.count()) > 0) return line;
  await scroll('top');
  for (let i = 0; i < 60 && (await line.count()) === 0; i++) {
    const atEnd = await scroll('down');
    await page.waitForTimeout(50);
    if (atEnd && (await line.count()) === 0) break;
  }
  await line.scrollIntoViewIfNeeded();
  return line;
}

/** Puts the cursor at the end of the editor line holding `text` and types: what a trainer does by hand. */
export async function typeAtEndOfLine(page: Page, text: string, keys: { backspaces?: number; type?: string }) {
  const line = await findEditorLine(page, text);
  await line.click();
  await page.keyboard.press('End');
  for (let i = 0; i < (keys.backspaces ?? 0); i++) await page.keyboard.press('Backspace');
  if (keys.type) await page.keyboard.type(keys.type);
}

/** Save (the announcement is cleared as the save starts, and says the version saved once done). */
export async function save(page: Page): Promise<void> {
  await page.getByTestId('studio.save').click();
  await expect.poll(() => page.getByTestId('studio.announce').textContent(), { timeout: 10_000 }).toMatch(/\d/);
}

export async function openTab(
  page: Page,
  tab: 'yaml' | 'tables' | 'diagram' | 'dryrun' | 'print' | 'history',
): Promise<void> {
  await page.getByTestId(`studio.tab.${tab}`).click();
}
