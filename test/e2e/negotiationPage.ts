/** Page object for a delegation's negotiation workspace: what a negotiator does, in the test's words. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Open the "Negotiations" tab of the delegation console. */
export async function openNegotiations(page: Page): Promise<void> {
  await page.getByTestId('tab.negotiations').click();
  await page.getByTestId('negotiation.workspace').waitFor();
}

/** The workspace's proposal page (its data attributes say the version, the version read and the stage). */
export const proposalPage = (page: Page): Locator => page.getByTestId('negotiation.proposal');

/** The proposal page's stage, current version and the version being read. */
export async function proposalState(page: Page): Promise<{ stage: string; version: number; reading: number }> {
  const attrs = await proposalPage(page).evaluate((el) => {
    const get = (name: string) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute(name);
    return { stage: get('data-stage') ?? '', version: get('data-version'), reading: get('data-reading') };
  });
  return { stage: attrs.stage, version: Number(attrs.version), reading: Number(attrs.reading) };
}

/** How long to wait for what another browser did to arrive (the machine running the tests may be busy). */
export const ARRIVAL = { timeout: 15_000 } as const;

/** Clause `n` (1-based) of the text shown. */
export const clause = (page: Page, n: number): Locator => page.getByTestId('negotiation.clause').nth(n - 1);

/** The words of clause `n` as read on screen (struck words included when changes are shown). */
export async function clauseText(page: Page, n: number): Promise<string> {
  return ((await clause(page, n).getByTestId('negotiation.clauseText').textContent()) ?? '').trim();
}

/** "Amend" clause `n`, replace its text and send the amendment; wait for the version it makes. */
export async function amendClause(page: Page, n: number, text: string): Promise<void> {
  const before = (await proposalState(page)).version;
  await clause(page, n).getByTestId('negotiation.amend').click();
  const box = clause(page, n).getByTestId('negotiation.amendText');
  await box.fill(text);
  await clause(page, n).getByTestId('negotiation.amendSend').click();
  await expect.poll(async () => (await proposalState(page)).version, ARRIVAL).toBe(before + 1);
}

/** The row of the parties table for a party, found by its name. */
export const standing = (page: Page, name: string): Locator =>
  page.getByTestId('negotiation.standing').filter({ hasText: name });

/** Every party's answer to the current version and whether it signed, by row. */
export async function standings(page: Page): Promise<{ answer: string; signed: string }[]> {
  const rows = page.getByTestId('negotiation.standing');
  const out: { answer: string; signed: string }[] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push({
      answer: (await rows.nth(i).getAttribute('data-answer')) ?? '',
      signed: (await rows.nth(i).getAttribute('data-signed')) ?? '',
    });
  return out;
}
