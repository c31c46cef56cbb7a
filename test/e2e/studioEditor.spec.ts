/**
 * The studio's YAML code editor in Chromium: a trainer opens a scenario made from the template, mistypes an id and
 * sees it marked in place with the validator's message, puts it right with the offered fix, and writes new fields
 * with the schema's suggestions (keys with their descriptions, allowed words, the document's own ids). Also: the
 * text typed lands in the working copy, undo works from the toolbar, the editor stays left to right on an Arabic
 * page, a phone has no sideways scroll, and axe finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, look, STUDIO_PASSPHRASE, screenshot, seriousViolations } from './harness.ts';
import { text } from './pages.ts';
import { editorLine, expectDocument, openStudio, PHONE } from './studioPage.ts';

const suite = browserSuite();

/** A new studio document from the template, made through the API; its id. */
async function createDocument(title: string): Promise<string> {
  const res = await fetch(`${suite.parley.url}/api/studio/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${encodeURIComponent(STUDIO_PASSPHRASE)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ from: 'template', title }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { document: { id: string } };
  return body.document.id;
}

const editor = (page: Page) => page.getByTestId('studio.scenarioEditor');

/**
 * Finds `text` with the editor's search (Ctrl+F, Enter, Esc), as a trainer would in a long file: CodeMirror only
 * draws the lines near the scroll position. The match is selected and on screen.
 */
async function find(page: Page, text: string): Promise<void> {
  await editor(page).locator('.cm-content').focus();
  await page.keyboard.press('Control+f');
  const field = editor(page).locator('.cm-search input[name=search]');
  await field.fill(text);
  // The panel reads the query on key up: a key after the fill commits it, Enter then finds it.
  await field.press('End');
  await field.press('Enter');
  await field.press('Escape');
  await editorLine(page, text).waitFor();
}

/** Puts the cursor at the end of the line holding `text`. */
async function endOfLine(page: Page, line: string): Promise<void> {
  await find(page, line);
  await page.keyboard.press('End');
}

/** The labels in the open completion list. */
async function suggestions(page: Page): Promise<string[]> {
  const list = page.locator('.cm-tooltip-autocomplete');
  await list.waitFor();
  return list.locator('.cm-completionLabel').allTextContents();
}

describe('the studio code editor', () => {
  let page: Page;
  let documentId: string;

  it('opens a scenario in the code editor, highlighted, with nothing marked', async () => {
    documentId = await createDocument('Editor drill');
    ({ page } = await openStudio(suite.browser, suite.parley.url));
    await page.goto(`${suite.parley.url}/studio/${documentId}`);
    await editorLine(page, 'version: 1').waitFor();
    expect(await editor(page).locator('.cm-y-key').count()).toBeGreaterThan(10);
    expect(await editor(page).locator('.cm-lintRange-error').count()).toBe(0);
    expect(await editor(page).locator('.cm-content').getAttribute('aria-label')).toBe('Scenario text (YAML)');
    await look(page, 'studio-editor');
  });

  it('marks a mistyped id in place with the validator’s message, and fixes it from there', async () => {
    await endOfLine(page, 'objective: reach_contacts');
    await page.keyboard.press('Backspace');
    await expectDocument(page, { dirty: true, valid: false });
    const mark = editor(page).locator('.cm-lintRange-error');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('reach_contact');
    // The gutter shows the line has a problem, and the strip below spells out the one on the cursor's line.
    await editor(page).locator('.cm-lint-marker-error').waitFor();
    const problem = page.getByTestId('studio.editor.problem.message');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('unknown objective "reach_contact" (did you mean "reach_contacts"?)');
    expect(await text(page, 'studio.editor.problem.fix')).toBe('Replace with “reach_contacts”');

    // Hovering the marked word shows the message and the fix.
    await mark.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('unknown objective "reach_contact"');
    expect(await tooltip.textContent()).toContain('injects[0].objective');
    await screenshot(page, 'studio-editor-error');
    expect(await seriousViolations(page), 'axe on studio-editor-error').toEqual([]);

    await tooltip.locator('.cm-diagnosticAction').click();
    await expect.poll(() => mark.count()).toBe(0);
    await editorLine(page, 'objective: reach_contacts').waitFor();
    await expectDocument(page, { dirty: false, valid: true });
    expect(await text(page, 'studio.editor.problem')).toBe('No problem on this line.');
  });

  it('suggests the keys a mapping may still have, then the allowed words and the document’s ids', async () => {
    // A new field in the inject: after "channel: news", a new line, "exp…" → "expects" (a block: the next line opens).
    await endOfLine(page, 'channel: news');
    await page.keyboard.press('Enter');
    await page.keyboard.type('exp');
    expect(await suggestions(page)).toContain('expects');
    await screenshot(page, 'studio-editor-complete');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'expects' }).first();
    await option.click();
    await page.locator('.cm-completionInfo').waitFor({ state: 'detached' });
    // Inside "expects": "text" is required, so it comes first.
    await page.keyboard.type('t');
    expect((await suggestions(page))[0]).toBe('text');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Call the other delegation through its point of contact.');
    await editorLine(page, 'expects:').waitFor();
    await editorLine(page, 'text: Call the other delegation').waitFor();
    await expectDocument(page, { dirty: true, valid: true });

    // A value from the schema's list: the channel.
    await endOfLine(page, 'channel: news');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('ce');
    expect(await suggestions(page)).toEqual(['cert']);
    await page.keyboard.press('Enter');
    await editorLine(page, 'channel: cert').waitFor();

    // An id defined elsewhere in the document: the delegations, where an inject says whom it goes to.
    await endOfLine(page, 'to: all');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('[');
    expect(await suggestions(page)).toEqual(['state_a', 'state_b']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await editorLine(page, 'to: [state_b]').waitFor();
    await expectDocument(page, { valid: true });
  });

  it('undoes and redoes from the toolbar', async () => {
    const chosen = editor(page).locator('.cm-line', { hasText: 'to: [state_b]' });
    await page.getByTestId('studio.editor.undo').click();
    await expect.poll(() => chosen.count()).toBe(0);
    await page.getByTestId('studio.editor.redo').click();
    await expect.poll(() => chosen.count()).toBe(1);
  });

  it('keeps the code left to right on an Arabic page', async () => {
    await page.getByTestId('shell.language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    const direction = await page.evaluate("getComputedStyle(document.querySelector('.cm-content')).direction");
    expect(direction).toBe('ltr');
    expect(await text(page, 'studio.editor.undo')).toBe('تراجع');
    await look(page, 'studio-editor-ar');
    await page.getByTestId('shell.language').selectOption('en');
  });

  it('fits a phone', async () => {
    const phone = await openStudio(suite.browser, suite.parley.url, PHONE);
    await phone.page.goto(`${suite.parley.url}/studio/${documentId}`);
    await editorLine(phone.page, 'version: 1').waitFor();
    const overflow = await horizontalOverflow(phone.page);
    expect(overflow.px).toBe(0);
    // (The studio's tab row scrolls sideways on its own; nothing of the editor sticks out.)
    expect(overflow.culprits.filter((c) => c.includes('cm-') || c.includes('scenario-editor'))).toEqual([]);
    await look(phone.page, 'studio-editor-phone');
    await phone.context.close();
  });
});
