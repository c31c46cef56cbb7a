/**
 * The studio's read-only tools in Chromium (issue 5): on a scenario document (the shipped "gridlock", created through
 * the studio API), the phase diagram draws every phase and ending with injects on them; a dry run under cooperative
 * bots reaches a different ending from one under hawkish bots, and "compare policies" counts endings per run; the
 * situation manual and each delegation's handout print on their own (a player's handout never holds another
 * delegation's private briefing). Every screen passes axe, fits a 360 px phone, and lays out right to left in Arabic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localize } from '@parley/shared/scenario/localize.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import type { Phase, Scenario } from '@parley/shared/scenario/schema.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, look, SCREENSHOTS, STUDIO_PASSPHRASE, screenshot } from './harness.ts';
import { openStudio, openTab, PHONE } from './studioPage.ts';

const suite = browserSuite();

/** An A4 page at 96 dpi, less the print margins. */
const A4 = { width: 794 - 106, height: 1123 - 121 };

const source = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'gridlock.yaml'), 'utf8');
const parsed = parseScenario(source, 'gridlock.yaml');
if (!parsed.ok) throw new Error('gridlock.yaml does not parse');
const scenario: Scenario = parsed.scenario;
const en = (t: Parameters<typeof localize>[0]) => localize(t, 'en', scenario.fallbackLanguage);
const allPhases = (ps: readonly Phase[]): string[] => ps.flatMap((p) => [p.id, ...allPhases(p.phases)]);

/** A studio document holding the shipped scenario "gridlock": its id. */
async function gridlockDocument(): Promise<string> {
  const res = await fetch(`${suite.parley.url}/api/studio/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${encodeURIComponent(STUDIO_PASSPHRASE)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ from: 'library', scenarioId: 'gridlock', author: 'Nadia Trainer' }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { document?: { id: string }; id?: string };
  const id = body.document?.id ?? body.id;
  if (!id) throw new Error(`no document id in ${JSON.stringify(body)}`);
  return id;
}

async function openDocument(viewport?: { width: number; height: number }) {
  const id = await gridlockDocument();
  const opened = await openStudio(suite.browser, suite.parley.url, viewport);
  await opened.page.goto(`${suite.parley.url}/studio/${id}`);
  await opened.page.getByTestId('studio.document').waitFor();
  return opened;
}

async function dryRun(page: Page, policy: 'cooperative' | 'hawkish', seed: number): Promise<string> {
  await page.getByTestId(`studio.dryrun.all.${policy}`).click();
  await page.getByTestId('studio.dryrun.seed').fill(String(seed));
  await page.getByTestId('studio.dryrun.run').click();
  const ending = page.getByTestId('studio.dryrun.ending');
  await expect
    .poll(async () => (await ending.count()) > 0 && (await page.getByTestId('studio.dryrun.run').isEnabled()), {
      timeout: 30_000,
    })
    .toBe(true);
  return (await ending.getAttribute('data-ending')) ?? '';
}

/** Print the chosen document as the browser would (the print dialog stubbed), in print media. */
async function printDocument(page: Page, value: string, name: string): Promise<string> {
  await page.getByTestId('studio.print.document').selectOption(value);
  await page.evaluate(() => {
    (globalThis as unknown as { print: () => void }).print = () => {};
  });
  await page.getByTestId('studio.print.print').click();
  // Look at it on an A4-wide page (96 dpi), as the printer lays it out: the whole document, and its first page.
  const viewport = page.viewportSize();
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, name);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-page1.png`), clip: { x: 0, y: 0, ...A4 } });
  const msel = page.locator('.sp-print-root [data-testid="studio.print.msel"] tbody tr');
  if ((await msel.count()) > 0) await msel.nth(1).screenshot({ path: join(SCREENSHOTS, `${name}-msel-row.png`) });
  await page.pdf({ path: join(SCREENSHOTS, `${name}.pdf`), format: 'A4', printBackground: true });
  // In print, only the printed document shows: the studio around it is hidden.
  const visible = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { body: { innerText: string } } }).document;
    // biome-ignore lint/performance/useDomNodeTextContent: innerText leaves out what the print stylesheet hides
    return d.body.innerText;
  });
  await page.emulateMedia({ media: 'screen' });
  if (viewport) await page.setViewportSize(viewport);
  await page.evaluate(() => {
    const w = globalThis as unknown as { dispatchEvent(e: unknown): void; Event: new (t: string) => unknown };
    w.dispatchEvent(new w.Event('afterprint'));
  });
  return visible;
}

describe('the studio tools on a scenario document', () => {
  it('draws every phase and ending, with injects and a text outline', async () => {
    const { page, context } = await openDocument();
    await openTab(page, 'diagram');
    await page.getByTestId('studio.diagram.svg').waitFor();
    for (const id of allPhases(scenario.phases)) await page.getByTestId(`studio.diagram.phase.${id}`).waitFor();
    for (const e of scenario.endings) await page.getByTestId(`studio.diagram.ending.${e.id}`).waitFor();
    const marks = await page.locator('[data-inject]').count();
    expect(marks).toBe(scenario.injects.length);
    // The outline says it in words: every phase title, and a way out of the first phase.
    await page.getByTestId('studio.diagram.outline').locator('summary').click();
    const outline = (await page.getByTestId('studio.diagram.outline').textContent()) ?? '';
    for (const id of allPhases(scenario.phases)) {
      const title = outline.includes(en(findPhase(scenario.phases, id)?.title ?? id));
      expect(title, id).toBe(true);
    }
    await page.getByTestId('studio.diagram.outline').locator('summary').click();
    await look(page, 'studio-diagram');
    await context.close();
  });

  it('dry-runs: cooperative bots reach another ending than hawkish ones; compare policies counts endings', async () => {
    const { page, context } = await openDocument();
    await openTab(page, 'dryrun');
    const cooperative = await dryRun(page, 'cooperative', 1);
    const hawkish = await dryRun(page, 'hawkish', 1);
    expect(scenario.endings.map((e) => e.id)).toContain(cooperative);
    expect(scenario.endings.map((e) => e.id)).toContain(hawkish);
    expect(cooperative).not.toBe(hawkish);
    // The run shows its timeline and its rule ledger.
    expect(await page.getByTestId('studio.dryrun.timeline').locator('li').count()).toBeGreaterThan(5);
    await page.getByTestId('studio.dryrun.ledger').waitFor();
    await look(page, 'studio-dryrun');

    await page.getByTestId('studio.dryrun.seedCount').fill('2');
    await page.getByTestId('studio.dryrun.compare').click();
    const comparison = page.getByTestId('studio.dryrun.comparison');
    await expect.poll(() => comparison.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const counted = await page
      .getByTestId('studio.dryrun.counts')
      .locator('[data-ending]')
      .evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { ending: string } }).dataset.ending));
    expect(counted).toEqual(expect.arrayContaining([cooperative, hawkish]));
    const cells = await page.getByTestId('studio.dryrun.matrix').locator('td[data-ending]').count();
    expect(cells).toBeGreaterThanOrEqual(2 * 8);
    await comparison.scrollIntoViewIfNeeded();
    await look(page, 'studio-compare');
    await context.close();
  });

  it('prints the situation manual, and handouts that hold only their own delegation’s private briefing', async () => {
    const { page, context } = await openDocument();
    await openTab(page, 'print');
    await page.getByTestId('studio.print.guide').waitFor();
    await look(page, 'studio-manual');
    const [mine, other] = scenario.delegations;
    if (!mine || !other) throw new Error('gridlock has delegations');
    const privateOf = (d: typeof mine) => firstWords(en(d.briefing.private));

    await page.getByTestId('studio.print.document').selectOption(`handout:${mine.id}`);
    const preview = (await page.getByTestId('studio.print.preview').textContent()) ?? '';
    expect(preview).toContain(privateOf(mine));
    for (const d of scenario.delegations.slice(1)) expect(preview).not.toContain(privateOf(d));
    await look(page, 'studio-handout');

    const printedHandout = await printDocument(page, `handout:${mine.id}`, 'studio-handout-print');
    expect(printedHandout).toContain(privateOf(mine));
    expect(printedHandout).not.toContain(privateOf(other));
    expect(printedHandout).not.toContain('Phase diagram');

    const printedGuide = await printDocument(page, 'guide', 'studio-manual-print');
    for (const inj of scenario.injects.slice(0, 3)) expect(printedGuide).toContain(en(inj.title));
    for (const e of scenario.endings) expect(printedGuide).toContain(en(e.title));
    await context.close();
  });

  it('fits a 360 px phone, and lays out right to left in Arabic', async () => {
    const { page, context } = await openDocument(PHONE);
    for (const tab of ['diagram', 'dryrun', 'print'] as const) {
      await openTab(page, tab);
      if (tab === 'dryrun') await dryRun(page, 'cooperative', 2);
      const overflow = await horizontalOverflow(page);
      expect(overflow.px, `${tab}: ${overflow.culprits.join(', ')}`).toBe(0);
    }
    // The run survives switching tabs.
    await openTab(page, 'dryrun');
    await page.getByTestId('studio.dryrun.ending').waitFor();
    await look(page, 'studio-dryrun-phone');
    await openTab(page, 'diagram');
    await look(page, 'studio-diagram-phone');
    await context.close();

    const desktop = await openDocument();
    await desktop.page.getByTestId('shell.language').selectOption('ar');
    await openTab(desktop.page, 'dryrun');
    await dryRun(desktop.page, 'hawkish', 1);
    expect(
      await desktop.page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir,
      ),
    ).toBe('rtl');
    await look(desktop.page, 'studio-dryrun-ar');
    await openTab(desktop.page, 'diagram');
    await look(desktop.page, 'studio-diagram-ar');
    await openTab(desktop.page, 'print');
    await look(desktop.page, 'studio-manual-ar');
    await desktop.context.close();
  });
});

function findPhase(ps: readonly Phase[], id: string): Phase | undefined {
  for (const p of ps) {
    if (p.id === id) return p;
    const inner = findPhase(p.phases, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The first words of a text's first substantial line, without Markdown: enough to recognise it on the page. */
function firstWords(markdown: string): string {
  const lines = markdown.split('\n').map((l) =>
    l
      .replace(/^\s*(?:[-*]|\d+\.|#+|>)\s+/, '')
      .replace(/[*_`]/g, '')
      .trim(),
  );
  const line = lines.find((l) => l.length > 30) ?? lines.join(' ');
  return line.split(/\s+/).slice(0, 5).join(' ');
}
