/** Page object for the facilitator's console: the MSEL rows and the clock controls, in the test's words. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import type { Inject } from '@parley/shared/scenario/schema.ts';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');

/** An inject as the shipped scenarios write it (what the MSEL row should show), by id. */
export function scenarioInject(id: string): Inject {
  for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'))) {
    const parsed = parseScenario(readFileSync(join(SCENARIOS, file)), file);
    const inject = parsed.ok ? parsed.scenario.injects.find((i) => i.id === id) : undefined;
    if (inject) return inject;
  }
  throw new Error(`no inject "${id}" in the shipped scenarios`);
}

/** The ids of the MSEL rows, in the order shown. */
export async function mselIds(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('msel.entry')
    .evaluateAll((rows) =>
      rows.map((r) => (r as unknown as { getAttribute(n: string): string | null }).getAttribute('data-inject') ?? ''),
    );
  return ids;
}

/** The MSEL row of an inject. */
export const mselRow = (page: Page, inject: string): Locator =>
  page.locator(`[data-testid="msel.entry"][data-inject="${inject}"]`);

/** The id and title of the first scheduled inject addressed to every delegation, skipping `except`. */
export async function scheduledForAll(
  page: Page,
  except: readonly string[] = [],
): Promise<{ id: string; title: string }> {
  const rows = page.locator('[data-testid="msel.entry"][data-status="scheduled"][data-to="all"]');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const id = (await rows.nth(i).getAttribute('data-inject')) ?? '';
    if (except.includes(id)) continue;
    const title = (await rows.nth(i).getByTestId('msel.toggle').textContent())?.trim() ?? '';
    return { id, title };
  }
  throw new Error('no scheduled inject for every delegation in the MSEL');
}

/** The status the row of `inject` shows (its badge text). */
export const statusOf = async (page: Page, inject: string): Promise<string> =>
  (await mselRow(page, inject).getByTestId('msel.status').textContent())?.trim() ?? '';

/** The game clock's reading in seconds. */
export async function clockSeconds(page: Page): Promise<number> {
  const shown = (await page.getByTestId('shell.clock').textContent()) ?? '';
  const match = /(\d+):(\d+):(\d+)/.exec(shown);
  expect(match, `a clock reading in "${shown}"`).not.toBeNull();
  const [, h, m, s] = match ?? [];
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

// ─── The rest of the console: sections, seats and codes ─────────────────────────────────────────────────────────────

/** A join code as the facilitator's API lists it. */
export type ListedCode = {
  readonly code: string;
  readonly link: string;
  readonly role: { readonly kind: string; readonly delegation?: string; readonly seat?: string };
  readonly status: string;
};

/**
 * From the home page: set up an exercise of `scenario`, open the facilitator console; the exercise id, the
 * facilitator token and its codes (from the API, with their roles).
 */
export async function openConsoleFor(
  page: Page,
  base: string,
  scenario: string,
  label: string,
): Promise<{ exerciseId: string; token: string; codes: ListedCode[] }> {
  await page.goto(`${base}/`);
  await page.getByTestId('home.runLink').click();
  await page.getByTestId(`run.scenario.${scenario}`).click();
  await page.getByTestId('run.label').fill(label);
  await page.getByTestId('run.create').click();
  await page.getByTestId('run.created').waitFor();
  const token = (await page.getByTestId('run.token').textContent())?.trim() ?? '';
  await page.getByTestId('run.openConsole').click();
  await page.getByTestId('facilitator.home').waitFor();
  const exerciseId = /\/x\/([^/]+)/.exec(page.url())?.[1] ?? '';
  return { exerciseId, token, codes: await listCodes(base, exerciseId, token) };
}

export async function listCodes(base: string, exerciseId: string, token: string): Promise<ListedCode[]> {
  const res = await fetch(`${base}/api/exercises/${exerciseId}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { codes: ListedCode[] };
  return body.codes;
}

/** The active code of a delegation's seat (its first seat unless named). */
export function seatCode(codes: readonly ListedCode[], delegation: string, seat?: string): string {
  const found = codes.find(
    (c) =>
      c.status === 'active' &&
      c.role.kind === 'delegation' &&
      c.role.delegation === delegation &&
      (seat === undefined || c.role.seat === seat),
  );
  if (!found) throw new Error(`no active code for ${delegation}${seat ? `/${seat}` : ''}`);
  return found.code;
}

/** Open a section of the console (Overview, World, Communications, Seats, End of play). */
export async function openTab(page: Page, tab: 'overview' | 'world' | 'comms' | 'seats' | 'end'): Promise<void> {
  await page.getByTestId(`control.tab.${tab}`).click();
  await page.getByTestId(`control.panel.${tab}`).waitFor();
}

/** A delegation's card on the overview. */
export const delegationCard = (page: Page, delegation: string): Locator =>
  page.locator(`[data-testid="control.delegation"][data-delegation="${delegation}"]`);

/** A world variable's row. */
export const variableRow = (page: Page, variable: string): Locator =>
  page.locator(`[data-testid="world.variable"][data-variable="${variable}"]`);

/** A join code's row in the seats section, by the seat's presence tag (`lumara/mfa`). */
export const codeRow = (page: Page, seat: string): Locator =>
  page.locator(`[data-testid="seats.code"][data-seat="${seat}"]`);
