/** Page object for the delegation console: its tabs, feed, assessment and action catalogue, in the test's words. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { IssuedCode } from './pages.ts';

/** Wait for what a person would notice, with room for a busy machine (two cores shared by parallel runs). */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** Join a seat through its join link with a display name, and wait until the console is live. */
export async function joinSeat(page: Page, base: string, code: string, name: string): Promise<void> {
  await page.goto(`${base}/join/${code}`);
  await page.getByTestId('join.found').waitFor();
  await page.getByTestId('join.name').fill(name);
  await page.getByTestId('join.enter').click();
  await page.waitForURL(/\/x\//);
  await eventually(() => page.getByTestId('shell.connection').getAttribute('data-status')).toBe('live');
  await page.getByTestId('delegation.home').waitFor();
}

/** From the home page: "run an exercise" with the given scenario; the codes as listed. */
export async function createExerciseWith(page: Page, base: string, scenario: string, label: string) {
  await page.goto(`${base}/`);
  await page.getByTestId('home.runLink').click();
  await page.getByTestId(`run.scenario.${scenario}`).click();
  await page.getByTestId('run.label').fill(label);
  await page.getByTestId('run.create').click();
  await page.getByTestId('run.created').waitFor();
  const rows = page.getByTestId('run.code');
  const out: IssuedCode[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({
      role: (await row.getByTestId('run.codeRole').textContent())?.trim() ?? '',
      code: (await row.getByTestId('run.codeValue').textContent())?.trim() ?? '',
    });
  }
  return out;
}

/** The code of the seat whose label starts with `label` (e.g. "Republic of Veldmark · Ministry"). */
export function seatCode(codes: readonly IssuedCode[], label: string): string {
  const found = codes.find((c) => c.role.startsWith(label));
  if (!found) throw new Error(`no seat "${label}" in ${JSON.stringify(codes.map((c) => c.role))}`);
  return found.code;
}

export async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab.${tab}`).click();
  await eventually(() => page.getByTestId(`tab.${tab}`).getAttribute('aria-selected')).toBe('true');
}

/** The number a tab shows (0 when it shows none). */
export async function tabCount(page: Page, tab: string): Promise<number> {
  const badge = page.getByTestId(`tab.${tab}.count`);
  if ((await badge.count()) === 0) return 0;
  return Number((await badge.locator('[aria-hidden="true"]').textContent())?.trim() ?? '0');
}

/** The feed's items as shown: inject id and whether it is marked new. */
export async function feedItems(page: Page): Promise<{ id: string; unread: boolean }[]> {
  const items = page.getByTestId('feed.item');
  const out: { id: string; unread: boolean }[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    out.push({
      id: (await item.getAttribute('data-inject')) ?? '',
      unread: (await item.getAttribute('data-unread')) === 'true',
    });
  }
  return out;
}

/** Open a catalogue entry (Actions tab) and return it. */
export async function openAction(page: Page, action: string): Promise<Locator> {
  const entry = page.locator(`[data-testid="action.entry"][data-action="${action}"]`);
  const toggle = entry.getByTestId('action.toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await entry.getByTestId('action.form').waitFor();
  return entry;
}

/** The rule preview's state once the server answered (clear, warn, blocked). */
export async function settledPreview(entry: Locator): Promise<string> {
  const preview = entry.getByTestId('action.preview');
  await eventually(async () => ((await preview.count()) ? await preview.getAttribute('data-preview') : 'none')).toMatch(
    /^(clear|warn|blocked)$/,
  );
  return (await preview.getAttribute('data-preview')) ?? '';
}
