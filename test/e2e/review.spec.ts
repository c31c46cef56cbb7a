/**
 * The after-action review in Chromium. A short exercise of the shipped "gridlock" scenario is played through the
 * engine (a ping answered in time, one left unanswered, a bilateral message, a control-only adjustment, a public
 * attribution without prior contact, timed injects and phase changes, an evaluator's observation, the end) and
 * stored as the server stores a live one. The facilitator opens the review: the timeline lists the events and a
 * delegation filter narrows it, the compliance table shows deadlines met and missed and the breach with its norm and
 * CBM tags, the charts draw escalation and trust, the replay moved back shows an earlier clock and phase, the CSV and
 * JSON exports download with content, and the print stylesheet gives a clean report. An evaluator's review is
 * restricted; a tab without a seat is told why. axe on every screen, 360 px phones, Arabic.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileExercise } from '@parley/server/host/compile.ts';
import { ExerciseSession } from '@parley/shared/engine/session.ts';
import { viewFor } from '@parley/shared/engine/view.ts';
import type { Command } from '@parley/shared/protocol/commands.ts';
import type { Role } from '@parley/shared/protocol/roles.ts';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, SCREENSHOTS, screenshot, seriousViolations } from './harness.ts';
import { newPage, text } from './pages.ts';

const suite = browserSuite();

/** The page's axe check, and a screenshot: of one section when given (a report is long), else the whole page. */
async function look(page: Page, name: string, section?: Locator | 'viewport'): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (section === 'viewport') await page.screenshot({ path });
  else if (section) await section.screenshot({ path });
  else await screenshot(page, name);
  await parts(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** With REVIEW_PARTS=<dir>: the whole page in viewport-high slices too, to look at a long report closely. */
async function parts(page: Page, name: string): Promise<void> {
  const dir = process.env.REVIEW_PARTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 860 };
  const height = await page.locator('body').evaluate((b) => (b as unknown as { scrollHeight: number }).scrollHeight);
  const slice = viewport.width < 600 ? 1400 : 1100;
  for (let i = 0, y = 0; y < height && i < 12; i++, y += slice) {
    const clip = { x: 0, y, width: viewport.width, height: Math.min(slice, height - y) };
    await page.screenshot({ path: join(dir, `${name}-${i}.png`), clip, fullPage: true });
  }
}

type Played = { id: string; token: string; evaluator: string; flash: number };

/** Creates a gridlock exercise over HTTP, plays a short log through the engine, stores it and ends it. */
async function playExercise(): Promise<Played> {
  const res = await fetch(`${suite.parley.url}/api/exercises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: 'gridlock', label: 'Review drill', seed: 11 }),
  });
  expect(res.status).toBe(201);
  const created = (await res.json()) as {
    exercise: { id: string };
    facilitatorToken: string;
    codes: { code: string; role: Role }[];
  };
  const id = created.exercise.id;
  const record = await suite.parley.app.store.getExercise(id);
  if (!record) throw new Error('the exercise is stored');
  const session = new ExerciseSession(compileExercise(record), record.options);
  const seat = (delegation: string): Role => {
    const code = created.codes.find((c) => c.role.kind === 'delegation' && c.role.delegation === delegation);
    if (!code) throw new Error(`a seat of ${delegation}`);
    return code.role;
  };
  const evaluator = created.codes.find((c) => c.role.kind === 'evaluator');
  if (!evaluator) throw new Error('an evaluator code');
  const facilitator: Role = { kind: 'facilitator' };
  const run = (role: Role, command: Command) => {
    const result = session.submit(role, command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.refusal.message}`);
    return result;
  };
  const [veldmark, halvania, dravonia] = [seat('veldmark'), seat('halvania'), seat('dravonia')];

  run(facilitator, { type: 'exercise.start' });
  session.advanceBy(2);
  const ping = run(veldmark, { type: 'poc.ping', to: 'halvania', text: 'Please confirm receipt of our notice' })
    .events[0]?.id;
  if (ping === undefined) throw new Error('the ping has an id');
  session.advanceBy(2);
  run(halvania, { type: 'poc.ack', ping, text: 'Received, looking into it' });
  run(dravonia, { type: 'poc.ping', to: 'veldmark', text: 'Dravonia requests a call' });
  run(veldmark, { type: 'message.send', channel: { kind: 'bilateral', with: 'halvania' }, text: 'REVIEW-DM' });
  run(facilitator, { type: 'variable.adjust', var: 'public_pressure', add: 1, reason: 'REVIEW-CTL' });
  session.advanceBy(9);
  run(veldmark, {
    type: 'signal.send',
    action: 'public_attribution',
    targets: ['dravonia'],
    params: { confidence: 'medium', claim: 'responsible' },
  });
  run(evaluator.role, {
    type: 'observation.record',
    text: 'Veldmark named Dravonia before any private contact.',
    delegation: 'veldmark',
    rating: 'not-met',
  });
  session.advanceBy(10);
  run(facilitator, { type: 'exercise.end' });

  // The CERT flash (5 minutes in) went to Veldmark and the regional CERT only: the event that delivered it.
  const flash = viewFor(session.compiled, session.state, facilitator).injects.find((d) => d.id === 'i05_cert_flash');
  if (!flash) throw new Error('the CERT flash was delivered');

  await suite.parley.app.store.appendEvents(id, session.events);
  await suite.parley.app.store.markEnded(id, Date.now());
  return { id, token: created.facilitatorToken, evaluator: evaluator.code, flash: flash.seq };
}

/** Opens the review in a tab that holds `credentials` as its seat (what joining or creating leaves behind). */
async function openReview(
  page: Page,
  id: string,
  credentials: { facilitatorToken: string } | { code: string } | null,
  language = 'en',
): Promise<void> {
  await page.goto(`${suite.parley.url}/`);
  await page.evaluate(
    ([key, seat, lang]) => {
      const g = globalThis as unknown as {
        sessionStorage: { setItem(k: string, v: string): void };
        localStorage: { setItem(k: string, v: string): void };
      };
      if (seat) g.sessionStorage.setItem(key as string, seat as string);
      g.localStorage.setItem('parley.language', lang as string);
    },
    [`parley.seat.${id}`, credentials ? JSON.stringify({ credentials, name: 'Reviewer' }) : null, language],
  );
  await page.goto(`${suite.parley.url}/x/${id}/review`);
  await page.locator('[data-testid="review.page"]:not([data-state="loading"])').waitFor();
}

/** The replay, as Veldmark, at the moment the CERT flash reached it (exact mode). */
async function showFlashAsVeldmark(page: Page, flash: number): Promise<void> {
  await page.locator('#review-replay').scrollIntoViewIfNeeded();
  await page.locator('[data-testid="review.replay.mode"][data-mode="exact"]').waitFor();
  await page.getByTestId('review.replay.role').selectOption('d:veldmark');
  await page.getByTestId('review.replay.range').fill(String(flash));
  await page.locator('[data-testid="review.replay.feed"] li[data-inject="i05_cert_flash"] details[open]').waitFor();
}

const entryTexts = (page: Page) => page.getByTestId('review.entry').locator('.event__text').allTextContents();

describe('the after-action review', () => {
  let x: Played;
  let page: Page;

  it('opens as a report for the facilitator, with the exercise and the summary', async () => {
    x = await playExercise();
    ({ page } = await newPage(suite.browser));
    await openReview(page, x.id, { facilitatorToken: x.token });
    await page.getByTestId('review.report').waitFor();
    expect(await text(page, 'review.title')).toContain('Gridlock');
    expect(await text(page, 'review.label')).toBe('Review drill');
    expect(await text(page, 'review.duration')).toBe('00:23:00');
    const figures = page.getByTestId('review.figures');
    expect(await figures.locator('[data-figure="deadlinesMet"] dd').textContent()).toBe('1');
    expect(await figures.locator('[data-figure="deadlinesMissed"] dd').textContent()).toBe('1');
    expect(await figures.locator('[data-figure="breaches"] dd').textContent()).toBe('1');
    expect(await page.getByTestId('review.restricted').count()).toBe(0);
    await look(page, 'review-top', 'viewport');
  });

  it('lists every event in the timeline; a delegation filter narrows it', async () => {
    const all = await entryTexts(page);
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((t) => t.includes('REVIEW-DM'))).toBe(true);
    expect(all.some((t) => t.includes('REVIEW-CTL'))).toBe(true);
    const observation = page.getByTestId('review.entry.observation');
    expect(await observation.count()).toBe(1);
    expect(await observation.textContent()).toContain('Veldmark named Dravonia');

    await page.getByTestId('review.filter.delegation').selectOption('dravonia');
    await expect.poll(async () => (await entryTexts(page)).length).toBeLessThan(all.length);
    const dravonia = await entryTexts(page);
    expect(dravonia.length).toBeGreaterThan(0);
    expect(dravonia.some((t) => t.includes('REVIEW-DM'))).toBe(false);
    expect(dravonia).toContain('pinged the contact point of Republic of Veldmark');
    expect(await text(page, 'review.timeline.count')).toBe(`${dravonia.length} of ${all.length} entries`);

    await page.getByTestId('review.filter.delegation').selectOption('');
    await page.getByTestId('review.filter.channel').selectOption('bilateral');
    await expect.poll(() => entryTexts(page)).toEqual([expect.stringContaining('REVIEW-DM')]);
    await page.getByTestId('review.filter.channel').selectOption('');
    await look(page, 'review-timeline', page.locator('#review-timeline'));
  });

  it('draws escalation and trust over game time, with data', async () => {
    const escalation = page.locator('[data-testid="review.chart"][data-variable="escalation"]');
    const trust = page.locator('[data-testid="review.chart"][data-variable="trust"]');
    for (const chart of [escalation, trust]) {
      await chart.waitFor();
      expect(Number(await chart.getAttribute('data-lines'))).toBeGreaterThan(1); // overall and a pair that moved
      const d = (await chart.getByTestId('review.chart.line').first().getAttribute('d')) ?? '';
      expect(d).toMatch(/^M[\d.]+ [\d.]+.*H/);
    }
    // Trust between Veldmark and Dravonia fell with the attribution without contact: its own line.
    expect(await trust.locator('.chart__legend').textContent()).toMatch(/Veldmark.*Dravonia|Dravonia.*Veldmark/);
    await trust.locator('summary').click();
    expect(await trust.locator('tbody tr').count()).toBeGreaterThan(1);
    await look(page, 'review-charts', page.locator('#review-charts'));
    await trust.locator('summary').click();
  });

  it('tables the deadlines met and missed and the breach with its norm and CBM tags', async () => {
    const rows = page.getByTestId('review.compliance.row');
    const kinds = await rows.evaluateAll((r) =>
      r.map((el) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute('data-kind')),
    );
    expect(kinds).toEqual(expect.arrayContaining(['met', 'missed', 'breach']));
    const breach = page.locator('[data-testid="review.compliance.row"][data-kind="breach"]');
    const breachText = (await breach.textContent()) ?? '';
    expect(breachText).toContain('Consult before public attribution');
    expect(breachText).toContain('Republic of Veldmark');
    expect(breachText).toContain('Norm b');
    expect(breachText).toContain('CBM 3');
    const met = page.locator('[data-testid="review.compliance.row"][data-kind="met"]');
    expect(await met.textContent()).toContain('answered in 00:02:00');
    await look(page, 'review-compliance', page.locator('#review-compliance'));
  });

  it('lists the observations and links each to its moment in the timeline', async () => {
    const observation = page.getByTestId('review.observation');
    expect(await observation.count()).toBe(1);
    expect(await observation.textContent()).toContain('Not met');
    await observation.getByTestId('review.observation.link').click();
    const anchored = page.locator('[data-testid="review.entry"]:focus');
    await anchored.waitFor();
    expect(await anchored.getByTestId('review.entry.observation').count()).toBe(1);
  });

  it('replays the exercise exactly as a role saw it: moved back, an earlier clock and phase', async () => {
    const section = page.locator('#review-replay');
    await section.scrollIntoViewIfNeeded();
    await page.locator('[data-testid="review.replay.mode"][data-mode="exact"]').waitFor();
    const frame = page.getByTestId('review.replay.frame');
    expect(await frame.getAttribute('data-exact')).toBe('true');
    const endClock = await text(page, 'review.replay.clock');
    const endPhase = await text(page, 'review.replay.phase');
    expect(await page.getByTestId('review.replay.status').getAttribute('data-status')).toBe('ended');
    expect(endClock).toBe('00:23:00');

    // Back to the first minutes: the clock, the phase and control's feed are all earlier.
    await page.getByTestId('review.replay.range').fill('4');
    await expect.poll(() => text(page, 'review.replay.clock')).not.toBe(endClock);
    expect((await text(page, 'review.replay.clock')) < endClock).toBe(true);
    expect(await text(page, 'review.replay.phase')).not.toBe(endPhase);
    expect(await page.getByTestId('review.replay.status').getAttribute('data-status')).toBe('running');
    const feed = page.getByTestId('review.replay.feed');
    expect(await feed.locator('li[data-inject]').count()).toBeGreaterThan(0);
    await page.getByTestId('review.replay.next').click();
    await expect.poll(() => frame.getAttribute('data-seq')).not.toBe('4');
  });

  it('shows a delegation’s own feed: a later inject not yet there, then there', async () => {
    const feed = page.getByTestId('review.replay.feed');
    const injects = () =>
      feed
        .locator('li[data-inject]')
        .evaluateAll((li) =>
          li.map((el) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute('data-inject')),
        );
    await page.getByTestId('review.replay.role').selectOption('d:veldmark');
    await page.getByTestId('review.replay.range').fill(String(x.flash - 1));
    await expect.poll(injects).toContain('i00_link_trip');
    expect(await injects()).not.toContain('i05_cert_flash');
    expect(await text(page, 'review.replay.rung')).toMatch(/of 9/);

    // The very event that delivered the CERT flash: it heads the feed, open, marked as this moment.
    await page.getByTestId('review.replay.range').fill(String(x.flash));
    await expect.poll(async () => (await injects())[0]).toBe('i05_cert_flash');
    const flash = feed.locator('li[data-inject="i05_cert_flash"]');
    expect(await flash.getAttribute('class')).toContain('replay__item--now');
    expect(await flash.textContent()).toContain('FROSTLINE');
    await look(page, 'review-replay', page.locator('#review-replay'));

    // At the end it is still there, with the bilateral message and the ping Halvania answered.
    await page.getByTestId('review.replay.last').click();
    await expect.poll(() => page.getByTestId('review.replay.status').getAttribute('data-status')).toBe('ended');
    expect(await injects()).not.toContain('i05_cert_flash'); // the newest only, then the whole feed on demand
    await feed.getByTestId('review.replay.more').click();
    expect(await injects()).toContain('i05_cert_flash');
    expect(await page.getByTestId('review.replay.messages').textContent()).toContain('REVIEW-DM');
    const pings = (await page.getByTestId('review.replay.pings').textContent()) ?? '';
    expect(pings).toContain('Please confirm receipt of our notice');
    expect(pings).toContain('answered at 00:04:00');
  });

  it('never shows a delegation another delegation’s private inject, message or control’s indicators', async () => {
    const shown = (testid: string) =>
      page
        .getByTestId(testid)
        .locator('[data-variable], li[data-inject]')
        .evaluateAll((els) =>
          els.map((el) => {
            const e = el as unknown as { getAttribute(n: string): string | null };
            return e.getAttribute('data-variable') ?? e.getAttribute('data-inject');
          }),
        );
    const controlVars = await (async () => {
      await page.getByTestId('review.replay.role').selectOption('control');
      await page.getByTestId('review.replay.ladders').waitFor();
      return shown('review.replay.vars');
    })();
    expect(controlVars).toContain('proxy_activity'); // facilitator-only

    await page.getByTestId('review.replay.role').selectOption('d:dravonia');
    await page.getByTestId('review.replay.rung').waitFor();
    const frame = page.getByTestId('review.replay.frame');
    for (const moment of ['flash', 'end'] as const) {
      if (moment === 'flash') await page.getByTestId('review.replay.range').fill(String(x.flash));
      else await page.getByTestId('review.replay.last').click();
      const at =
        moment === 'flash' ? String(x.flash) : await page.getByTestId('review.replay.range').getAttribute('max');
      await expect.poll(() => frame.getAttribute('data-seq')).toBe(at);
      expect(await shown('review.replay.feed')).toContain('i03_blackouts_news'); // public: it did reach Dravonia
      expect(await shown('review.replay.feed')).not.toContain('i05_cert_flash');
      expect(await frame.textContent()).not.toContain('FROSTLINE');
    }
    expect(await page.getByTestId('review.replay.messages').textContent()).not.toContain('REVIEW-DM');
    const dravoniaVars = await shown('review.replay.vars');
    expect(dravoniaVars.length).toBeGreaterThan(0);
    expect(dravoniaVars).not.toContain('proxy_activity');
    expect(dravoniaVars.length).toBeLessThan(controlVars.length);
    // The public never had it either.
    await page.getByTestId('review.replay.role').selectOption('observer');
    await expect.poll(() => page.getByTestId('review.replay.rung').count()).toBe(0);
    expect(await shown('review.replay.feed')).not.toContain('i05_cert_flash');
    await page.getByTestId('review.replay.role').selectOption('control');
  });

  it('downloads the timeline, compliance and observations as CSV and the record as JSON', async () => {
    const save = async (file: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`review.export.${file}`).click(),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), body: readFileSync(path, 'utf8') };
    };
    const timeline = await save('timeline');
    expect(timeline.name).toBe(`parley-${x.id}-timeline.csv`);
    expect(timeline.body.startsWith('seq,time,at_ms,kind')).toBe(true);
    expect(timeline.body).toContain('REVIEW-DM');
    const compliance = await save('compliance');
    expect(compliance.body).toContain('consult_before_attribution');
    const observations = await save('observations');
    expect(observations.body).toContain('Veldmark named Dravonia');
    const json = await save('json');
    expect(json.name).toBe(`parley-${x.id}.json`);
    expect(JSON.parse(json.body)).toMatchObject({ format: 'parley.review/1', scenario: 'gridlock' });
    expect(await page.getByTestId('review.export.error').count()).toBe(0);
  });

  it('prints a clean report: no navigation, replay or buttons, sections on their own pages', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.mouse.wheel(0, -100_000);
    for (const hidden of ['review.replay.range', 'review.print', 'review.filter.delegation', 'review.back']) {
      expect(await page.getByTestId(hidden).isVisible(), hidden).toBe(false);
    }
    expect(await page.getByTestId('review.compliance').isVisible()).toBe(true);
    await screenshot(page, 'review-print');
    await parts(page, 'review-print');
    try {
      await page.pdf({ path: join(SCREENSHOTS, 'review-report.pdf'), format: 'A4', printBackground: true });
    } catch (error) {
      process.stderr.write(`[review] page.pdf() is not available here: ${String(error).split('\n')[0]}\n`);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('fits a 360 px phone', async () => {
    const { page: phone } = await newPage(suite.browser, { width: 360, height: 780 });
    await openReview(phone, x.id, { facilitatorToken: x.token });
    await phone.getByTestId('review.report').waitFor();
    const overflow = await horizontalOverflow(phone);
    expect(overflow, overflow.culprits.join(' ')).toEqual({ px: 0, culprits: [] });
    await look(phone, 'review-phone');
    await showFlashAsVeldmark(phone, x.flash);
    expect(await horizontalOverflow(phone)).toEqual({ px: 0, culprits: [] });
    await look(phone, 'review-replay-phone', phone.locator('#review-replay'));
    await phone.context().close();
  });

  it('reads right to left in Arabic', async () => {
    const { page: ar } = await newPage(suite.browser);
    await openReview(ar, x.id, { facilitatorToken: x.token }, 'ar');
    await ar.getByTestId('review.report').waitFor();
    expect(await ar.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await ar.locator('#review-timeline h2').textContent()).toBe('التسلسل الزمني');
    expect(await horizontalOverflow(ar)).toEqual({ px: 0, culprits: [] });
    await look(ar, 'review-ar');
    await showFlashAsVeldmark(ar, x.flash);
    await look(ar, 'review-replay-ar', ar.locator('#review-replay'));
    await ar.context().close();
  });

  it('opens restricted for an evaluator, and tells a tab without a seat why it cannot', async () => {
    const { page: evaluator } = await newPage(suite.browser);
    await openReview(evaluator, x.id, { code: x.evaluator });
    await evaluator.getByTestId('review.report').waitFor();
    expect(await evaluator.getByTestId('review.restricted').isVisible()).toBe(true);
    expect((await entryTexts(evaluator)).some((t) => t.includes('REVIEW-CTL'))).toBe(false);
    expect(await evaluator.getByTestId('review.back').count()).toBe(0);
    await look(evaluator, 'review-evaluator');
    // The evaluator may not read the log: its replay is the approximate one, and says so.
    expect(await evaluator.getByTestId('review.replay.mode').getAttribute('data-mode')).toBe('approximate');
    expect(await evaluator.getByTestId('review.replay.frame').getAttribute('data-exact')).toBe('false');

    await openReview(evaluator, x.id, { code: 'ZZZZ-ZZZZ' });
    expect(await evaluator.getByTestId('review.problem').textContent()).toContain(
      'This code does not open this exercise.',
    );
    await evaluator.context().close();

    const { page: stranger } = await newPage(suite.browser);
    await openReview(stranger, x.id, null);
    await stranger.getByTestId('review.noSeat').waitFor();
    await look(stranger, 'review-no-seat');
    await stranger.context().close();
  });
});
