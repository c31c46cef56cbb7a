/**
 * The facilitator's MSEL and clock in Chromium: a facilitator creates and starts an exercise, opens an MSEL row to
 * read its notes, releases a scheduled inject (a delegation sees it in its feed at once), skips another (it shows
 * "Skipped" and never reaches the delegation), sets the clock to 2× (both consoles show it and time runs twice as
 * fast), and jumps five minutes after a confirmation. Every screen is saved as a screenshot and checked with axe.
 */

import { localize } from '@parley/shared/scenario/localize.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clockSeconds, mselIds, mselRow, scenarioInject, scheduledForAll, statusOf } from './facilitatorPage.ts';
import { browserSuite, look } from './harness.ts';
import { createExerciseThroughUi, joinWithCode, newPage, text } from './pages.ts';

const suite = browserSuite();

const feedTitles = async (page: Page) =>
  (await page.getByTestId('feed.item').locator('.inject__title').allTextContents()).map((t) => t.trim());

describe('the facilitator runs the MSEL and the clock', () => {
  let facilitator: Page;
  let delegation: Page;
  let released: { id: string; title: string };

  it('starts the exercise with a delegation seated', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    const codes = await createExerciseThroughUi(facilitator, suite.parley.url, 'MSEL drill');
    const seat = codes.find((c) => c.role.includes(' · ') && !c.role.startsWith('Evaluator'));
    if (!seat) throw new Error(`a delegation seat expected in ${JSON.stringify(codes)}`);
    ({ page: delegation } = await newPage(suite.browser));
    await joinWithCode(delegation, suite.parley.url, seat.code, 'Amira Haddad', 'home');

    await facilitator.getByTestId('run.openConsole').click();
    await facilitator.getByTestId('facilitator.home').waitFor();
    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
    await expect
      .poll(() => facilitator.locator('[data-testid="msel.entry"][data-status="scheduled"]').count())
      .toBeGreaterThan(1);
    await look(facilitator, 'facilitator-01-running');
  });

  it('opens an MSEL row to show the expected action, the objective and any notes', async () => {
    const id = (await mselIds(facilitator)).find((i) => scenarioInject(i).expects !== undefined);
    if (!id) throw new Error('an MSEL entry with an expected action');
    const inject = scenarioInject(id);
    const row = mselRow(facilitator, id);
    const toggle = row.getByTestId('msel.toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await row.getByTestId('msel.details').count()).toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const expects = (await row.getByTestId('msel.expects').textContent()) ?? '';
    expect(expects).toContain(localize(inject.expects?.text ?? '', 'en', 'en'));
    for (const action of inject.expects?.actions ?? []) expect(expects).toContain(action);
    if (inject.objective) expect(await row.getByTestId('msel.objective').textContent()).toContain(inject.objective);
    if (inject.notes) expect(await row.getByTestId('msel.notes').textContent()).not.toBe('');
    else expect(await row.getByTestId('msel.notes').count()).toBe(0);
    await look(facilitator, 'facilitator-02-msel-row-open');
    await toggle.click();
    expect(await row.getByTestId('msel.details').count()).toBe(0);
    released = await scheduledForAll(facilitator);
  });

  it('releases a scheduled inject now, and the delegation sees it in its feed', async () => {
    expect(await feedTitles(delegation)).not.toContain(released.title);
    await mselRow(facilitator, released.id).getByTestId('msel.release').click();
    await expect.poll(() => statusOf(facilitator, released.id)).toBe('Released');
    expect(await mselRow(facilitator, released.id).getByTestId('msel.release').count()).toBe(0);
    await expect.poll(() => feedTitles(delegation)).toContain(released.title);
    await look(delegation, 'facilitator-03-delegation-sees-release');
  });

  it('skips another scheduled inject: it shows "Skipped" and never reaches the delegation', async () => {
    const skipped = await scheduledForAll(facilitator, [released.id]);
    await mselRow(facilitator, skipped.id).getByTestId('msel.skip').click();
    await expect.poll(() => statusOf(facilitator, skipped.id)).toBe('Skipped');
    expect(await mselRow(facilitator, skipped.id).getByTestId('msel.skip').count()).toBe(0);
    expect(await feedTitles(delegation)).not.toContain(skipped.title);
    await look(facilitator, 'facilitator-04-skipped');
  });

  it('sets the clock to 2×: both consoles show it and game time runs twice as fast', async () => {
    await facilitator.getByTestId('clock.speed.2').click();
    await expect.poll(() => facilitator.getByTestId('clock.speed.2').getAttribute('aria-pressed')).toBe('true');
    expect(await facilitator.getByTestId('clock.speed.1').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => text(facilitator, 'shell.clock')).toContain('×2');
    await expect.poll(() => text(delegation, 'shell.clock')).toContain('×2');
    const before = await clockSeconds(delegation);
    await delegation.waitForTimeout(3000);
    const gained = (await clockSeconds(delegation)) - before;
    expect(gained).toBeGreaterThanOrEqual(5);
    expect(gained).toBeLessThanOrEqual(7);
    await look(facilitator, 'facilitator-05-speed-2x');
  });

  it('jumps five minutes only after a confirmation', async () => {
    await facilitator.getByTestId('clock.jump').click();
    await facilitator.getByTestId('clock.jumpConfirmation').waitFor();
    await look(facilitator, 'facilitator-06-jump-confirmation');
    await facilitator.getByTestId('clock.jumpCancel').click();
    expect(await facilitator.getByTestId('clock.jumpConfirmation').count()).toBe(0);

    const before = await clockSeconds(facilitator);
    await facilitator.getByTestId('clock.jump').click();
    await facilitator.getByTestId('clock.jumpConfirm').click();
    await facilitator.getByTestId('clock.jumpConfirmation').waitFor({ state: 'detached' });
    expect((await clockSeconds(delegation)) - before).toBeGreaterThanOrEqual(300);
    await look(facilitator, 'facilitator-07-after-jump');
  });
});
