/**
 * The browser-test harness: the built client (built first when missing or older than its sources), a real Parley
 * server in this process on a free port (temporary data directory, the shipped scenarios, the built client), and
 * Debian's Chromium driven by playwright-core. Helpers for what every spec does: screenshots of each screen into
 * test-results/screenshots/, an axe-core check, and a page's horizontal overflow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '@parley/server/app.ts';
import { loadConfig } from '@parley/server/config.ts';
import { createLogger } from '@parley/server/observability/logger.ts';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLIENT = join(ROOT, 'client');
/** Where the client is built (PARLEY_E2E_DIST lets parallel runs on one checkout keep their own build). */
const DIST = process.env.PARLEY_E2E_DIST ?? join(CLIENT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Build client/dist unless it is newer than the client's and shared's sources. */
export function ensureClientBuilt(): void {
  const built = join(DIST, 'index.html');
  const sources = [
    join(CLIENT, 'src'),
    join(CLIENT, 'index.html'),
    join(CLIENT, 'vite.config.ts'),
    join(ROOT, 'shared', 'src'),
  ];
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) return;
  const run = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], {
    cwd: CLIENT,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error('the client build failed');
}

/** The trainers' studio passphrase of every test server. */
export const STUDIO_PASSPHRASE = 'e2e-studio-passphrase';

export type Parley = {
  readonly app: App;
  readonly url: string;
  /**
   * Stop this server (its rooms close, browsers see the connection drop) and start a new one on the same port and
   * data directory: what a restart of the machine's Parley does. The old value must not be used after.
   */
  restart(): Promise<Parley>;
  close(): Promise<void>;
};

async function serve(dataDir: string, port: number): Promise<Parley> {
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    PARLEY_SCENARIOS_DIR: join(ROOT, 'scenarios'),
    PARLEY_CLIENT_DIR: DIST,
    LOG_LEVEL: 'silent',
    PARLEY_FLUSH_MS: '5',
    PARLEY_STUDIO_TOKEN: STUDIO_PASSPHRASE,
  });
  const app = await createApp(config, { logger: createLogger({ logLevel: 'silent' }) });
  const bound = (await app.listen()).port;
  return {
    app,
    url: `http://127.0.0.1:${bound}`,
    restart: async () => {
      await app.close();
      return serve(dataDir, bound);
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Parley server on a free port with a fresh data directory (removed by `close`). */
export function startParley(): Promise<Parley> {
  return serve(mkdtempSync(join(tmpdir(), 'parley-e2e-')), 0);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The part of the page's `document` the checks read. */
export type PageDocument = {
  readonly documentElement: {
    readonly dir: string;
    readonly lang: string;
    readonly scrollWidth: number;
    readonly clientWidth: number;
  };
};

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export type AxeViolation = {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
};

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page is wider than its viewport (0: no horizontal scroll), and the elements that stick out. */
export function horizontalOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  return page.evaluate(() => {
    // Runs in the page (this program has no DOM types).
    type El = {
      tagName: string;
      classList: Iterable<string>;
      getBoundingClientRect(): { left: number; right: number };
    };
    const document = (
      globalThis as unknown as { document: PageDocument & { querySelectorAll(s: string): Iterable<El> } }
    ).document;
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > width + 1 || r.left < -1;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { px: root.scrollWidth - width, culprits };
  });
}

/** One spec file's server and browser: started before its first test, closed after its last. */
export type Suite = {
  readonly parley: Parley;
  readonly browser: Browser;
  /** Restart the server (same port and data), as `Parley.restart` does; `parley` is the new one after. */
  restart(): Promise<void>;
};

/** Registers the spec file's set-up: the client built, a Parley server and Chromium, closed at the end. */
export function browserSuite(): Suite {
  let parley: Parley | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    ensureClientBuilt();
    [parley, browser] = await Promise.all([startParley(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });
  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the suite's ${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get parley() {
      return started(parley, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async restart() {
      parley = await started(parley, 'server').restart();
    },
  };
}

/**
 * Look at the screen as a person would: from the top (a full-page shot of a scrolled page paints the sticky header
 * mid-page), nothing focused, saved as a screenshot and checked with axe (no serious or critical violation).
 */
export async function look(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as {
      scrollTo(x: number, y: number): void;
      document: { activeElement: { blur?: () => void } | null };
    };
    w.document.activeElement?.blur?.();
    w.scrollTo(0, 0);
  });
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}
