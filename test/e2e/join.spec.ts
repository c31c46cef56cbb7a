/**
 * The join flow end to end in Chromium: a facilitator creates an exercise through "run an exercise", two delegations
 * and the facilitator join in separate browser contexts, each sees its own briefing only, the facilitator starts play
 * and the delegations' clocks run, a reload keeps the seat, Arabic lays the page out right to left, a 360 px phone
 * has no horizontal scroll, and axe-core finds nothing serious on any screen. Every screen is saved as a screenshot.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, look, type PageDocument, screenshot, seriousViolations } from './harness.ts';
import { createExerciseThroughUi, type IssuedCode, joinWithCode, newPage, text } from './pages.ts';

const suite = browserSuite();

/** Screenshot the screen and check it with axe. */

describe('joining an exercise', () => {
  let codes: IssuedCode[];
  let facilitator: Page;
  let alpha: Page;
  let bravo: Page;

  it('creates an exercise from the library and lists a code with a QR code for every seat', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    await facilitator.goto(`${suite.parley.url}/`);
    await look(facilitator, '01-home');
    codes = await createExerciseThroughUi(facilitator, suite.parley.url, 'Workshop table 1');
    expect(codes.length).toBeGreaterThanOrEqual(3);
    for (const c of codes) expect(c.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(codes.map((c) => c.role)).toEqual(expect.arrayContaining(['Observer']));
    await look(facilitator, '02-run-codes');
  });

  it('explains impossible and unknown codes', async () => {
    const { page, context } = await newPage(suite.browser);
    await page.goto(`${suite.parley.url}/`);
    await page.getByTestId('join.code').fill('abcd-efg0');
    await page.getByTestId('join.continue').click();
    expect(await text(page, 'join.error')).toContain('0, O, 1 or I');
    await page.goto(`${suite.parley.url}/join/ABCD-EFGH`);
    await page.getByTestId('join.error').waitFor();
    expect(await text(page, 'join.error')).not.toBe('');
    await look(page, '03-join-unknown-code');
    await context.close();
  });

  it('lands two delegations in their own consoles, each with its own briefing only', async () => {
    const seats = codes.filter((c) => c.role.includes(' · ') && !c.role.startsWith('Evaluator'));
    const first = seats[0];
    const second = seats.find((c) => c.role.split(' · ')[0] !== first?.role.split(' · ')[0]);
    if (!first || !second) throw new Error(`two delegations expected in ${JSON.stringify(codes)}`);

    ({ page: alpha } = await newPage(suite.browser));
    ({ page: bravo } = await newPage(suite.browser));
    await joinWithCode(alpha, suite.parley.url, first.code, 'Amira Haddad', 'home');
    // A join link, typed carelessly: lower case, no hyphen.
    await joinWithCode(bravo, suite.parley.url, second.code.replace('-', '').toLowerCase(), 'Bruno Keller', 'link');

    const alphaBriefing = await text(alpha, 'panel.briefing');
    const bravoBriefing = await text(bravo, 'panel.briefing');
    expect(alphaBriefing.length).toBeGreaterThan(40);
    expect(alphaBriefing).not.toBe(bravoBriefing);
    const alphaSecret = alphaBriefing.slice(20, 80);
    const bravoSecret = bravoBriefing.slice(20, 80);
    expect((await alpha.locator('body').textContent()) ?? '').not.toContain(bravoSecret);
    expect((await bravo.locator('body').textContent()) ?? '').not.toContain(alphaSecret);
    expect(await text(alpha, 'shell.role')).toContain(first.role.split(' · ')[0]);
    expect(await text(alpha, 'shell.role')).toContain('Amira Haddad');
    await look(alpha, '04-delegation-console');
  });

  it('lets the facilitator start play, and the delegations see the clock run', async () => {
    await facilitator.getByTestId('run.openConsole').click();
    await facilitator.getByTestId('facilitator.home').waitFor();
    expect(await facilitator.getByTestId('msel.entry').count()).toBeGreaterThan(0);
    await look(facilitator, '05-facilitator-console');
    const before = await text(alpha, 'shell.clock');
    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
    await expect.poll(() => text(alpha, 'shell.status')).toBe('Running');
    await expect.poll(() => text(alpha, 'shell.clock'), { timeout: 5000 }).not.toBe(before);
    const t1 = await text(bravo, 'shell.clock');
    await bravo.waitForTimeout(1200);
    expect(await text(bravo, 'shell.clock')).not.toBe(t1);
    await look(facilitator, '06-facilitator-running');
  });

  it('keeps the seat when a delegation reloads its page', async () => {
    const role = await text(alpha, 'shell.role');
    const briefing = await text(alpha, 'panel.briefing');
    await alpha.reload();
    await alpha.getByTestId('panel.briefing').waitFor();
    await expect.poll(() => alpha.getByTestId('shell.connection').getAttribute('data-status')).toBe('live');
    expect(await text(alpha, 'shell.role')).toBe(role);
    expect(await text(alpha, 'panel.briefing')).toBe(briefing);
    await expect.poll(() => text(alpha, 'shell.status')).toBe('Running');
    await look(alpha, '07-delegation-after-reload');
  });

  it('switches to Arabic, right to left, and remembers the choice', async () => {
    await bravo.getByTestId('shell.language').selectOption('ar');
    await expect
      .poll(() =>
        bravo.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir),
      )
      .toBe('rtl');
    expect(
      await bravo.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.lang),
    ).toBe('ar');
    expect(await text(bravo, 'panel.briefing')).not.toBe('');
    await look(bravo, '08-delegation-arabic');
    await bravo.reload();
    await bravo.getByTestId('panel.briefing').waitFor();
    expect(
      await bravo.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir),
    ).toBe('rtl');
  });

  it('fits a 360 px phone without horizontal scrolling', async () => {
    await alpha.setViewportSize({ width: 360, height: 780 });
    await alpha.getByTestId('panel.briefing').waitFor();
    expect(await horizontalOverflow(alpha)).toEqual({ px: 0, culprits: [] });
    await look(alpha, '09-delegation-phone');
    const { page, context } = await newPage(suite.browser, { width: 360, height: 740 });
    await page.goto(`${suite.parley.url}/`);
    expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
    await look(page, '10-home-phone');
    const observer = codes.find((c) => c.role === 'Observer');
    if (!observer) throw new Error('no observer code');
    await joinWithCode(page, suite.parley.url, observer.code, 'Projector', 'link');
    await page.getByTestId('observer.home').waitFor();
    await screenshot(page, '11-observer-phone');
    expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
