/**
 * The negotiation workspace in Chromium, with two delegations and the facilitator who starts play: A drafts a text
 * from a template with B, editing a clause before sending, then amends another; B sees version 2 with the amended
 * clause marked (struck and inserted words), and rejects it with a reason that A reads; A amends again while B is
 * still reading version 2, so B's acceptance of version 2 is refused with the engine's message; B reads version 3
 * and accepts, A accepts, signing opens, both sign and both see the text signed. Then a 360 px phone and Arabic.
 * Every screen is saved as a screenshot and checked with axe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, horizontalOverflow, look, type PageDocument } from './harness.ts';
import {
  ARRIVAL,
  amendClause,
  clause,
  clauseText,
  openNegotiations,
  proposalPage,
  proposalState,
  standing,
  standings,
} from './negotiationPage.ts';
import { createExerciseThroughUi, joinWithCode, newPage, text } from './pages.ts';

const suite = browserSuite();

type HTMLLike = { dataset: Record<string, string | undefined> };

/** The shipped scenarios' templates that two parties may conclude, by id. */
function bilateralTemplates(): Set<string> {
  const dir = join(import.meta.dirname, '..', '..', 'scenarios');
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const parsed = parseScenario(readFileSync(join(dir, file)), file);
    if (parsed.ok) for (const t of parsed.scenario.templates) if (t.minParties <= 2) ids.add(t.id);
  }
  return ids;
}

const EDITED = 'The signatories act within 48 hours of a request, and report to each other daily.';
const AMENDED_2 = 'Costs are shared equally by the signatories, without prejudice to any later finding on liability.';
const AMENDED_3 = 'A third clause, rewritten to answer the objection.';

describe('two delegations negotiate a text from a template to signature', () => {
  let a: Page;
  let b: Page;
  let nameA: string;
  let nameB: string;

  it('seats two delegations and starts play', async () => {
    const { page: facilitator } = await newPage(suite.browser);
    const codes = await createExerciseThroughUi(facilitator, suite.parley.url, 'Negotiation drill');
    const seats = codes.filter((c) => c.role.includes(' · ') && !c.role.startsWith('Evaluator'));
    const first = seats[0];
    const second = seats.find((c) => c.role.split(' · ')[0] !== first?.role.split(' · ')[0]);
    if (!first || !second) throw new Error(`two delegations expected in ${JSON.stringify(codes)}`);
    nameA = first.role.split(' · ')[0] ?? '';
    nameB = second.role.split(' · ')[0] ?? '';
    ({ page: a } = await newPage(suite.browser));
    ({ page: b } = await newPage(suite.browser));
    await joinWithCode(a, suite.parley.url, first.code, 'Amira Haddad', 'home');
    await joinWithCode(b, suite.parley.url, second.code, 'Bruno Keller', 'home');
    await facilitator.getByTestId('run.openConsole').click();
    await facilitator.getByTestId('clock.start').click();
    await expect.poll(() => text(a, 'shell.status'), ARRIVAL).toBe('Running');
    await openNegotiations(a);
    await openNegotiations(b);
    expect(await a.getByTestId('negotiation.item').count()).toBe(0);
  });

  it('lets A draft a proposal from a template with B, editing a clause before sending', async () => {
    await a.getByTestId('negotiation.new').click();
    const draft = a.getByTestId('negotiation.draft');
    await draft.waitFor();
    const bilateral = bilateralTemplates();
    const radios = draft.locator('[data-testid^="negotiation.template."]');
    let chosen = '';
    for (let i = 0; i < (await radios.count()) && !chosen; i++) {
      const id = ((await radios.nth(i).getAttribute('data-testid')) ?? '').replace('negotiation.template.', '');
      if (bilateral.has(id)) chosen = id;
    }
    expect(chosen, 'a template two parties may sign').not.toBe('');
    await draft.getByTestId(`negotiation.template.${chosen}`).check();

    // Sending with A alone is refused before it leaves: the text needs a second party.
    await draft.getByTestId('negotiation.send').click();
    expect(await text(a, 'negotiation.draftError')).toContain('at least 2 parties');
    await draft.getByRole('checkbox', { name: nameB }).check();

    const boxes = draft.getByTestId('negotiation.draftClause');
    expect(await boxes.count()).toBeGreaterThanOrEqual(3);
    expect(await boxes.first().inputValue()).not.toBe('');
    await boxes.first().fill(EDITED);
    await look(a, 'negotiation-draft');

    await draft.getByTestId('negotiation.send').click();
    await proposalPage(a).waitFor();
    expect(await proposalState(a)).toEqual({ stage: 'open', version: 1, reading: 1 });
    expect(await clauseText(a, 1)).toBe(EDITED);
    expect(await standing(a, nameB).getAttribute('data-answer')).toBe('waiting');
  });

  it('lets A amend a clause in place, making version 2', async () => {
    await amendClause(a, 2, AMENDED_2);
    expect(await proposalState(a)).toMatchObject({ version: 2, reading: 2 });
    expect(await clause(a, 2).getAttribute('data-change')).toBe('amended');
  });

  it('shows B version 2 with the amended clause marked, and what it changed', async () => {
    await expect.poll(() => b.getByTestId('negotiation.item').count(), ARRIVAL).toBe(1);
    await expect.poll(() => b.getByTestId('negotiation.item').getAttribute('data-stage'), ARRIVAL).toBe('open');
    await look(b, 'negotiation-list');
    await b.getByTestId('negotiation.open').click();
    expect(await proposalState(b)).toEqual({ stage: 'open', version: 2, reading: 2 });
    expect(await clause(b, 1).getAttribute('data-change')).toBe('');
    expect(await clause(b, 2).getAttribute('data-change')).toBe('amended');
    expect(await clause(b, 2).getByTestId('negotiation.clauseMark').textContent()).toContain(nameA);
    // B saw version 1 arrive, so the amendment shows as struck and inserted words.
    expect(await clause(b, 2).locator('ins').count()).toBeGreaterThan(0);
    expect(await clause(b, 2).locator('del').count()).toBeGreaterThan(0);
    expect(await b.getByTestId('negotiation.sign').isDisabled()).toBe(true);
    expect(await text(b, 'negotiation.signWhy')).not.toBe('');
    await look(b, 'negotiation-proposal');
  });

  it('lets B reject version 2 with a reason that A reads', async () => {
    await b.getByTestId('negotiation.reject').click();
    await b.getByTestId('negotiation.rejectReason').fill('Clause 3 is too vague.');
    await b.getByTestId('negotiation.rejectSend').click();
    await expect.poll(async () => (await proposalState(a)).stage, ARRIVAL).toBe('contested');
    expect(await standing(a, nameB).getAttribute('data-answer')).toBe('rejected');
    expect(await standing(a, nameB).textContent()).toContain('Clause 3 is too vague.');
  });

  it("refuses B's acceptance of version 2 once A has made version 3, with the engine's message", async () => {
    await amendClause(a, 3, AMENDED_3);
    await b.getByTestId('negotiation.newer').waitFor();
    expect(await proposalState(b)).toMatchObject({ version: 3, reading: 2 });
    expect(await clauseText(b, 3)).not.toContain(AMENDED_3);
    await b.getByTestId('negotiation.accept').click();
    expect(await text(b, 'negotiation.acceptError')).toContain('This text changed since you read it (now version 3)');
    expect(await b.getByTestId('negotiation.acceptError').getAttribute('role')).toBe('alert');
  });

  it('lets both accept version 3, then both sign, and both see the text signed', async () => {
    await b.getByTestId('negotiation.readLatest').click();
    expect(await proposalState(b)).toMatchObject({ version: 3, reading: 3 });
    expect(await clauseText(b, 3)).toContain(AMENDED_3);
    await b.getByTestId('negotiation.accept').click();
    await expect.poll(() => standing(a, nameB).getAttribute('data-answer'), ARRIVAL).toBe('accepted');
    expect(await a.getByTestId('negotiation.sign').isDisabled()).toBe(true);

    await a.getByTestId('negotiation.accept').click();
    await expect.poll(async () => (await proposalState(b)).stage, ARRIVAL).toBe('agreed');
    await b.getByTestId('negotiation.sign').click();
    await expect.poll(async () => (await proposalState(a)).stage, ARRIVAL).toBe('signing');
    await expect.poll(() => b.getByTestId('negotiation.sign').isDisabled(), ARRIVAL).toBe(true);
    await a.getByTestId('negotiation.sign').click();

    for (const page of [a, b]) {
      await expect.poll(async () => (await proposalState(page)).stage, ARRIVAL).toBe('signed');
      expect(await standings(page)).toEqual([
        { answer: 'accepted', signed: 'true' },
        { answer: 'accepted', signed: 'true' },
      ]);
      expect(await text(page, 'negotiation.summary')).toBe('Signed by every party. The text is closed.');
      expect(await page.getByTestId('negotiation.amend').count()).toBe(0);
      expect(await page.getByTestId('negotiation.decision').count()).toBe(0);
    }
    await a.getByTestId('negotiation.history').locator('summary').click();
    const history = a.getByTestId('negotiation.history').locator('li');
    expect(await history.evaluateAll((items) => items.map((li) => (li as unknown as HTMLLike).dataset.kind))).toEqual([
      'signed',
      'signed',
      'agreed',
      'accepted',
      'accepted',
      'amended',
      'rejected',
      'amended',
      'created',
    ]);
    expect(await history.nth(6).textContent()).toContain('Clause 3 is too vague.');
    await look(a, 'negotiation-signed');
    await b.getByTestId('negotiation.back').click();
    expect(await b.getByTestId('negotiation.item').getAttribute('data-stage')).toBe('signed');
  });

  it('fits a 360 px phone without horizontal scrolling', async () => {
    await b.setViewportSize({ width: 360, height: 780 });
    await b.getByTestId('negotiation.open').click();
    await proposalPage(b).waitFor();
    expect(await horizontalOverflow(b)).toEqual({ px: 0, culprits: [] });
    await look(b, 'negotiation-phone');
  });

  it('reads right to left in Arabic', async () => {
    await a.getByTestId('shell.language').selectOption('ar');
    await expect
      .poll(
        () => a.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.dir),
        ARRIVAL,
      )
      .toBe('rtl');
    expect(await text(a, 'negotiation.summary')).toBe('وقّعت جميع الأطراف. النص مغلق.');
    expect(await horizontalOverflow(a)).toEqual({ px: 0, culprits: [] });
    await look(a, 'negotiation-ar');
  });
});
