/**
 * The rest of the facilitator's console in Chromium, on Atoll Blackout: every delegation at a glance (who sits where,
 * a rule breach standing out), editing and writing injects, adjusting the world and adjudicating, broadcasting to one
 * delegation, acting as a simulated party, the seats (who is connected, a bot in an empty seat that then plays, a
 * withdrawn code disconnecting its holder), the console at 360 px and in Arabic, and the end of play with the way into
 * the after-action review. Lumara's foreign ministry plays in a browser; Kestria and the Consortium through the SDK.
 * Every section is checked with axe and saved as a screenshot.
 */

import { ColyseusSDK } from '@colyseus/sdk';
import type { DelegationView } from '@parley/shared';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Seat } from '../server/helpers/seat.ts';
import {
  codeRow,
  delegationCard,
  type ListedCode,
  listCodes,
  mselRow,
  openConsoleFor,
  openTab,
  scenarioInject,
  scheduledForAll,
  seatCode,
  variableRow,
} from './facilitatorPage.ts';
import { browserSuite, horizontalOverflow, look, type PageDocument } from './harness.ts';
import { joinWithCode, newPage, text } from './pages.ts';

const suite = browserSuite();
const seats: Seat[] = [];

// Runs before the suite closes the server (after-hooks run last-registered first).
afterAll(async () => {
  for (const s of seats) await s.leave().catch(() => {});
});

const feedTitles = async (page: Page) =>
  (await page.getByTestId('feed.item').locator('.inject__title').allTextContents()).map((t) => t.trim());

const broadcasts = (view: DelegationView) =>
  view.messages.filter((m) => m.channel.kind === 'broadcast').map((m) => m.text);

const SLOW = { timeout: 15_000, interval: 200 };

/** The action ids the "act as a simulated party" panel offers, in order. */
const offeredActions = (panel: Locator) =>
  panel
    .getByTestId('actor.action')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));

describe('the facilitator runs the whole exercise from the console', () => {
  let facilitator: Page;
  let lumara: Page;
  let kestria: Seat;
  let consortium: Seat;
  /** A second control connection (the facilitator token through the SDK), to run the clock faster than the UI offers. */
  let control: Seat;
  let exerciseId: string;
  let token: string;
  let codes: ListedCode[];

  it('sets up Atoll Blackout with Lumara in a browser and two delegations through the SDK, and starts', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    ({ exerciseId, token, codes } = await openConsoleFor(
      facilitator,
      suite.parley.url,
      'atoll-blackout',
      'Full console',
    ));
    ({ page: lumara } = await newPage(suite.browser));
    await joinWithCode(lumara, suite.parley.url, seatCode(codes, 'lumara', 'mfa'), 'Amira Haddad', 'home');
    const sdk = new ColyseusSDK(suite.parley.url);
    kestria = await Seat.join(sdk, exerciseId, { code: seatCode(codes, 'kestria', 'mfa'), name: 'Jonas Berg' });
    consortium = await Seat.join(sdk, exerciseId, { code: seatCode(codes, 'consortium', 'noc') });
    control = await Seat.join(sdk, exerciseId, { facilitatorToken: token, exerciseId });
    seats.push(kestria, consortium, control);

    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
  });

  it('shows every delegation at a glance, and a rule breach stands out on the delegation that made it', async () => {
    await kestria.ok({ type: 'assess', severity: 3, suspect: 'teregal', confidence: 'medium' });
    const attribution = await kestria.ok({
      type: 'signal.send',
      action: 'public_attribution',
      targets: ['teregal'],
      params: { confidence: 'medium', basis: 'technical' },
    });
    expect(attribution.flags.map((f) => f.rule)).toContain('consult_before_attribution');

    const card = delegationCard(facilitator, 'kestria');
    await expect.poll(() => card.getByTestId('control.breach').count()).toBe(1);
    const breach = card.getByTestId('control.breach');
    expect(await breach.getAttribute('data-rule')).toBe('consult_before_attribution');
    expect(await breach.textContent()).toContain('Consult before attributing in public');
    expect(await breach.textContent()).toContain('UN norm b');
    expect(await breach.textContent()).toContain('OSCE CBM 3');
    expect(await card.getByTestId('control.assessment').textContent()).toContain('Severity 3/5');
    expect(await card.getByTestId('control.actions').textContent()).toContain('Teregal');
    expect(await delegationCard(facilitator, 'lumara').getByTestId('control.breach').count()).toBe(0);
    expect(await text(facilitator, 'control.tab.overview')).toContain('1');

    const occupancy = async (d: string) =>
      delegationCard(facilitator, d).getByTestId('control.occupancy').getAttribute('data-occupancy');
    await expect.poll(() => occupancy('lumara')).toBe('people');
    expect(await delegationCard(facilitator, 'lumara').getByTestId('control.occupancy').textContent()).toContain(
      'Amira Haddad',
    );
    expect(await occupancy('forum')).toBe('empty');
    await look(facilitator, 'facilitator-overview');
  });

  it('edits a scheduled inject: a new title and due time, after refusing an empty title', async () => {
    const { id } = await scheduledForAll(facilitator);
    const row = mselRow(facilitator, id);
    await row.getByTestId('msel.edit').click();
    const form = row.getByTestId('msel.editForm');
    // The text opens as the scenario wrote it, ready to be changed.
    const written = scenarioInject(id).body;
    const english = typeof written === 'string' ? written : (written.en ?? '');
    expect((await form.getByTestId('msel.editBody').inputValue()).trim()).toBe(english.trim());
    await form.getByTestId('msel.editTitle').fill('');
    await form.getByTestId('msel.editSave').click();
    expect(await form.getByTestId('control.fieldError').textContent()).toContain('Give a title');
    await form.getByTestId('msel.editTitle').fill('Whole island goes dark');
    await form.getByTestId('msel.editMinute').fill('40');
    await look(facilitator, 'facilitator-inject-edit');
    await form.getByTestId('msel.editSave').click();
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await row.getByTestId('msel.toggle').textContent())?.trim())
      .toBe('Whole island goes dark');
    expect(await row.locator('.row__time').textContent()).toBe('00:40:00');
    expect(await row.getAttribute('data-status')).toBe('scheduled');
  });

  it('writes a new inject to Lumara only: Lumara receives it, Kestria does not', async () => {
    await facilitator.getByTestId('msel.write').click();
    const form = facilitator.getByTestId('inject.writeForm');
    await form.getByTestId('inject.channel').selectOption('intel');
    await form.getByTestId('inject.send').click();
    expect(await form.getByTestId('control.fieldError').allTextContents()).toEqual([
      'Give a title.',
      'Write the text.',
      'An intelligence report needs a confidence.',
    ]);
    await form.getByTestId('inject.channel').selectOption('email');
    await form.getByTestId('inject.title').fill('Harbour master calls the ministry');
    await form.getByTestId('inject.body').fill('The **harbour master** reports a trawler loitering over the cable.');
    await form.getByTestId('inject.to.some').check();
    await form.getByTestId('inject.to.lumara').check();
    await form.getByTestId('inject.send').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => feedTitles(lumara)).toContain('Harbour master calls the ministry');
    await expect.poll(() => kestria.view<DelegationView>().injects.some((i) => i.adhoc)).toBe(false);
  });

  it('adjusts a world variable (the value changes) and records a ruling', async () => {
    await openTab(facilitator, 'world');
    const pressure = variableRow(facilitator, 'public_pressure');
    const before = Number(await pressure.getByTestId('world.value').textContent());
    const target = before === 7 ? 6 : 7;
    await pressure.getByTestId('world.adjust').click();
    const form = pressure.getByTestId('world.adjustForm');
    await form.getByTestId('world.change.how').selectOption('set');
    await form.getByTestId('world.change.amount').fill(String(target));
    await form.getByTestId('world.apply').click();
    expect(await form.getByTestId('control.fieldError').textContent()).toContain('Say why');
    await form.getByTestId('world.reason').fill('Crowds gather at the landing station');
    await form.getByTestId('world.apply').click();
    await expect.poll(() => pressure.getByTestId('world.value').textContent()).toBe(String(target));

    const phases = await facilitator
      .getByTestId('adjudicate.phase')
      .locator('option')
      .evaluateAll((os) => os.map((o) => [(o as unknown as { value: string }).value, o.textContent ?? '']));
    expect(phases.map(([id]) => id)).toEqual(['', 'detection', 'hijack', 'blackout', 'attribution', 'restoration']);
    const label = (id: string) => phases.find(([p]) => p === id)?.[1] ?? '';
    expect(label('detection')).toBe('1 · Dark water: detection (current)');
    expect(label('attribution')).toBe('2 · Fishing for answers: attribution and assistance');
    // A phase inside another is indented under it.
    expect(label('hijack')).toMatch(/^\s+1a · The route hijack/);

    await facilitator.getByTestId('adjudicate.ruling').fill('The repair ship is cleared to sail at dawn.');
    await facilitator.getByTestId('adjudicate.addChange').click();
    await facilitator.getByTestId('adjudicate.change.0.variable').selectOption('connectivity');
    await facilitator.getByTestId('adjudicate.change.0.amount').fill('-10');
    await facilitator.getByTestId('adjudicate.submit').click();
    await expect.poll(() => facilitator.getByTestId('world.ruling').count()).toBe(1);
    expect(await facilitator.getByTestId('world.ruling').textContent()).toContain('cleared to sail at dawn');
    expect(await variableRow(facilitator, 'connectivity').getByTestId('world.value').textContent()).toBe('90');
    await look(facilitator, 'facilitator-world');
  });

  it('broadcasts to Kestria only: Kestria receives it, the Consortium does not', async () => {
    await openTab(facilitator, 'comms');
    await facilitator.getByTestId('broadcast.send').click();
    expect(await facilitator.getByTestId('control.fieldError').textContent()).toContain('Write the message');
    await facilitator.getByTestId('broadcast.text').fill('Kestria: your minister is on the line.');
    await facilitator.getByTestId('broadcast.to.some').check();
    await facilitator.getByTestId('broadcast.to.kestria').check();
    await facilitator.getByTestId('broadcast.send').click();
    await facilitator.getByTestId('broadcast.sent').waitFor();
    await kestria.until((v) => broadcasts(v as DelegationView).includes('Kestria: your minister is on the line.'));

    await facilitator.getByTestId('broadcast.text').fill('All delegations: ten minutes to the next phase.');
    await facilitator.getByTestId('broadcast.to.all').check();
    await facilitator.getByTestId('broadcast.send').click();
    const seen = await consortium.until((v) =>
      broadcasts(v as DelegationView).includes('All delegations: ten minutes to the next phase.'),
    );
    expect(broadcasts(seen as DelegationView)).not.toContain('Kestria: your minister is on the line.');
    await expect.poll(() => facilitator.getByTestId('broadcast.item').count()).toBe(2);
  });

  it('acts as Teregal, a state without a seat: its own actions are offered and targets are checked', async () => {
    const panel = facilitator.getByTestId('panel.actor');
    await panel.getByTestId('actor.party').selectOption('grey_current');
    expect(await panel.getByTestId('actor.none').textContent()).toContain('no action of its own');
    await panel.getByTestId('actor.party').selectOption('teregal');
    expect(await offeredActions(panel)).toEqual([
      'transparency_briefing',
      'joint_investigation',
      'request_consultations',
      'demarche',
      'summon_ambassador',
      'restrictive_measures',
      'stand_down',
    ]);
    await panel.getByTestId('actor.action').selectOption('request_consultations');
    await panel.getByTestId('actor.act').click();
    expect(await panel.getByTestId('actor.form').textContent()).toContain('Choose as many parties as the action needs');
    await panel.getByTestId('actor.target.lumara').check();
    await look(facilitator, 'facilitator-comms');
    await panel.getByTestId('actor.act').click();
    await panel.getByTestId('actor.form').waitFor({ state: 'detached' });
    await expect.poll(() => panel.getByTestId('actor.move').count()).toBe(1);
    expect(await panel.getByTestId('actor.move').textContent()).toContain('Teregal');
    expect(await panel.getByTestId('actor.move').textContent()).toContain('Lumara');
  });

  it('lists the seats: Lumara’s display name as connected, a QR code per code', async () => {
    await openTab(facilitator, 'seats');
    const row = codeRow(facilitator, 'lumara/mfa');
    await row.waitFor();
    const person = row.getByTestId('seats.person');
    await expect.poll(() => person.getAttribute('data-online')).toBe('true');
    expect(await person.count()).toBe(1);
    expect(await person.textContent()).toContain('Amira Haddad');
    expect(await codeRow(facilitator, 'kestria/mfa').getByTestId('seats.person').textContent()).toContain('Jonas Berg');
    expect(await codeRow(facilitator, 'forum/secretariat').getByTestId('seats.people').textContent()).toContain(
      'Nobody connected',
    );
    expect(await row.getByTestId('seats.codeValue').textContent()).toBe(seatCode(codes, 'lumara', 'mfa'));
    await row.locator('summary').click();
    await row.locator('.qr[src]').waitFor();
    await look(facilitator, 'facilitator-seats');
  });

  it('gives the Forum’s empty seat to a bot, which then plays on its own as game time passes', async () => {
    const group = facilitator.locator('[data-testid="seats.bot"][data-delegation="forum"]');
    expect(await facilitator.locator('[data-testid="seats.bot"][data-delegation="lumara"] select').count()).toBe(0);
    await group.getByTestId('seats.policy').selectOption('cooperative');
    await group.getByTestId('seats.giveToBot').click();
    await expect.poll(() => group.getAttribute('data-bot')).toBe('cooperative');
    expect(await group.getByTestId('seats.botPlaying').textContent()).toContain('cooperative');

    await openTab(facilitator, 'overview');
    const forum = delegationCard(facilitator, 'forum');
    expect(await forum.getByTestId('control.occupancy').getAttribute('data-occupancy')).toBe('bot');
    const played = async () =>
      (await forum.getByTestId('control.actions').count()) > 0 ||
      !(await forum.getByTestId('control.assessment').textContent())?.includes('Not assessed');
    expect(await played()).toBe(false);
    // Bots play every two game minutes: let game time run fast for a moment (the console offers up to 4×).
    await control.ok({ type: 'clock.speed', speed: 60 });
    await expect.poll(played, SLOW).toBe(true);
    await control.ok({ type: 'clock.speed', speed: 1 });
    expect(await played()).toBe(true);
  });

  it('works on a 360 px phone: every section fits the width', async () => {
    await facilitator.setViewportSize({ width: 360, height: 800 });
    for (const tab of ['overview', 'world', 'comms', 'seats', 'end'] as const) {
      await openTab(facilitator, tab);
      const overflow = await horizontalOverflow(facilitator);
      expect(overflow.px, `${tab}: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(0);
    }
    // The sections stay on one row that scrolls sideways: the last one, chosen, is scrolled into view.
    const row = await facilitator.getByTestId('control.tabs').boundingBox();
    const last = await facilitator.getByTestId('control.tab.end').boundingBox();
    expect(row && last && [last.x >= row.x - 1, last.x + last.width <= row.x + row.width + 1]).toEqual([true, true]);
    const first = await facilitator.getByTestId('control.tab.overview').boundingBox();
    expect(first?.y).toBe(last?.y);
    await look(facilitator, 'facilitator-phone-end');
    await openTab(facilitator, 'overview');
    await look(facilitator, 'facilitator-phone');
    await facilitator.setViewportSize({ width: 1280, height: 860 });
  });

  it('reads right to left in Arabic, keyboard arrows moving between the sections', async () => {
    await facilitator.getByTestId('shell.language').selectOption('ar');
    await expect
      .poll(() =>
        facilitator.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir),
      )
      .toBe('rtl');
    expect(await text(facilitator, 'control.tab.overview')).toContain('نظرة عامة');
    await look(facilitator, 'facilitator-ar');
    await facilitator.getByTestId('control.tab.overview').focus();
    await facilitator.keyboard.press('ArrowLeft');
    expect(await facilitator.getByTestId('control.tab.world').getAttribute('aria-selected')).toBe('true');
    await facilitator.keyboard.press('Home');
    expect(await facilitator.getByTestId('control.tab.overview').getAttribute('aria-selected')).toBe('true');
    await facilitator.getByTestId('shell.language').selectOption('en');
  });

  it('withdraws Lumara’s code after a confirmation: the browser holding it is disconnected', async () => {
    await openTab(facilitator, 'seats');
    const row = codeRow(facilitator, 'lumara/mfa');
    await row.getByTestId('seats.revoke').click();
    await row.getByTestId('seats.revokeCancel').click();
    expect(await row.getByTestId('seats.revokeConfirmation').count()).toBe(0);
    expect(await lumara.getByTestId('shell.connection').getAttribute('data-status')).toBe('live');

    await row.getByTestId('seats.revoke').click();
    await row.getByTestId('seats.revokeConfirm').click();
    await expect.poll(() => lumara.getByTestId('shell.connection').getAttribute('data-status'), SLOW).toBe('offline');
    await expect.poll(() => row.first().getAttribute('data-status')).toBe('revoked');
    const listed = await listCodes(suite.parley.url, exerciseId, token);
    expect(listed.find((c) => c.code === seatCode(codes, 'lumara', 'mfa'))?.status).toBe('revoked');
  });

  it('ends the exercise after a confirmation, shows the ending and opens the after-action review', async () => {
    await openTab(facilitator, 'end');
    // The scenario's default ending is preselected; the confirmation names the ending chosen.
    expect(await facilitator.getByTestId('end.ending.limping_on').isChecked()).toBe(true);
    expect(await facilitator.getByTestId('end.ending.lifeline').isChecked()).toBe(false);
    expect(await facilitator.getByTestId('end.ending.none').count()).toBe(0);
    await facilitator.getByTestId('end.note').fill('Time is up for this table.');
    await facilitator.getByTestId('end.start').click();
    expect(await text(facilitator, 'end.confirmation')).toContain('closing on “Limping on”');
    await look(facilitator, 'facilitator-end-confirmation');
    await facilitator.getByTestId('end.cancel').click();
    expect(await facilitator.getByTestId('control.ended').count()).toBe(0);
    await facilitator.getByTestId('end.start').click();
    await facilitator.getByTestId('end.confirm').click();
    await facilitator.getByTestId('control.ended').waitFor();
    expect(await facilitator.getByTestId('control.ended').getAttribute('data-ending')).toBe('limping_on');
    expect(await text(facilitator, 'control.endingTitle')).toBe('Limping on');
    expect(await text(facilitator, 'shell.status')).toBe('Ended');
    await look(facilitator, 'facilitator-ended');
    const link = facilitator.getByTestId('control.reviewLink');
    expect(await link.getAttribute('href')).toBe(`/x/${exerciseId}/review`);
    await link.click();
    await facilitator.getByTestId('review.page').waitFor();
  });
});

describe('on Gridlock: parties with actions of their own, the projector, moving play and choosing the ending', () => {
  let facilitator: Page;
  let veldmark: Seat;
  let exerciseId: string;

  it('sets up Gridlock with Veldmark through the SDK, and starts', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    let codes: ListedCode[];
    ({ exerciseId, codes } = await openConsoleFor(facilitator, suite.parley.url, 'gridlock', 'Gridlock control'));
    veldmark = await Seat.join(new ColyseusSDK(suite.parley.url), exerciseId, { code: seatCode(codes, 'veldmark') });
    seats.push(veldmark);
    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
  });

  it('acts as Varant with an action no delegation has: a great-power warning that Veldmark sees', async () => {
    await openTab(facilitator, 'comms');
    const panel = facilitator.getByTestId('panel.actor');
    await panel.getByTestId('actor.party').selectOption('frostbite');
    expect(await offeredActions(panel)).toEqual(['proxy_disruption']);
    await panel.getByTestId('actor.party').selectOption('varant');
    expect(await offeredActions(panel)).toEqual(['great_power_warning', 'summon_ambassador']);
    await panel.getByTestId('actor.action').selectOption('great_power_warning');
    expect(await panel.getByTestId('actor.form').textContent()).toContain('a public warning backing Dravonia');
    await panel.getByTestId('actor.target.veldmark').check();
    await look(facilitator, 'facilitator-actor-gridlock');
    await panel.getByTestId('actor.act').click();
    await panel.getByTestId('actor.form').waitFor({ state: 'detached' });
    await expect.poll(() => panel.getByTestId('actor.move').count()).toBe(1);
    expect(await panel.getByTestId('actor.move').textContent()).toContain('Great-power warning (Varant)');
    const seen = await veldmark.until((v) => v.actions.some((a) => a.action === 'great_power_warning'));
    const warning = seen.actions.find((a) => a.action === 'great_power_warning');
    expect([warning?.by, warning?.targets]).toEqual(['varant', ['veldmark']]);
  });

  it('opens the projector in a new tab, let in by the facilitator token, which leaves the address bar', async () => {
    const link = facilitator.getByTestId('control.projectorLink');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/x/${exerciseId}/projector#token=.+`));
    const [projector] = await Promise.all([facilitator.context().waitForEvent('page'), link.click()]);
    await projector.getByTestId('projector.title').waitFor();
    expect(await text(projector, 'projector.title')).toContain('Gridlock');
    expect(projector.url()).toBe(`${suite.parley.url}/x/${exerciseId}/projector`);
    await projector.close();
  });

  it('moves play to a phase nested in another by adjudication', async () => {
    await openTab(facilitator, 'world');
    await facilitator.getByTestId('adjudicate.ruling').fill('The night draws in: control moves play to crunch time.');
    await facilitator.getByTestId('adjudicate.phase').selectOption('crunch');
    await facilitator.getByTestId('adjudicate.submit').click();
    await veldmark.until((v) => v.phases.some((p) => p.id === 'crunch'));
    await expect.poll(() => text(facilitator, 'shell.phase')).toBe('Phase 3: The cold night › Crunch time');
    const current = facilitator.getByTestId('adjudicate.phase').locator('option[value="crunch"]');
    await expect.poll(() => current.textContent()).toMatch(/^\s+Crunch time \(current\)$/);
  });

  it('ends on an ending other than the default, which everyone then sees', async () => {
    await openTab(facilitator, 'end');
    expect(await facilitator.getByTestId('end.ending.frozen').isChecked()).toBe(true);
    await facilitator.getByTestId('shell.language').selectOption('ar');
    await expect.poll(() => text(facilitator, 'control.tab.end')).toBe('نهاية اللعب');
    await look(facilitator, 'facilitator-end-ar');
    await facilitator.getByTestId('shell.language').selectOption('en');
    await facilitator.getByTestId('end.start').click();
    expect(await text(facilitator, 'end.confirmation')).toContain('Frozen');
    // Choosing another ending withdraws the confirmation, so it always names the ending that will be declared.
    await facilitator.getByTestId('end.ending.compact').check();
    expect(await facilitator.getByTestId('end.confirmation').count()).toBe(0);
    await facilitator.getByTestId('end.start').click();
    expect(await text(facilitator, 'end.confirmation')).toContain('closing on “The Lindholm Compact”');
    await facilitator.getByTestId('end.confirm').click();
    await facilitator.getByTestId('control.ended').waitFor();
    expect(await facilitator.getByTestId('control.ended').getAttribute('data-ending')).toBe('compact');
    const ended = await veldmark.until((v) => v.ending !== null);
    expect(ended.ending?.id).toBe('compact');
  });
});
