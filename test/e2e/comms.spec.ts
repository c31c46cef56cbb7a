/**
 * The delegation's communications in Chromium, on "Gridlock" (two seats per delegation, a 5-minute rule for
 * acknowledging pings): Veldmark pings Halvania, which sees the ping with its countdown and acknowledges it, and
 * Veldmark sees "acknowledged" with the reply. A bilateral message reaches Halvania (with an unread count) and not
 * Dravonia. A ping left unanswered until the facilitator jumps the clock past its deadline shows as missed on both
 * sides. A team note written at Veldmark's foreign ministry appears at Veldmark's CERT seat and nowhere else, and a
 * refused note shows the engine's reason. A 360 px phone and Arabic are checked; every screen is screenshot and axe'd.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  contact,
  conversationItem,
  conversationKeys,
  createExerciseWith,
  hotlineItem,
  notes,
  openConversationWith,
  openTab,
  seatCode,
  statusText,
  threadTexts,
} from './commsPage.ts';
import { browserSuite, horizontalOverflow, look, type PageDocument } from './harness.ts';
import { joinWithCode, newPage } from './pages.ts';

const suite = browserSuite();

const VELDMARK = 'Republic of Veldmark';
const HALVANIA = 'Kingdom of Halvania';
const DRAVONIA = 'Republic of Dravonia';
const MFA = 'Ministry of Foreign Affairs';

describe('a delegation’s hotline, channels and team notes', () => {
  let facilitator: Page;
  /** Veldmark's foreign ministry (A), Halvania (B), Dravonia (C), Veldmark's CERT (A's other seat). */
  let veldmark: Page;
  let halvania: Page;
  let dravonia: Page;
  let veldmarkCert: Page;

  it('seats three delegations and a second Veldmark seat, and starts play', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    const codes = await createExerciseWith(facilitator, suite.parley.url, 'gridlock', 'Comms drill');
    const join = async (delegation: string, seat: string, name: string) => {
      const { page } = await newPage(suite.browser);
      await joinWithCode(page, suite.parley.url, seatCode(codes, delegation, seat), name, 'link');
      return page;
    };
    veldmark = await join(VELDMARK, MFA, 'Amira Haddad');
    halvania = await join(HALVANIA, MFA, 'Bruno Keller');
    dravonia = await join(DRAVONIA, MFA, 'Chen Wei');
    veldmarkCert = await join(VELDMARK, 'CERT-VM (national CSIRT)', 'Dana Ortiz');
    await facilitator.getByTestId('run.openConsole').click();
    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
    await expect.poll(() => veldmark.getByTestId('shell.clock').getAttribute('data-running')).toBe('true');
    expect(await veldmark.getByTestId('comms.hotline').textContent()).toContain('Nothing on the hotline yet');
  });

  it('Veldmark pings Halvania, which sees a countdown and acknowledges; Veldmark sees "acknowledged"', async () => {
    const ping = 'Veldmark POC here. Please confirm this channel works.';
    await contact(veldmark, 'ping', HALVANIA, ping);
    const sent = hotlineItem(veldmark, 'ping', 'out', ping);
    await sent.waitFor();
    expect(await statusText(sent)).toMatch(/Kingdom of Halvania must answer within \d+:\d\d/);

    const received = hotlineItem(halvania, 'ping', 'in', ping);
    await received.waitFor();
    expect(await received.getAttribute('data-status')).toBe('awaiting');
    expect(await halvania.getByTestId('hotline.toAnswer').textContent()).toContain(ping);
    expect(await halvania.getByTestId('hotline.toAnswerCount').textContent()).toBe('1 to answer');
    const countdown = received.getByTestId('hotline.countdown');
    expect(await countdown.textContent()).toMatch(/^[45]:\d\d$/);
    expect(await statusText(received)).toContain('Acknowledge POC pings within 5 minutes');
    await look(halvania, 'comms-hotline');

    await received.getByTestId('hotline.ackText').fill('Halvania POC receiving you. Standing by.');
    await received.getByTestId('hotline.ack').click();
    await expect.poll(() => received.getAttribute('data-status')).toBe('answered');
    expect(await halvania.getByTestId('hotline.toAnswer').count()).toBe(0);
    expect(await halvania.getByTestId('hotline.received').textContent()).toContain(ping);

    await expect.poll(() => sent.getAttribute('data-status')).toBe('answered');
    expect(await statusText(sent)).toMatch(/^Acknowledged at \d\d:\d\d:\d\d$/);
    expect(await sent.getByTestId('hotline.reply').textContent()).toContain('Standing by.');
  });

  it('Halvania requests assistance; Veldmark offers it, then declines a second request with a reason', async () => {
    const first = 'Hospitals in Brenna on generators: we need fuel trucks and two mobile generators.';
    await contact(halvania, 'request', VELDMARK, first);
    const received = hotlineItem(veldmark, 'request', 'in', first);
    await received.waitFor();
    expect(await statusText(received)).toMatch(/^Answer within \d+:\d\d/);
    await received.getByTestId('hotline.offer').click();
    expect(await received.getByTestId('hotline.error').textContent()).toBe(
      'Say what you offer before sending the offer.',
    );
    await received.getByTestId('hotline.answerText').fill('Two 2 MW generators leave Orsund within the hour.');
    await received.getByTestId('hotline.offer').click();
    await expect.poll(() => received.getAttribute('data-status')).toBe('answered');
    expect(await hotlineItem(veldmark, 'offer', 'out', 'Two 2 MW generators').count()).toBe(1);

    const request = hotlineItem(halvania, 'request', 'out', first);
    await expect.poll(() => statusText(request)).toMatch(/^Assistance offered at \d\d:\d\d:\d\d$/);
    const offer = hotlineItem(halvania, 'offer', 'in', 'Two 2 MW generators');
    expect(await offer.textContent()).toContain('In answer to a request for assistance');

    const second = 'Could CERT-VM also lend us two incident responders?';
    await contact(halvania, 'request', VELDMARK, second);
    const next = hotlineItem(veldmark, 'request', 'in', second);
    await next.getByTestId('hotline.answerText').fill('Our responders are all committed at Orsund tonight.');
    await next.getByTestId('hotline.decline').click();
    const declined = hotlineItem(halvania, 'request', 'out', second);
    await expect.poll(() => statusText(declined)).toMatch(/^Declined at \d\d:\d\d:\d\d$/);
    expect(await declined.getByTestId('hotline.reason').textContent()).toContain('all committed at Orsund');
  });

  it('a bilateral message reaches Halvania, unread until opened, and not Dravonia', async () => {
    const secret = 'Our CERT has server images from Kalvos. Can we talk privately?';
    await openTab(veldmark, 'channels');
    await openConversationWith(veldmark, HALVANIA);
    expect(await veldmark.getByTestId('comms.threadTitle').textContent()).toBe(HALVANIA);
    expect(await veldmark.getByTestId('comms.thread').textContent()).toContain(
      `Only ${HALVANIA}, your delegation and exercise control see this conversation.`,
    );
    await veldmark.getByTestId('comms.composer.text').fill(secret);
    await veldmark.getByTestId('comms.composer.text').press('Control+Enter');
    await expect.poll(() => threadTexts(veldmark)).toEqual([secret]);
    expect(await veldmark.getByTestId('comms.composer.text').inputValue()).toBe('');
    expect(await conversationItem(veldmark, 'bilateral:halvania').getAttribute('data-unread')).toBe('0');

    await openTab(halvania, 'channels');
    const item = conversationItem(halvania, 'bilateral:veldmark');
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('1');
    expect(await item.textContent()).toContain(VELDMARK);
    await item.click();
    await expect.poll(() => threadTexts(halvania)).toEqual([secret]);
    await expect.poll(() => item.getAttribute('data-unread')).toBe('0');
    await halvania.getByTestId('comms.composer.text').fill('Yes. Send us what you can share.');
    await halvania.getByTestId('comms.composer.send').click();
    await expect.poll(() => threadTexts(veldmark)).toEqual([secret, 'Yes. Send us what you can share.']);
    await look(halvania, 'comms-channels');

    await openTab(dravonia, 'channels');
    await dravonia.getByTestId('comms.conversation').first().waitFor();
    const keys = await conversationKeys(dravonia);
    expect(keys).toContain('public');
    expect(keys).not.toContain('bilateral:veldmark');
    expect(keys).not.toContain('bilateral:halvania');
    expect(await dravonia.locator('body').textContent()).not.toContain(secret);
  });

  it('a ping left unanswered past its deadline shows as missed on both sides', async () => {
    const ping = 'Dravonia POC. We need to discuss the Kalvos servers.';
    await contact(dravonia, 'ping', VELDMARK, ping);
    const received = hotlineItem(veldmark, 'ping', 'in', ping);
    const sent = hotlineItem(dravonia, 'ping', 'out', ping);
    await received.waitFor();
    await sent.waitFor();
    expect(await received.getAttribute('data-status')).toBe('awaiting');

    await facilitator.getByTestId('clock.jump').click();
    await facilitator.getByTestId('clock.jumpConfirm').click();
    await expect.poll(() => received.getAttribute('data-status')).toBe('missed');
    await expect.poll(() => sent.getAttribute('data-status')).toBe('missed');
    expect(await statusText(received)).toMatch(/^Deadline missed at \d\d:\d\d:\d\d\. You can still answer\.$/);
    expect(await statusText(sent)).toMatch(/^Missed: Republic of Veldmark did not answer by \d\d:\d\d:\d\d\.$/);
    // Late is better than never: the acknowledgement is still there to send.
    expect(await received.getByTestId('hotline.ack').count()).toBe(1);
  });

  it('a team note from one Veldmark seat appears at the other, and nowhere else', async () => {
    const note = 'MFA: do not name Dravonia before we have consulted them.';
    await openTab(veldmark, 'notes');
    expect(await veldmark.getByTestId('notes.privacy').textContent()).toContain(
      'only its seats and exercise control see these notes',
    );
    await veldmark.getByTestId('notes.composer.text').fill(note);
    await veldmark.getByTestId('notes.composer.send').click();
    await expect.poll(() => notes(veldmark)).toEqual([{ from: `${MFA} (you)`, text: note }]);

    await openTab(veldmarkCert, 'notes');
    await expect.poll(() => notes(veldmarkCert)).toEqual([{ from: MFA, text: note }]);
    await look(veldmarkCert, 'comms-notes');

    await openTab(halvania, 'notes');
    expect(await notes(halvania)).toEqual([]);
    expect(await halvania.locator('body').textContent()).not.toContain(note);
    await openTab(dravonia, 'notes');
    expect(await dravonia.locator('body').textContent()).not.toContain(note);
  });

  it('shows the engine’s refusal next to the note that was refused', async () => {
    await facilitator.getByTestId('clock.pause').click();
    await expect.poll(() => veldmarkCert.getByTestId('shell.clock').getAttribute('data-running')).toBe('false');
    await veldmarkCert.getByTestId('notes.composer.text').fill('CERT: images are ready.');
    await veldmarkCert.getByTestId('notes.composer.send').click();
    expect(await veldmarkCert.getByTestId('notes.composer.error').textContent()).toBe('The exercise is paused');
    expect(await veldmarkCert.getByTestId('notes.composer.text').inputValue()).toBe('CERT: images are ready.');
    // In French, the same refusal reads in French (the engine's key, not its English sentence).
    await veldmarkCert.getByTestId('shell.language').selectOption('fr');
    await veldmarkCert.getByTestId('notes.composer.send').click();
    await expect
      .poll(() => veldmarkCert.getByTestId('notes.composer.error').textContent())
      .toBe('L’exercice est en pause');
    await look(veldmarkCert, 'comms-refused-fr');
    await veldmarkCert.getByTestId('shell.language').selectOption('ar');
    await expect.poll(() => veldmarkCert.getByTestId('notes.composer.error').textContent()).toBe('التمرين متوقف مؤقتًا');
    await look(veldmarkCert, 'comms-refused-ar');
    await veldmarkCert.getByTestId('shell.language').selectOption('en');
    await facilitator.getByTestId('clock.resume').click();
    await expect.poll(() => veldmarkCert.getByTestId('shell.clock').getAttribute('data-running')).toBe('true');
    await veldmarkCert.getByTestId('notes.composer.send').click();
    await expect.poll(async () => (await notes(veldmark)).map((n) => n.text)).toContain('CERT: images are ready.');
    expect(await veldmarkCert.getByTestId('notes.composer.error').count()).toBe(0);
  });

  it('works on a 360 px phone: the list, then a conversation with a way back', async () => {
    await halvania.setViewportSize({ width: 360, height: 780 });
    await openTab(halvania, 'channels');
    // Halvania had a conversation open: the phone shows it, with a way back to the list.
    await halvania.getByTestId('comms.back').click();
    await conversationItem(halvania, 'public').waitFor();
    expect(await halvania.getByTestId('comms.thread').count()).toBe(0);
    await conversationItem(halvania, 'bilateral:veldmark').click();
    await halvania.getByTestId('comms.thread').waitFor();
    expect(await halvania.getByTestId('comms.conversation').count()).toBe(0);
    expect((await horizontalOverflow(halvania)).px).toBe(0);
    await look(halvania, 'comms-phone');
    await halvania.getByTestId('comms.back').click();
    const focused = () =>
      conversationItem(halvania, 'bilateral:veldmark').evaluate(
        (e) => e === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      );
    await expect.poll(focused).toBe(true);
    expect((await horizontalOverflow(halvania)).px).toBe(0);
  });

  it('reads right to left in Arabic', async () => {
    await dravonia.getByTestId('shell.language').selectOption('ar');
    await expect
      .poll(() =>
        dravonia.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir),
      )
      .toBe('rtl');
    expect(await dravonia.getByTestId('comms.hotline').textContent()).toContain('الخط الساخن لنقاط الاتصال');
    await openTab(dravonia, 'channels');
    expect(await dravonia.getByTestId('comms.channels').textContent()).toContain('القناة العامة');
    expect((await horizontalOverflow(dravonia)).px).toBe(0);
    await look(dravonia, 'comms-ar');
    await dravonia.getByTestId('shell.language').selectOption('en');
  });
});
