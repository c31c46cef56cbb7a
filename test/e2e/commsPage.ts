/** Page objects for the delegation's communications (hotline, channels, team notes), in the test's words. */
import type { Locator, Page } from 'playwright-core';
import type { IssuedCode } from './pages.ts';

/** Like createExerciseThroughUi, but with a chosen scenario of the library. */
export async function createExerciseWith(
  page: Page,
  base: string,
  scenario: string,
  label: string,
): Promise<IssuedCode[]> {
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

/** The join code of a delegation's seat, by the names the code list shows ("Delegation · Seat"). */
export function seatCode(codes: readonly IssuedCode[], delegation: string, seat: string): string {
  const found = codes.find((c) => c.role === `${delegation} · ${seat}`);
  if (!found) throw new Error(`no code for ${delegation} · ${seat} in ${JSON.stringify(codes.map((c) => c.role))}`);
  return found.code;
}

export const openTab = (page: Page, tab: 'feed' | 'actions' | 'channels' | 'negotiations' | 'notes') =>
  page.getByTestId(`tab.${tab}`).click();

// ─── Hotline ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Send a ping, a request for assistance or an offer from the hotline's contact form. */
export async function contact(page: Page, kind: 'ping' | 'request' | 'offer', to: string, text: string): Promise<void> {
  const form = page.getByTestId('hotline.contact');
  await form.getByTestId(`hotline.kind.${kind}`).check();
  await form.getByTestId('hotline.to').selectOption({ label: to });
  await form.getByTestId('hotline.text').fill(text);
  await form.getByTestId('hotline.send').click();
}

/** A hotline entry, received (`in`) or sent (`out`), found by its text. */
export const hotlineItem = (page: Page, kind: 'ping' | 'request' | 'offer', direction: 'in' | 'out', text: string) =>
  page
    .locator(`[data-testid="hotline.item"][data-kind="${kind}"][data-direction="${direction}"]`)
    .filter({ hasText: text });

export const statusText = async (item: Locator) =>
  (await item.getByTestId('hotline.status').textContent())?.trim() ?? '';

// ─── Channels ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** A conversation in the list: `public`, `group:<id>`, `control`, `bilateral:<party id>`. */
export const conversationItem = (page: Page, key: string) =>
  page.locator(`[data-testid="comms.conversation"][data-key="${key}"]`);

/** The conversation keys the channels panel lists. */
export const conversationKeys = (page: Page) =>
  page
    .getByTestId('comms.conversation')
    .evaluateAll((els) =>
      els.map((e) => (e as unknown as { getAttribute(n: string): string }).getAttribute('data-key')),
    );

/** Texts of the open conversation's messages, oldest first. */
export const threadTexts = async (page: Page) =>
  (await page.getByTestId('comms.thread').locator('.comms-message__text').allTextContents()).map((t) => t.trim());

/** Start (or open) the bilateral conversation with a party, by its name. */
export async function openConversationWith(page: Page, party: string): Promise<void> {
  await page.getByTestId('comms.newWith').selectOption({ label: party });
  await page.getByTestId('comms.newOpen').click();
}

// ─── Team notes ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The team notes as shown: author line and text. */
export const notes = (page: Page) =>
  page
    .getByTestId('comms.notes')
    .getByTestId('comms.message')
    .evaluateAll((els) =>
      els.map((e) => {
        const el = e as unknown as { querySelector(s: string): { textContent: string | null } | null };
        return {
          from: el.querySelector('.comms-message__from')?.textContent?.trim() ?? '',
          text: el.querySelector('.comms-message__text')?.textContent?.trim() ?? '',
        };
      }),
    );
