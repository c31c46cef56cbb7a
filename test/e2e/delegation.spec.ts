/**
 * The delegation console in Chromium (gridlock scenario, Veldmark's foreign ministry): the incident feed marks what
 * is new to this seat and forgets it once read; the delegation records an assessment; before a public attribution
 * without prior consultation the console names the confidence-building rule and its cost, the delegation sends it
 * anyway and finds it under "our actions" with the breach; countermeasures without a démarche are blocked and say why.
 * Every section is checked with axe; a 360 px phone shows no horizontal overflow; Arabic lays out right to left.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createExerciseWith,
  eventually,
  feedItems,
  joinSeat,
  openAction,
  openTab,
  seatCode,
  settledPreview,
  tabCount,
} from './delegationPage.ts';
import { mselRow, statusOf } from './facilitatorPage.ts';
import { browserSuite, horizontalOverflow, look, type PageDocument } from './harness.ts';
import { newPage, text } from './pages.ts';

const suite = browserSuite();

async function release(facilitator: Page, inject: string): Promise<void> {
  await mselRow(facilitator, inject).getByTestId('msel.release').click();
  await eventually(() => statusOf(facilitator, inject)).toBe('Released');
}

describe('the delegation console', () => {
  let facilitator: Page;
  let delegation: Page;
  let codes: Awaited<ReturnType<typeof createExerciseWith>>;

  it('seats Veldmark before play, with its situation, briefing and sections', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    codes = await createExerciseWith(facilitator, suite.parley.url, 'gridlock', 'Delegation console drill');
    ({ page: delegation } = await newPage(suite.browser));
    await joinSeat(delegation, suite.parley.url, seatCode(codes, 'Republic of Veldmark · Ministry'), 'Ines Duarte');
    expect(await text(delegation, 'situation.assessment')).toContain('Not assessed');
    expect(await delegation.getByTestId('situation.ladder').getAttribute('data-current')).toBe('0');
    expect(await text(delegation, 'panel.briefing')).toContain('human source inside Kalvos Hosting');
    expect(await delegation.getByTestId('indicator').count()).toBeGreaterThan(0);

    // The tab bar follows the arrow keys.
    await delegation.getByTestId('tab.feed').focus();
    await delegation.keyboard.press('ArrowRight');
    expect(await delegation.getByTestId('tab.actions').getAttribute('aria-selected')).toBe('true');
    expect(await delegation.getByTestId('tabpanel.feed').isHidden()).toBe(true);
    await delegation.keyboard.press('End');
    expect(await delegation.getByTestId('tab.notes').getAttribute('aria-selected')).toBe('true');
    for (const tab of ['notes', 'negotiations', 'channels']) {
      await openTab(delegation, tab);
      await look(delegation, `delegation-section-${tab}`);
    }
    // The delegation waits on the Actions tab, so what comes in stays unread.
    await openTab(delegation, 'actions');

    await facilitator.getByTestId('run.openConsole').click();
    await facilitator.getByTestId('facilitator.home').waitFor();
    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
    await eventually(() => text(delegation, 'shell.status')).toBe('Running');
  });

  it('marks new injects on the feed tab and in the feed, and forgets them once read', async () => {
    await eventually(() => tabCount(delegation, 'feed')).toBe(1);
    await release(facilitator, 'i05_cert_flash');
    await release(facilitator, 'i10_intel_blackfrost');
    await eventually(() => tabCount(delegation, 'feed')).toBe(3);

    await openTab(delegation, 'feed');
    const items = await feedItems(delegation);
    expect(items.map((i) => i.id)).toEqual(['i10_intel_blackfrost', 'i05_cert_flash', 'i00_link_trip']);
    expect(items.every((i) => i.unread)).toBe(true);
    expect(await tabCount(delegation, 'feed')).toBe(0);
    const intel = delegation.locator('[data-testid="feed.item"][data-inject="i10_intel_blackfrost"]');
    expect(await intel.getByTestId('feed.confidence').textContent()).toContain('low');
    const bulletin = delegation.locator('[data-testid="feed.item"][data-inject="i05_cert_flash"]');
    await bulletin.getByTestId('feed.indicators').locator('summary').click();
    expect(await bulletin.getByTestId('feed.indicators').locator('li').count()).toBeGreaterThan(0);
    await look(delegation, 'delegation-feed');

    // Filter by channel: only the intelligence report, and the counts say how many each channel holds.
    expect(await text(delegation, 'feed.filter.intel')).toContain('1');
    await delegation.getByTestId('feed.filter.intel').click();
    expect((await feedItems(delegation)).map((i) => i.id)).toEqual(['i10_intel_blackfrost']);
    await delegation.getByTestId('feed.filter.all').click();

    // Leaving the feed and coming back: read. A reload remembers it.
    await openTab(delegation, 'actions');
    await openTab(delegation, 'feed');
    expect((await feedItems(delegation)).some((i) => i.unread)).toBe(false);
    await delegation.reload();
    await delegation.getByTestId('delegation.home').waitFor();
    await eventually(async () => (await feedItems(delegation)).length).toBe(3);
    expect(await tabCount(delegation, 'feed')).toBe(0);
    expect((await feedItems(delegation)).some((i) => i.unread)).toBe(false);
  });

  it('records an assessment: severity, suspected party, confidence and a note', async () => {
    await delegation.getByTestId('assess.toggle').click();
    await delegation.getByTestId('assess.severity.4').check();
    await delegation.getByTestId('assess.suspect').selectOption('dravonia');
    await delegation.getByTestId('assess.confidence.low').check();
    await delegation.getByTestId('assess.note').fill('Claim is credible; state link unproven');
    await look(delegation, 'delegation-assess');
    await delegation.getByTestId('assess.submit').click();
    await delegation.getByTestId('assess.form').waitFor({ state: 'detached' });
    const latest = await text(delegation, 'assess.latest');
    expect(latest).toContain('Severity 4/5');
    expect(latest).toContain('Suspected: Republic of Dravonia (confidence low)');
    expect(latest).toContain('state link unproven');
  });

  it('names the rule and its cost before a public attribution without consultation, then sends it anyway', async () => {
    await openTab(delegation, 'actions');
    await look(delegation, 'delegation-actions');
    const entry = await openAction(delegation, 'public_attribution');
    expect(await entry.getByTestId('action.rules').textContent()).toContain('Consult before public attribution');
    expect(await entry.getByTestId('action.send').isDisabled()).toBe(true);
    expect(await entry.getByTestId('action.reason').textContent()).toContain('Choose the target first.');

    await entry.getByTestId('action.target.dravonia').check();
    await entry.getByTestId('action.param.confidence.medium').check();
    await entry.getByTestId('action.param.claim.knowingly-allowed').check();
    expect(await settledPreview(entry)).toBe('warn');
    const flag = entry.getByTestId('rule.flag');
    expect(await flag.getByTestId('rule.title').textContent()).toBe('Consult before public attribution');
    const cost = (await flag.getByTestId('rule.cost').textContent()) ?? '';
    expect(cost).toContain('Trust');
    expect(cost).toContain('Republic of Veldmark – Republic of Dravonia');
    expect(cost).toContain('\u22122');
    expect(cost).toContain('Escalation');
    expect(await entry.getByTestId('action.send').textContent()).toBe('Send anyway');
    await look(delegation, 'delegation-actions-warning');

    await entry.getByTestId('action.send').click();
    const outcome = entry.getByTestId('action.outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('breach');
    const ours = delegation.locator('[data-testid="ours.item"][data-action="public_attribution"]');
    await ours.waitFor();
    expect(await ours.textContent()).toContain('Republic of Dravonia');
    expect(await ours.getByTestId('ours.breach').textContent()).toContain('Consult before public attribution');
    await eventually(() => delegation.getByTestId('situation.ladder').getAttribute('data-current')).toBe('5');
    await look(delegation, 'delegation-actions-sent');
  });

  it('says why countermeasures without a démarche are blocked, and cannot send them', async () => {
    const entry = await openAction(delegation, 'countermeasures');
    await entry.getByTestId('action.target.dravonia').check();
    expect(await settledPreview(entry)).toBe('blocked');
    expect(await entry.getByTestId('rule.title').textContent()).toBe('Call to comply before countermeasures');
    expect(await entry.getByTestId('action.send').isDisabled()).toBe(true);
    expect(await entry.getByTestId('action.reason').textContent()).toContain('Cannot be sent');
    await look(delegation, 'delegation-actions-blocked');
    expect(await delegation.locator('[data-testid="ours.item"][data-action="countermeasures"]').count()).toBe(0);
  });

  it('fits a 360 px phone: every section reachable, nothing wider than the screen', async () => {
    const { page: phone } = await newPage(suite.browser, { width: 360, height: 780 });
    await joinSeat(phone, suite.parley.url, seatCode(codes, 'Republic of Veldmark · CERT'), 'Jonas Berg');
    await eventually(async () => (await feedItems(phone)).length).toBe(3);
    await look(phone, 'delegation-phone');
    expect((await horizontalOverflow(phone)).px).toBe(0);
    await openTab(phone, 'actions');
    const entry = await openAction(phone, 'public_attribution');
    await entry.getByTestId('action.target.dravonia').check();
    await entry.getByTestId('action.param.confidence.high').check();
    await entry.getByTestId('action.param.claim.responsible').check();
    // Veldmark has attributed once already; the rule still wants a consultation first.
    expect(await settledPreview(entry)).toBe('warn');
    await look(phone, 'delegation-phone-actions');
    expect(await horizontalOverflow(phone)).toEqual({ px: 0, culprits: [] });
    for (const tab of ['channels', 'negotiations', 'notes']) {
      await openTab(phone, tab);
      expect(await horizontalOverflow(phone), tab).toEqual({ px: 0, culprits: [] });
    }
  });

  it('lays out right to left in Arabic', async () => {
    const { page: arabic } = await newPage(suite.browser);
    await joinSeat(arabic, suite.parley.url, seatCode(codes, 'Kingdom of Halvania · Ministry'), 'Layla Haddad');
    await arabic.getByTestId('shell.language').selectOption('ar');
    await eventually(() =>
      arabic.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir),
    ).toBe('rtl');
    expect(await text(arabic, 'tab.actions')).toBe('الإجراءات');
    await look(arabic, 'delegation-ar');
    await openTab(arabic, 'actions');
    const entry = await openAction(arabic, 'public_attribution');
    await entry.getByTestId('action.target.dravonia').check();
    await entry.getByTestId('action.param.confidence.low').check();
    await entry.getByTestId('action.param.claim.operators-on-territory').check();
    expect(await settledPreview(entry)).toBe('warn');
    await look(arabic, 'delegation-ar-actions');
    expect((await horizontalOverflow(arabic)).px).toBe(0);
  });
});
