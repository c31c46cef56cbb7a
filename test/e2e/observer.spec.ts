/**
 * The public picture in Chromium: an observer joins and sees the public picture; the projector, opened from the
 * observer console's link, shows the scenario, the game clock and the join QR; when the facilitator releases a
 * private inject and then a public one, the public one reaches the projector (through the live feed, without a
 * reload) and the observer console, the private one neither. A projector opened with the facilitator token finds the
 * observer code for its QR; one without access says how to get it. Screens at 1920×1080, 1280×720 and in Arabic are
 * saved as screenshots and checked with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mselRow, scenarioInject } from './facilitatorPage.ts';
import { browserSuite, horizontalOverflow, look, type PageDocument } from './harness.ts';
import { createExerciseThroughUi, joinWithCode, newPage, text } from './pages.ts';

const suite = browserSuite();

const PUBLIC_CHANNELS = ['news', 'social'];

/** A scheduled MSEL entry: public (news or social) or for some delegations only. */
async function scheduled(page: Page, kind: 'public' | 'private'): Promise<{ id: string; title: string }> {
  const rows = page.locator('[data-testid="msel.entry"][data-status="scheduled"]');
  for (let i = 0; i < (await rows.count()); i++) {
    const id = (await rows.nth(i).getAttribute('data-inject')) ?? '';
    const inject = scenarioInject(id);
    const isPublic = PUBLIC_CHANNELS.includes(inject.channel);
    if (isPublic !== (kind === 'public') || (kind === 'private' && inject.to === 'all')) continue;
    const title = (await rows.nth(i).getByTestId('msel.toggle').textContent())?.trim() ?? '';
    return { id, title };
  }
  throw new Error(`no scheduled ${kind} inject in the MSEL`);
}

const projectorItems = (page: Page) =>
  page
    .getByTestId('projector.item')
    .evaluateAll((items) =>
      items.map((i) => (i as unknown as { getAttribute(n: string): string | null }).getAttribute('data-inject') ?? ''),
    );

describe('the observer console and the projector', () => {
  let facilitator: Page;
  let observer: Page;
  let projector: Page;
  let exerciseUrl: string;
  let observerCode: string;
  let facilitatorToken: string;

  it('shows the observer the public picture, with a link to the projector', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    const codes = await createExerciseThroughUi(facilitator, suite.parley.url, 'Projector drill');
    facilitatorToken = await text(facilitator, 'run.token');
    observerCode = codes.find((c) => c.role === 'Observer')?.code ?? '';
    expect(observerCode).not.toBe('');

    ({ page: observer } = await newPage(suite.browser));
    await joinWithCode(observer, suite.parley.url, observerCode, 'Visiting official', 'link');
    await observer.getByTestId('observer.home').waitFor();
    exerciseUrl = observer.url();
    await look(observer, 'observer-console');
  });

  it('opens the projector from that link: title, clock and the join QR of the observer code', async () => {
    const href = (await observer.getByTestId('observer.projector').getAttribute('href')) ?? '';
    expect(href).toContain('/projector#code=');
    ({ page: projector } = await newPage(suite.browser, { width: 1920, height: 1080 }));
    await projector.goto(href);
    await projector.getByTestId('projector.title').waitFor();
    expect(await text(projector, 'projector.title')).toBe(await text(observer, 'shell.title'));
    expect(await text(projector, 'projector.clock')).toMatch(/^\d\d:\d\d:\d\d/);
    // The code is kept for the tab but no longer shown in the address bar.
    expect(new URL(projector.url()).hash).toBe('');
    const qr = projector.getByTestId('projector.qr');
    await qr.locator('img.qr[src]').waitFor();
    expect(await qr.getAttribute('data-link')).toMatch(new RegExp(`/join/${observerCode}$`));
    expect(await text(projector, 'projector.code')).toBe(observerCode);
    expect(await projector.getByTestId('projector.connection').getAttribute('data-status')).toBe('live');
  });

  it('shows a public inject live on the projector and the console, and never a private one', async () => {
    await facilitator.getByTestId('run.openConsole').click();
    await facilitator.getByTestId('facilitator.home').waitFor();
    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
    await expect.poll(() => projector.getByTestId('projector.status').textContent()).toBe('Running');

    const secret = await scheduled(facilitator, 'private');
    const news = await scheduled(facilitator, 'public');
    const seqBefore = Number(await projector.getByTestId('projector.page').getAttribute('data-seq'));
    await mselRow(facilitator, secret.id).getByTestId('msel.release').click();
    await expect.poll(() => mselRow(facilitator, secret.id).getAttribute('data-status')).toBe('released');
    await mselRow(facilitator, news.id).getByTestId('msel.release').click();

    // Updates arrive in order: once the public inject is shown, the private release has been through as well.
    await expect.poll(() => projectorItems(projector)).toContain(news.id);
    expect(await projectorItems(projector)).not.toContain(secret.id);
    expect(Number(await projector.getByTestId('projector.page').getAttribute('data-seq'))).toBeGreaterThan(seqBefore);
    const wall = (await projector.getByTestId('projector.page').textContent()) ?? '';
    expect(wall).toContain(news.title);
    expect(wall).not.toContain(secret.title);
    await expect.poll(() => projector.getByTestId('projector.clock').getAttribute('data-running')).toBe('true');

    const feedTitles = async () =>
      (await observer.getByTestId('feed.item').locator('.inject__title').allTextContents()).map((t) => t.trim());
    await expect.poll(feedTitles).toContain(news.title);
    expect(await feedTitles()).not.toContain(secret.title);
    expect(observer.url()).toBe(exerciseUrl);
    await look(observer, 'observer-console');
    await look(projector, 'projector-1080p');
    expect((await horizontalOverflow(projector)).px).toBe(0);
  });

  it('reads at 1280×720 and in Arabic, and a reload keeps it open', async () => {
    await projector.setViewportSize({ width: 1280, height: 720 });
    expect((await horizontalOverflow(projector)).px).toBe(0);
    await look(projector, 'projector-720p');

    await projector.getByTestId('shell.language').selectOption('ar');
    await expect
      .poll(() =>
        projector.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir),
      )
      .toBe('rtl');
    await projector.reload();
    await projector.getByTestId('projector.item').first().waitFor();
    expect(
      await projector.evaluate(
        () => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir,
      ),
    ).toBe('rtl');
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await look(projector, 'projector-ar');
  });

  it("finds the observer code for the QR with the facilitator's token", async () => {
    const { page, context } = await newPage(suite.browser, { width: 1280, height: 720 });
    const id = new URL(exerciseUrl).pathname.split('/')[2] ?? '';
    await page.goto(`${suite.parley.url}/x/${id}/projector#token=${encodeURIComponent(facilitatorToken)}`);
    await page.getByTestId('projector.qr').locator('img.qr[src]').waitFor();
    expect(await text(page, 'projector.code')).toBe(observerCode);
    await context.close();
  });

  it('says how to get access when it has none, and takes an observer code', async () => {
    const { page, context } = await newPage(suite.browser);
    const id = new URL(exerciseUrl).pathname.split('/')[2] ?? '';
    await page.goto(`${suite.parley.url}/x/${id}/projector`);
    await page.getByTestId('projector.noAccess').waitFor();
    await look(page, 'projector-no-access');
    await page.getByTestId('projector.codeInput').fill(observerCode.toLowerCase());
    await page.getByTestId('projector.codeSubmit').click();
    await page.getByTestId('projector.title').waitFor();
    await context.close();
  });
});
