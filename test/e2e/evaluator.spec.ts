/**
 * The evaluator's console in Chromium: an evaluator joins, the facilitator starts play and releases an inject; the
 * evaluator records a rated observation tied to an objective, the inject and a delegation with one text box and
 * Enter; it appears at the top of the list with its game time and every tie, the list filters by rating, and the
 * facilitator's side has it (the review route, which reads the facilitator's record of observations). The console is
 * checked with axe, on a 360 px phone (no horizontal scroll) and in Arabic (right to left); every screen is saved.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mselRow, scheduledForAll } from './facilitatorPage.ts';
import { browserSuite, horizontalOverflow, look, type PageDocument } from './harness.ts';
import { createExerciseThroughUi, joinWithCode, newPage, text } from './pages.ts';

const suite = browserSuite();

/** The value and text of the n-th real option of a select (0: the first after "none"). */
async function option(page: Page, select: string, n = 0): Promise<{ value: string; label: string }> {
  const o = page
    .getByTestId(select)
    .locator('option')
    .nth(n + 1);
  return { value: (await o.getAttribute('value')) ?? '', label: (await o.textContent())?.trim() ?? '' };
}

const dir = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir);

describe("the evaluator's console", () => {
  let facilitator: Page;
  let evaluator: Page;
  let facilitatorToken: string;
  let exerciseId: string;
  let released: { id: string; title: string };
  const said = 'Lumara pinged the Kestrian POC before saying anything in public.';

  it('opens for an evaluator with the observation form at hand', async () => {
    ({ page: facilitator } = await newPage(suite.browser));
    const codes = await createExerciseThroughUi(facilitator, suite.parley.url, 'Evaluation drill');
    facilitatorToken = await text(facilitator, 'run.token');
    const code = codes.find((c) => c.role.startsWith('Evaluator'))?.code;
    if (!code) throw new Error(`an evaluator code expected in ${JSON.stringify(codes)}`);
    ({ page: evaluator } = await newPage(suite.browser));
    await joinWithCode(evaluator, suite.parley.url, code, 'Erin Evans', 'home');
    await evaluator.getByTestId('evaluator.home').waitFor();
    exerciseId = new URL(evaluator.url()).pathname.split('/')[2] ?? '';
    expect(await evaluator.getByTestId('activity.panel').count()).toBe(1);
  });

  it('records a rated observation tied to an objective, an inject and a delegation with Enter', async () => {
    await facilitator.getByTestId('run.openConsole').click();
    await facilitator.getByTestId('facilitator.home').waitFor();
    await facilitator.getByTestId('clock.start').click();
    await facilitator.getByTestId('clock.pause').waitFor();
    released = await scheduledForAll(facilitator);
    await mselRow(facilitator, released.id).getByTestId('msel.release').click();
    await expect.poll(() => mselRow(facilitator, released.id).getAttribute('data-status')).toBe('released');

    await expect
      .poll(() => evaluator.getByTestId('observe.inject').locator(`option[value="${released.id}"]`).count())
      .toBe(1);
    const objectives = evaluator.getByTestId('observe.objective').locator('option');
    expect(await objectives.count(), "the scenario's objectives in the evaluator's view").toBeGreaterThan(1);
    const objective = await option(evaluator, 'observe.objective');
    const delegation = await option(evaluator, 'observe.delegation');
    await evaluator.getByTestId('observe.rating.partially').check();
    await evaluator.getByTestId('observe.objective').selectOption(objective.value);
    await evaluator.getByTestId('observe.inject').selectOption(released.id);
    await evaluator.getByTestId('observe.delegation').selectOption(delegation.value);
    // "/" from anywhere on the page goes to the observation box.
    await evaluator.getByTestId('observations.panel').click();
    await evaluator.keyboard.press('/');
    await evaluator.keyboard.type(said);
    expect(await evaluator.getByTestId('observe.text').inputValue()).toBe(said);
    await evaluator.keyboard.press('Enter');

    const first = evaluator.getByTestId('observation').first();
    await expect.poll(() => first.getByTestId('observation.text').textContent()).toBe(said);
    expect(await first.getByTestId('observation.time').textContent()).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(await first.getByTestId('observation.rating').textContent()).toBe('Partially met');
    expect(await first.getByTestId('observation.objective').textContent()).toContain(objective.label);
    expect(await first.getByTestId('observation.inject').textContent()).toContain(released.title);
    expect(await first.textContent()).toContain(delegation.label);
    expect(await text(evaluator, 'observe.status')).toMatch(/^Recorded at \d\d:\d\d:\d\d/);
    // Ready for the next one: the text and the rating cleared, the ties kept.
    expect(await evaluator.getByTestId('observe.text').inputValue()).toBe('');
    expect(await evaluator.getByTestId('observe.rating.none').isChecked()).toBe(true);
    expect(await evaluator.getByTestId('observe.inject').inputValue()).toBe(released.id);
    await look(evaluator, 'evaluator-console');
  });

  it('filters the list, and refuses an empty observation with a message', async () => {
    await evaluator.getByTestId('observe.text').fill('General: the room is calm.');
    await evaluator.getByTestId('observe.delegation').selectOption('');
    await evaluator.getByTestId('observe.record').click();
    await expect.poll(() => evaluator.getByTestId('observation').count()).toBe(2);
    await evaluator.getByTestId('observations.filter.rating').selectOption('partially');
    expect(await evaluator.getByTestId('observation.text').allTextContents()).toEqual([said]);
    expect(await text(evaluator, 'observations.count')).toBe('1 of 2');
    await evaluator.getByTestId('observations.filter.rating').selectOption('');

    await evaluator.getByTestId('observe.record').click();
    expect(await text(evaluator, 'observe.error')).toBe('Write what you observed first.');
    expect(await evaluator.getByTestId('observation').count()).toBe(2);
  });

  it("reaches the facilitator's record of observations", async () => {
    const res = await fetch(`${suite.parley.url}/api/exercises/${exerciseId}/review`, {
      headers: { authorization: `Bearer ${facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    const { review } = (await res.json()) as {
      review: {
        observations: { text: string; rating: string | null; inject: string | null; objective: string | null }[];
      };
    };
    const mine = review.observations.find((o) => o.text === said);
    expect(mine).toMatchObject({ rating: 'partially', inject: released.id });
    expect(mine?.objective).not.toBeNull();
  });

  it('works on a 360 px phone and in Arabic', async () => {
    await evaluator.setViewportSize({ width: 360, height: 780 });
    expect((await horizontalOverflow(evaluator)).px).toBe(0);
    await look(evaluator, 'evaluator-phone');

    await evaluator.setViewportSize({ width: 1280, height: 860 });
    await evaluator.getByTestId('shell.language').selectOption('ar');
    await expect.poll(() => dir(evaluator)).toBe('rtl');
    expect((await horizontalOverflow(evaluator)).px).toBe(0);
    await look(evaluator, 'evaluator-ar');
  });
});
