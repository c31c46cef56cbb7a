/**
 * The studio's structured editors in Chromium (issue 5): on a document made from the template (through the studio
 * API), a trainer edits an inject's minute and title in the MSEL table and adds an inject; a value the validator
 * would refuse is not applied and says why beside the cell; the YAML text changes accordingly (only the injects),
 * still validates, and is saved as a version. The delegation and rule forms, a 360 px phone and Arabic are looked at.
 */
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, look, STUDIO_PASSPHRASE } from './harness.ts';
import { expectDocument, openStudio, openTab, PHONE, save } from './studioPage.ts';

const suite = browserSuite();

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${suite.parley.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${encodeURIComponent(STUDIO_PASSPHRASE)}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

type Checked = { document: { id: string }; version: { version: number; source: string } };

async function templateDocument(title: string): Promise<Checked> {
  return api<Checked>('/api/studio/documents', {
    method: 'POST',
    body: { from: 'template', template: 'minimal', title, author: 'Nadia Trainer' },
  });
}

async function openTables(id: string, viewport?: { width: number; height: number }) {
  const opened = await openStudio(suite.browser, suite.parley.url, viewport);
  await opened.page.goto(`${suite.parley.url}/studio/${id}`);
  await opened.page.getByTestId('studio.document').waitFor();
  await openTab(opened.page, 'tables');
  await opened.page.getByTestId('studio.msel').waitFor();
  return opened;
}

/** Types into a field and leaves it (Tab), as a trainer does. */
async function typeInto(page: Page, testid: string, value: string): Promise<void> {
  const field = page.getByTestId(testid);
  await field.fill(value);
  await field.press('Tab');
}

describe('the structured editors', () => {
  it('edits the MSEL in a table: minute, title, a new inject; refuses a bad value; the YAML follows', async () => {
    const created = await templateDocument('Grid alert');
    const before = created.version.source;
    const { page, context } = await openTables(created.document.id);
    const row = page.getByTestId('msel.row.first_report');
    await row.waitFor();

    // A minute out of range is not applied, and the cell says why.
    await typeInto(page, 'msel.first_report.at', '5000');
    const alert = row.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/0.*1440/);
    await expectDocument(page, { dirty: false });

    await typeInto(page, 'msel.first_report.at', '12');
    await expect.poll(() => alert.count()).toBe(0);
    await typeInto(page, 'msel.first_report.title', 'Grid operator reports an outage');
    await page.getByTestId('msel.add').click();
    await page.getByTestId('msel.row.inject-2').waitFor();
    await typeInto(page, 'msel.inject-2.title', 'Press asks questions');
    await expectDocument(page, { dirty: true, valid: true });
    await look(page, 'studio-msel');

    await save(page);
    await expectDocument(page, { version: 'Version 2', dirty: false });
    const saved = await api<Checked>(`/api/studio/documents/${created.document.id}`);
    const parsed = parseScenario(saved.version.source, 'saved.yaml');
    expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.errors)).toBe(true);
    if (!parsed.ok) return;
    const [first, added] = parsed.scenario.injects;
    expect(first).toMatchObject({ id: 'first_report', at: 12, title: { en: 'Grid operator reports an outage' } });
    expect(added).toMatchObject({ id: 'inject-2', title: 'Press asks questions', to: 'all', channel: 'news' });
    // Only the injects changed: everything before them (comments included) and after them is as it was.
    const start = (s: string) => s.slice(0, s.indexOf('\ninjects:\n'));
    const end = (s: string) => s.slice(s.indexOf('\n# How play can end'));
    expect(start(saved.version.source)).toBe(start(before));
    expect(end(saved.version.source)).toBe(end(before));
    expect(saved.version.source).toContain('    title:\n      en: Grid operator reports an outage\n    at: 12\n');

    // The delegations and their briefings, with a Markdown preview.
    await page.getByTestId('structured.tab.delegations').click();
    await page.getByTestId('delegations.item.state_b').click();
    await typeInto(page, 'delegations.state_b.private', 'Your **grid** depends on State A.\n\n- Keep talking.');
    await page.getByTestId('delegations.state_b.private.preview').click();
    await page.getByTestId('delegations.detail').getByText('grid', { exact: true }).waitFor();
    await look(page, 'studio-delegations');

    // A deadline rule, added from the rules form.
    await page.getByTestId('structured.tab.rules').click();
    await page.getByTestId('rules.addDeadline').click();
    await page.getByTestId('rules.rule-1.within').waitFor();
    await page.getByTestId('rules.rule-1.mode.record').check();
    await expectDocument(page, { dirty: true, valid: true });
    await look(page, 'studio-rules');
    await context.close();
  });

  it('fits a 360 px phone and lays out right to left in Arabic', async () => {
    const created = await templateDocument('Grid alert on a phone');
    const phone = await openTables(created.document.id, PHONE);
    const overflow = await horizontalOverflow(phone.page);
    expect(overflow.px, overflow.culprits.join(', ')).toBe(0);
    await look(phone.page, 'studio-msel-phone');
    await phone.context.close();

    const desktop = await openTables(created.document.id);
    await desktop.page.getByTestId('shell.language').selectOption('ar');
    await desktop.page.getByTestId('msel.row.first_report').waitFor();
    const dir = await desktop.page.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir,
    );
    expect(dir).toBe('rtl');
    await look(desktop.page, 'studio-msel-ar');
    await desktop.context.close();
  });
});
