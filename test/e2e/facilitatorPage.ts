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
