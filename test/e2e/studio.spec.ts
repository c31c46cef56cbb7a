/**
 * The scenario studio end to end in Chromium (issue 5): a trainer signs in with the studio passphrase, creates a
 * scenario from the template, introduces an error in the YAML and fixes it from the inline message, dry-runs it,
 * saves a version and starts an exercise from it. Around that: a save that meets a newer version keeps the trainer's
 * text, the history shows what changed, the library searches, imports, duplicates and deletes with undo, unsaved text
 * survives leaving the page, and every screen passes axe, fits a 360 px phone and lays out right to left in Arabic.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, look, type PageDocument, STUDIO_PASSPHRASE, screenshot } from './harness.ts';
import { newPage, text } from './pages.ts';
import {
  createFromTemplate,
  expectDocument,
  findEditorLine,
  openStudio,
  openTab,
  PHONE,
  save,
  signIn,
  typeAtEndOfLine,
} from './studioPage.ts';

const suite = browserSuite();

/** The studio API as another trainer (a colleague saving meanwhile). */
async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${suite.parley.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${encodeURIComponent(STUDIO_PASSPHRASE)}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

describe('the scenario studio', () => {
  let trainer: Page;
  let documentId: string;

  it('asks for the studio passphrase and refuses a wrong one', async () => {
    ({ page: trainer } = await newPage(suite.browser));
    await trainer.goto(`${suite.parley.url}/studio`);
    await trainer.getByTestId('studio.signIn').waitFor();
    await look(trainer, 'studio-signin');
    await signIn(trainer, 'not the passphrase');
    expect(await text(trainer, 'studio.signIn.error')).toMatch(/not the studio passphrase/i);
    await signIn(trainer, STUDIO_PASSPHRASE, 'Nadia Trainer');
    await trainer.getByTestId('studio.library').waitFor();
    await trainer.getByTestId('studio.library.empty').waitFor();
  });

  it('creates a scenario from the template', async () => {
    await trainer.getByTestId('studio.library.new').click();
    await trainer.getByTestId('studio.new.title').waitFor();
    await look(trainer, 'studio-new');
    // Escape closes the dialog without creating anything.
    await trainer.keyboard.press('Escape');
    await trainer.getByTestId('studio.new').waitFor({ state: 'detached' });
    documentId = await createFromTemplate(trainer, 'Harbour blackout');
    expect(await text(trainer, 'studio.document.title')).toBe('Harbour blackout');
    await expectDocument(trainer, { version: 'Version 1', dirty: false, valid: true });
    await trainer.getByTestId('studio.findings.none').waitFor();
    await (await findEditorLine(trainer, 'channel: news')).waitFor();
    await look(trainer, 'studio-document');
  });

  it('shows an error typed in the YAML inline and in the findings, and fixes it from the inline message', async () => {
    // A typo in the inject's channel: "news" becomes "newz".
    await typeAtEndOfLine(trainer, 'channel: news', { backspaces: 1, type: 'z' });
    await expectDocument(trainer, { dirty: true, valid: false });
    const finding = trainer.getByTestId('studio.finding').first();
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('error');
    expect(await finding.textContent()).toContain('did you mean "news"');
    const line = Number(await finding.getAttribute('data-line'));
    expect(line).toBeGreaterThan(1);
    await screenshot(trainer, 'studio-findings');

    // Clicking the finding takes the trainer to the line in the editor…
    await finding.click();
    await expect.poll(() => trainer.locator('.cm-activeLine').textContent()).toContain('channel: newz');
    // …where the message under the text spells the problem out and offers the fix.
    await expect
      .poll(() => text(trainer, 'studio.editor.problem.message'), { timeout: 10_000 })
      .toContain('did you mean "news"');
    await trainer.getByTestId('studio.editor.problem.fix').click();
    await expectDocument(trainer, { valid: true, dirty: false });
    await (await findEditorLine(trainer, 'channel: news')).waitFor();
    await trainer.getByTestId('studio.findings.none').waitFor();
  });

  it('dry-runs the scenario with bots and shows the ending reached', async () => {
    // Something to save: a longer summary line.
    await typeAtEndOfLine(trainer, 'durationMinutes: 30', { type: '  # about half an hour' });
    await expectDocument(trainer, { dirty: true, valid: true });
    await openTab(trainer, 'dryrun');
    await trainer.getByTestId('studio.dryrun.run').click();
    const ending = trainer.getByTestId('studio.dryrun.ending').first();
    await ending.waitFor({ timeout: 30_000 });
    expect((await ending.textContent())?.trim()).toContain('Time is up');
    await trainer.getByTestId('studio.dryrun.timeline').first().waitFor();
  });

  it('saves a version, and keeps the trainer’s text when a colleague saved meanwhile', async () => {
    await save(trainer);
    await expectDocument(trainer, { version: 'Version 2', dirty: false });
    expect(await text(trainer, 'studio.announce')).toContain('version 2');

    // A colleague saves version 3 from their own copy.
    const latest = await api<{ version: { source: string } }>(`/api/studio/documents/${documentId}`);
    await api(`/api/studio/documents/${documentId}/versions`, {
      method: 'POST',
      body: {
        source: latest.version.source.replace('level: introductory', 'level: intermediate'),
        baseVersion: 2,
        author: 'Colleague',
      },
    });
    await openTab(trainer, 'yaml');
    await typeAtEndOfLine(trainer, 'timeLimit: 30', { type: '  # hard stop' });
    await expectDocument(trainer, { dirty: true });
    await trainer.getByTestId('studio.save').click();
    await trainer.getByTestId('studio.conflict').waitFor();
    expect(await text(trainer, 'studio.conflict')).toContain('Version 3');
    await screenshot(trainer, 'studio-conflict');
    await trainer.getByTestId('studio.conflict.load').click();
    // The newest version is open, and the trainer's own text is kept aside to copy from.
    await expectDocument(trainer, { version: 'Version 3', dirty: false });
    expect(await trainer.getByTestId('studio.buffer.text').inputValue()).toContain('timeLimit: 30  # hard stop');
    await (await findEditorLine(trainer, 'level: intermediate')).waitFor();
  });

  it('lists the versions and shows what changed between two of them', async () => {
    await openTab(trainer, 'history');
    await expect.poll(() => trainer.getByTestId('studio.history.version').count()).toBe(3);
    expect(await trainer.getByTestId('studio.history.version').first().textContent()).toContain('Colleague');
    await trainer.getByTestId('studio.history.from').selectOption('1');
    await trainer.getByTestId('studio.history.to').selectOption('3');
    await trainer.getByTestId('studio.history.compare').click();
    await expect
      .poll(() => text(trainer, 'studio.history.diffSummary'))
      .toBe('From version 1 to version 3: 2 lines added, 2 removed.');
    const diff = trainer.getByTestId('studio.history.diff');
    expect(await diff.locator('.studio-diff__line--added').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('level: intermediate')]),
    );
    expect(await diff.locator('.studio-diff__line--removed').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('level: introductory')]),
    );
    await look(trainer, 'studio-history-diff');
  });

  it('starts an exercise from the saved version and opens its facilitator console', async () => {
    await trainer.getByTestId('studio.start').click();
    await trainer.getByTestId('studio.startDialog').waitFor();
    await trainer.getByTestId('studio.start.label').fill('Harbour table 1');
    await trainer.getByTestId('studio.start.confirm').click();
    await trainer.getByTestId('studio.started').waitFor();
    expect(await text(trainer, 'run.token')).not.toBe('');
    const roles = await trainer.getByTestId('run.codeRole').allTextContents();
    expect(roles.join(' | ')).toMatch(/State A/);
    expect(roles.join(' | ')).toMatch(/State B/);
    await trainer.locator('.qr[src]').first().waitFor();
    await look(trainer, 'studio-start');
    await trainer.getByTestId('run.openConsole').click();
    await trainer.waitForURL(/\/x\//);
    await expect
      .poll(() => trainer.getByTestId('shell.connection').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('live');
  });

  it('refuses to start an exercise from unsaved or invalid text', async () => {
    await trainer.goto(`${suite.parley.url}/studio/${documentId}`);
    await trainer.getByTestId('studio.document').waitFor();
    expect(await trainer.getByTestId('studio.start').isEnabled()).toBe(true);
    await typeAtEndOfLine(trainer, 'channel: news', { backspaces: 4, type: 'radio' });
    await expectDocument(trainer, { dirty: true, valid: false });
    expect(await trainer.getByTestId('studio.start').isDisabled()).toBe(true);
    // Leaving inside the app asks first; staying keeps the text.
    trainer.once('dialog', (d) => void d.dismiss());
    await trainer.getByTestId('studio.libraryLink').click();
    expect(new URL(trainer.url()).pathname).toBe(`/studio/${documentId}`);
    await (await findEditorLine(trainer, 'channel: radio')).waitFor();
  });

  it('offers unsaved text back after the page was left', async () => {
    // The copy on this device is kept a moment after typing.
    await trainer.waitForTimeout(1200);
    trainer.once('dialog', (d) => void d.accept());
    await trainer.reload();
    await trainer.getByTestId('studio.document').waitFor();
    await expectDocument(trainer, { version: 'Version 3', dirty: false });
    await trainer.getByTestId('studio.copy.restore').click();
    await (await findEditorLine(trainer, 'channel: radio')).waitFor();
    await expectDocument(trainer, { dirty: true, valid: false });
    // Back to the saved text: "Use this text" of version 3.
    await openTab(trainer, 'history');
    trainer.once('dialog', (d) => void d.accept());
    await trainer.getByRole('button', { name: 'Use this text: version 3' }).click();
    await expectDocument(trainer, { dirty: false, valid: true });
  });

  it('exchanges the MSEL with a spreadsheet, applying nothing until every row is right', async () => {
    await openTab(trainer, 'yaml');
    await trainer.getByTestId('studio.files').click();
    const [download] = await Promise.all([
      trainer.waitForEvent('download'),
      trainer.getByTestId('studio.files.csvExport').click(),
    ]);
    expect(download.suggestedFilename()).toBe('harbour-blackout-msel.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('First report');

    const upload = (name: string, content: string) =>
      trainer
        .getByTestId('studio.files.csvFile')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
    // A bad channel in row 2: the row and the column are named, and the scenario is left alone.
    await upload('msel-bad.csv', csv.replace(',news,', ',radio,'));
    await trainer.getByTestId('studio.msel.errors').waitFor();
    expect(await trainer.getByTestId('studio.msel.error').first().textContent()).toMatch(/^2\s*channel/);
    await trainer.getByTestId('studio.msel.close').click();
    await expectDocument(trainer, { dirty: false, valid: true });

    // Fixed in the spreadsheet: the injects are replaced.
    await upload('msel.csv', csv.replace('First report', 'Harbour alert'));
    expect(await text(trainer, 'studio.msel.summary')).toContain('1');
    await trainer.getByTestId('studio.msel.apply').click();
    await (await findEditorLine(trainer, 'en: Harbour alert')).waitFor();
    await expectDocument(trainer, { dirty: true, valid: true });
    await save(trainer);
    await expectDocument(trainer, { version: 'Version 4', dirty: false });
  });

  it('searches, imports, duplicates, deletes and restores in the library', async () => {
    await trainer.getByTestId('studio.libraryLink').click();
    await trainer.getByTestId('studio.library.list').waitFor();
    // Import a YAML file: the document's own export, renamed.
    const source = (await api<{ version: { source: string } }>(`/api/studio/documents/${documentId}`)).version.source;
    const imported = source
      .replace('id: harbour-blackout', 'id: port-outage')
      .replace('Harbour blackout', 'Port outage');
    await trainer.getByTestId('studio.library.importFile').setInputFiles({
      name: 'port-outage.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(imported),
    });
    await trainer.waitForURL(/\/studio\/[^/]+$/);
    expect(await trainer.getByTestId('studio.document.title').textContent()).toBe('Port outage');
    await trainer.getByTestId('studio.libraryLink').click();
    await expect.poll(() => trainer.getByTestId('studio.library.doc').count()).toBe(2);
    // A file dropped on the library is imported too.
    const dropped = await trainer.evaluateHandle(
      (yaml) => {
        const g = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: string[], name: string, options: { type: string }) => unknown;
        };
        const transfer = new g.DataTransfer();
        transfer.items.add(new g.File([yaml], 'dock-strike.yaml', { type: 'application/yaml' }));
        return transfer;
      },
      source.replace('id: harbour-blackout', 'id: dock-strike').replace('Harbour blackout', 'Dock strike'),
    );
    await trainer.getByTestId('studio.library').dispatchEvent('drop', { dataTransfer: dropped });
    await trainer.waitForURL(/\/studio\/[^/]+$/);
    expect(await trainer.getByTestId('studio.document.title').textContent()).toBe('Dock strike');
    await trainer.getByTestId('studio.libraryLink').click();
    await expect.poll(() => trainer.getByTestId('studio.library.doc').count()).toBe(3);

    await trainer.getByTestId('studio.library.search').fill('harbour');
    await expect.poll(() => trainer.getByTestId('studio.library.doc').count()).toBe(1);
    const row = trainer.getByTestId('studio.library.doc').first();
    await row.getByTestId('studio.library.duplicate').click();
    await expect.poll(() => trainer.getByTestId('studio.library.doc').count()).toBe(2);

    await trainer.getByTestId('studio.library.search').fill('');
    await expect.poll(() => trainer.getByTestId('studio.library.doc').count()).toBe(4);
    await look(trainer, 'studio-library');

    const port = trainer.getByTestId('studio.library.doc').filter({ hasText: 'Port outage' });
    await port.getByTestId('studio.library.delete').click();
    await expect.poll(() => trainer.getByTestId('studio.library.doc').count()).toBe(3);
    expect(await text(trainer, 'studio.library.notice')).toContain('Port outage');
    await trainer.getByTestId('studio.library.undo').click();
    await expect.poll(() => trainer.getByTestId('studio.library.doc').count()).toBe(4);
  });

  it('lists lint findings beyond validity, and shows each one in the editor', async () => {
    // An inject timed after its phase's time box: valid, but probably a mistake.
    const made = await api<{ document: { id: string }; version: { source: string } }>('/api/studio/documents', {
      method: 'POST',
      body: { from: 'template', title: 'Late news' },
    });
    const late = made.version.source
      .replace('      en: Detection\n', '      en: Detection\n    timebox: 10\n')
      .replace('    at: 0\n', '    at: 25\n    phase: detection\n');
    await api(`/api/studio/documents/${made.document.id}/versions`, {
      method: 'POST',
      body: { source: late, baseVersion: 1 },
    });
    await trainer.goto(`${suite.parley.url}/studio/${made.document.id}`);
    const finding = trainer.getByTestId('studio.finding').first();
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('warning');
    expect(await finding.textContent()).toContain('injects[0].at');
    expect(await text(trainer, 'studio.document.validity')).toBe('Valid');
    await openTab(trainer, 'history');
    await finding.click();
    // The code editor comes back, on the line the finding is about.
    await expect.poll(() => trainer.locator('.cm-activeLine').textContent()).toContain('at: 25');
  });

  it('works on a 360 px phone', async () => {
    const { page, context } = await openStudio(suite.browser, suite.parley.url, PHONE);
    await page.getByTestId('studio.library.list').waitFor();
    expect((await horizontalOverflow(page)).px).toBe(0);
    await look(page, 'studio-phone-library');
    await page.goto(`${suite.parley.url}/studio/${documentId}`);
    await page.getByTestId('studio.document').waitFor();
    await (await findEditorLine(page, 'channel: news')).waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.px, overflow.culprits.join(', ')).toBe(0);
    await look(page, 'studio-phone');
    await context.close();
  });

  it('lays the studio out right to left in Arabic', async () => {
    const { page, context } = await openStudio(suite.browser, suite.parley.url);
    await page.getByTestId('shell.language').selectOption('ar');
    const dir = await page.evaluate(
      () => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir,
    );
    expect(dir).toBe('rtl');
    await page.getByTestId('studio.library.list').waitFor();
    await look(page, 'studio-ar-library');
    await page.goto(`${suite.parley.url}/studio/${documentId}`);
    await page.getByTestId('studio.document').waitFor();
    expect(await text(page, 'studio.save')).toBe('حفظ');
    await look(page, 'studio-ar');
    await context.close();
  });

  it('says how to turn the studio on when the server has it off', async () => {
    const { page, context } = await newPage(suite.browser);
    // A server without PARLEY_STUDIO_TOKEN answers this (see server/src/http/studioRoutes.ts).
    await page.route('**/api/studio', (route) =>
      route.fulfill({ json: { enabled: false, authorized: false, message: 'off' } }),
    );
    await page.goto(`${suite.parley.url}/studio`);
    await page.getByTestId('studio.disabled').waitFor();
    expect(await text(page, 'studio.disabled')).toContain('PARLEY_STUDIO_TOKEN');
    await context.close();
  });
});
