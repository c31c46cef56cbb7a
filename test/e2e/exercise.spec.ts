/**
 * A whole exercise in Chromium, from join to review, on the shipped Gridlock scenario: one facilitator, three
 * delegations (Veldmark, Halvania, Dravonia) and an observer, each in its own browser context.
 *
 * Injects reach the right delegations only; Veldmark's bilateral message reaches Halvania and nobody else; a POC ping
 * is acknowledged within its deadline and another is missed and flagged on both sides; a proposal is drafted,
 * amended, accepted and signed; a rule breach appears on the facilitator's console; the facilitator pauses (players
 * are told, and cannot act) and resumes; a delegation page reloaded keeps its seat; the server is restarted
 * mid-exercise, every console comes back by itself and play continues; the facilitator ends play and the after-action
 * review shows it all and exports it. Every screen is saved as a screenshot and checked with axe.
 */
import { readFileSync } from 'node:fs';
import { localize } from '@parley/shared/scenario/localize.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contact, conversationKeys, hotlineItem, openConversationWith, threadTexts } from './commsPage.ts';
import { feedItems, openAction, openTab, settledPreview } from './delegationPage.ts';
import {
  clockSeconds,
  delegationCard,
  type ListedCode,
  openConsoleFor,
  openTab as openControlTab,
  scenarioInject,
  seatCode,
} from './facilitatorPage.ts';
import { browserSuite, look } from './harness.ts';
import { ARRIVAL, amendClause, openNegotiations, proposalPage, proposalState } from './negotiationPage.ts';
import { joinWithCode, newPage, text } from './pages.ts';

const suite = browserSuite();

const VELDMARK = 'Republic of Veldmark';
const HALVANIA = 'Kingdom of Halvania';
const live = (page: Page) =>
  expect.poll(() => page.getByTestId('shell.connection').getAttribute('data-status'), { timeout: 30_000 });
const feedIds = async (page: Page) => (await feedItems(page)).map((i) => i.id);

describe('a whole exercise, from join to review', () => {
  let facilitator: Page;
  let veldmark: Page;
  let halvania: Page;
  let dravonia: Page;
  let observer: Page;
  let exerciseId: string;
  let token: string;
  let codes: ListedCode[];

  it('seats three delegations and an observer, each in its own browser, and starts play', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    ({ exerciseId, token, codes } = await openConsoleFor(facilitator, suite.parley.url, 'gridlock', 'Table 3'));
    ({ page: veldmark } = await newPage(suite.browser));
    ({ page: halvania } = await newPage(suite.browser));
    ({ page: dravonia } = await newPage(suite.browser));
    ({ page: observer } = await newPage(suite.browser, { width: 1280, height: 720 }));
    await joinWithCode(veldmark, suite.parley.url, seatCode(codes, 'veldmark', 'mfa'), 'Amira Haddad', 'link');
    await joinWithCode(halvania, suite.parley.url, seatCode(codes, 'halvania', 'mfa'), 'Bruno Keller', 'link');
    await joinWithCode(dravonia, suite.parley.url, seatCode(codes, 'dravonia', 'mfa'), 'Chiara Ruiz', 'home');
    const observerCode = codes.find((c) => c.role.kind === 'observer' && c.status === 'active')?.code ?? '';
    await joinWithCode(observer, suite.parley.url, observerCode, 'Press gallery', 'link');

    await facilitator.getByTestId('clock.start').click();
    for (const page of [veldmark, halvania, dravonia, observer])
      await expect.poll(() => text(page, 'shell.status'), ARRIVAL).toBe('Running');
    await look(facilitator, 'exercise-01-facilitator-running');
  });

  it('delivers the opening inject to the delegations it is addressed to, and to no one else', async () => {
    const opening = scenarioInject('i00_link_trip');
    expect(opening.to).toEqual(['veldmark', 'halvania', 'rgcc']);
    await expect.poll(() => feedIds(veldmark), ARRIVAL).toContain('i00_link_trip');
    await expect.poll(() => feedIds(halvania), ARRIVAL).toContain('i00_link_trip');
    const title = localize(opening.title, 'en', 'en');
    expect(await veldmark.getByTestId('feed.item').first().textContent()).toContain(title);
    expect(await feedIds(dravonia)).not.toContain('i00_link_trip');
    expect(await dravonia.locator('body').textContent()).not.toContain(title);
    expect(await observer.locator('body').textContent()).not.toContain(title);
    await look(veldmark, 'exercise-02-veldmark-feed');
    await look(dravonia, 'exercise-03-dravonia-feed');
  });

  it("carries Veldmark's bilateral message to Halvania and to nobody else", async () => {
    const secret = 'Our CERT holds disk images from the converter station. Can we compare notes privately?';
    await openTab(veldmark, 'channels');
    await openConversationWith(veldmark, HALVANIA);
    await veldmark.getByTestId('comms.composer.text').fill(secret);
    await veldmark.getByTestId('comms.composer.send').click();
    await expect.poll(() => threadTexts(veldmark), ARRIVAL).toEqual([secret]);

    await openTab(halvania, 'channels');
    const item = halvania.locator('[data-testid="comms.conversation"][data-key="bilateral:veldmark"]');
    await item.waitFor(ARRIVAL);
    await item.click();
    await expect.poll(() => threadTexts(halvania), ARRIVAL).toEqual([secret]);
    await look(halvania, 'exercise-04-halvania-bilateral');

    await openTab(dravonia, 'channels');
    await dravonia.getByTestId('comms.conversation').first().waitFor();
    expect(await conversationKeys(dravonia)).not.toContain('bilateral:veldmark');
    expect(await dravonia.locator('body').textContent()).not.toContain(secret);
    expect(await observer.locator('body').textContent()).not.toContain(secret);
  });

  it('has a POC ping acknowledged within its deadline', async () => {
    const ping = 'Veldmark POC: please confirm this line is staffed around the clock.';
    await contact(veldmark, 'ping', HALVANIA, ping);
    const received = hotlineItem(halvania, 'ping', 'in', ping);
    await received.waitFor(ARRIVAL);
    expect(await received.getAttribute('data-status')).toBe('awaiting');
    await received.getByTestId('hotline.ackText').fill('Halvania POC: staffed 24/7. Standing by.');
    await received.getByTestId('hotline.ack').click();
    const sent = hotlineItem(veldmark, 'ping', 'out', ping);
    await expect.poll(() => sent.getAttribute('data-status'), ARRIVAL).toBe('answered');
    expect(await sent.getByTestId('hotline.status').textContent()).toMatch(/^Acknowledged at/);
    await look(veldmark, 'exercise-05-veldmark-ping-acknowledged');
  });

  it('flags a rule breach on the facilitator console as it happens', async () => {
    await openTab(veldmark, 'actions');
    const entry = await openAction(veldmark, 'public_attribution');
    await entry.getByTestId('action.target.dravonia').check();
    await entry.getByTestId('action.param.confidence.medium').check();
    await entry.getByTestId('action.param.claim.knowingly-allowed').check();
    expect(await settledPreview(entry)).toBe('warn');
    expect(await entry.getByTestId('action.preview').textContent()).toContain('Consult before');
    await look(veldmark, 'exercise-06-veldmark-warned');
    await entry.getByTestId('action.send').click();
    const card = delegationCard(facilitator, 'veldmark');
    await expect.poll(() => card.getByTestId('control.breach').count(), ARRIVAL).toBeGreaterThanOrEqual(1);
    expect(await card.getByTestId('control.breach').first().getAttribute('data-rule')).toBe(
      'consult_before_attribution',
    );
    await look(facilitator, 'exercise-07-facilitator-breach');
  });

  it('flags a POC ping nobody acknowledged in time, on both sides', async () => {
    const ping = 'Dravonia POC: we deny any involvement and request consultations.';
    await contact(dravonia, 'ping', VELDMARK, ping);
    const received = hotlineItem(veldmark, 'ping', 'in', ping);
    await received.waitFor(ARRIVAL);
    await facilitator.getByTestId('clock.jump').click();
    await facilitator.getByTestId('clock.jumpConfirm').click();
    await facilitator.getByTestId('clock.jumpConfirmation').waitFor({ state: 'detached' });
    await expect.poll(() => received.getAttribute('data-status'), ARRIVAL).toBe('missed');
    const sent = hotlineItem(dravonia, 'ping', 'out', ping);
    await expect.poll(() => sent.getAttribute('data-status'), ARRIVAL).toBe('missed');
    await look(veldmark, 'exercise-08-veldmark-ping-missed');
  });

  it('takes a proposal from draft through amendment and acceptance to signature', async () => {
    await openNegotiations(veldmark);
    await veldmark.getByTestId('negotiation.new').click();
    const draft = veldmark.getByTestId('negotiation.draft');
    await draft.getByTestId('negotiation.template.emergency_assistance').check();
    await draft.getByRole('checkbox', { name: HALVANIA }).check();
    await draft.getByTestId('negotiation.send').click();
    await proposalPage(veldmark).waitFor(ARRIVAL);
    await amendClause(veldmark, 1, 'Assistance arrives within 12 hours of a request made through the POC network.');
    expect(await proposalState(veldmark)).toMatchObject({ stage: 'open', version: 2 });

    await openNegotiations(halvania);
    await expect.poll(() => halvania.getByTestId('negotiation.item').count(), ARRIVAL).toBe(1);
    await halvania.getByTestId('negotiation.open').click();
    await expect.poll(async () => (await proposalState(halvania)).version, ARRIVAL).toBe(2);
    await halvania.getByTestId('negotiation.accept').click();
    await veldmark.getByTestId('negotiation.accept').click();
    for (const page of [veldmark, halvania])
      await expect.poll(async () => (await proposalState(page)).stage, ARRIVAL).toBe('agreed');
    await halvania.getByTestId('negotiation.sign').click();
    await expect.poll(async () => (await proposalState(veldmark)).stage, ARRIVAL).toBe('signing');
    await veldmark.getByTestId('negotiation.sign').click();
    for (const page of [veldmark, halvania])
      await expect.poll(async () => (await proposalState(page)).stage, ARRIVAL).toBe('signed');
    await look(halvania, 'exercise-09-halvania-signed');
  });

  it('pauses play (players are told and cannot act) and resumes it', async () => {
    await facilitator.getByTestId('clock.pause').click();
    for (const page of [veldmark, halvania, dravonia])
      await expect.poll(() => text(page, 'shell.status'), ARRIVAL).toBe('Paused');
    const frozen = await clockSeconds(halvania);
    await openTab(halvania, 'notes');
    await halvania.getByTestId('notes.composer.text').fill('Draft line for the minister.');
    await halvania.getByTestId('notes.composer.send').click();
    await expect.poll(() => text(halvania, 'notes.composer.error'), ARRIVAL).toContain('paused');
    expect(await clockSeconds(halvania)).toBe(frozen);
    await look(halvania, 'exercise-10-halvania-paused');
    await facilitator.getByTestId('clock.resume').click();
    for (const page of [veldmark, halvania, dravonia])
      await expect.poll(() => text(page, 'shell.status'), ARRIVAL).toBe('Running');
  });

  it('keeps a delegation in its seat across a page reload', async () => {
    await halvania.reload();
    await live(halvania).toBe('live');
    expect(await text(halvania, 'shell.role')).toContain(HALVANIA);
    await expect.poll(() => feedIds(halvania), ARRIVAL).toContain('i00_link_trip');
    const people = suite.parley.app.registry.get(exerciseId)?.presence.people() ?? [];
    expect(people.filter((p) => p.seat === 'halvania/mfa' && p.online)).toHaveLength(1);
  });

  it('recovers from a server restart mid-exercise: every console comes back and play continues', async () => {
    const before = await clockSeconds(facilitator);
    await suite.restart();
    for (const page of [facilitator, veldmark, halvania, dravonia, observer]) await live(page).toBe('live');
    expect(await clockSeconds(facilitator)).toBeGreaterThanOrEqual(before);
    expect(await text(veldmark, 'shell.status')).toBe('Running');

    const after = 'Back online. Shall we brief the RGCC together at the next session?';
    await openTab(veldmark, 'channels');
    await veldmark.locator('[data-testid="comms.conversation"][data-key="bilateral:halvania"]').click();
    await veldmark.getByTestId('comms.composer.text').fill(after);
    await veldmark.getByTestId('comms.composer.send').click();
    await openTab(halvania, 'channels');
    await halvania.locator('[data-testid="comms.conversation"][data-key="bilateral:veldmark"]').click();
    await expect.poll(() => threadTexts(halvania), ARRIVAL).toContain(after);
    await openTab(halvania, 'negotiations');
    await expect
      .poll(() => halvania.getByTestId('negotiation.item').getAttribute('data-stage'), ARRIVAL)
      .toBe('signed');
    await look(facilitator, 'exercise-11-facilitator-after-restart');
  });

  it('ends play, and the review shows it all and exports it', async () => {
    await openControlTab(facilitator, 'end');
    await facilitator.getByTestId('end.start').click();
    await facilitator.getByTestId('end.confirm').click();
    await facilitator.getByTestId('control.ended').waitFor(ARRIVAL);
    await expect.poll(() => text(veldmark, 'shell.status'), ARRIVAL).toBe('Ended');
    await facilitator.getByTestId('control.reviewLink').click();
    await facilitator.getByTestId('review.timeline').waitFor(ARRIVAL);
    await look(facilitator, 'exercise-12-review');

    const review = (await (
      await fetch(`${suite.parley.url}/api/exercises/${exerciseId}/review`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { review: { timeline: { kind: string; text: string }[]; compliance: unknown } };
    const kinds = new Set(review.review.timeline.map((e) => e.kind));
    for (const kind of ['inject.delivered', 'message', 'ping.acked', 'deadline.missed', 'action', 'proposal.signed'])
      expect(kinds, `the review's timeline has ${kind}`).toContain(kind);
    expect(JSON.stringify(review.review.compliance)).toContain('consult_before_attribution');

    await facilitator.getByTestId('review.filter.delegation').selectOption('dravonia');
    const shown = await facilitator.getByTestId('review.entry').allTextContents();
    expect(shown.join('\n')).toContain('Dravonia');
    expect(shown.join('\n')).not.toContain('compare notes privately');
    const compliance = await facilitator.getByTestId('review.compliance').textContent();
    expect(compliance).toContain('Consult before');

    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByTestId('review.export.json').click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { events: unknown[] };
    expect(exported.events.length).toBeGreaterThan(20);
  });
});
