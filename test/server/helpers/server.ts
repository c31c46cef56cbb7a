/**
 * A real Parley app in this process, on a free port, for room tests: the scenario library holds the engine's test
 * scenario ("Grey Tide", whose private texts carry marker strings) and the three shipped scenarios; the store is
 * in memory unless the test brings its own. `createExercise` goes through the HTTP API like a facilitator would.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColyseusSDK } from '@colyseus/sdk';
import { boot, type ColyseusTestServer } from '@colyseus/testing';
import { type App, createApp } from '@parley/server/app.ts';
import { loadConfig } from '@parley/server/config.ts';
import { createLogger } from '@parley/server/observability/logger.ts';
import { MemoryStore } from '@parley/server/store/memoryStore.ts';
import type { EventStore } from '@parley/server/store/types.ts';
import type { Role } from '@parley/shared';
import { testScenarioInput } from '@parley/shared/engine/testScenario.ts';
import { Seat, type SeatOptions } from './seat.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');

export type ServerOptions = {
  /** The event store: a given one, 'sqlite' for the default store under `dataDir`, else a fresh memory store. */
  readonly store?: EventStore | 'sqlite';
  /** The data directory (kept after close when given; default: a temporary one, removed on close). */
  readonly dataDir?: string;
  readonly reconnectSeconds?: number;
  readonly flushMs?: number;
  /** A directory of scenarios to serve (default: Grey Tide and the shipped ones, in a temporary directory). */
  readonly scenariosDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Listen through @colyseus/testing's `boot()` (always port 2568), exposing its test server as `testing`. */
  readonly colyseusTesting?: boolean;
};

export type CodeInfo = { readonly code: string; readonly role: Role; readonly label: string };

export class TestServer {
  readonly app: App;
  readonly port: number;
  readonly url: string;
  readonly sdk: ColyseusSDK;
  readonly store: EventStore;
  /** @colyseus/testing's server (server-side room access), when started with `colyseusTesting`. */
  testing: ColyseusTestServer | null = null;
  private readonly cleanup: () => void;
  private readonly seats: Seat[] = [];

  constructor(app: App, port: number, cleanup: () => void) {
    this.app = app;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.sdk = new ColyseusSDK(`ws://127.0.0.1:${port}`);
    this.store = app.store;
    this.cleanup = cleanup;
  }

  /** POST /api/exercises (the facilitator's first step); the exercise's room is live when it resolves. */
  async createExercise(input: Record<string, unknown> = {}): Promise<TestExercise> {
    const res = await fetch(`${this.url}/api/exercises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'grey-tide', seed: 42, ...input }),
    });
    const body = (await res.json()) as {
      exercise: { id: string };
      facilitatorToken: string;
      codes: CodeInfo[];
    };
    if (res.status !== 201) throw new Error(`could not create the exercise: ${JSON.stringify(body)}`);
    return new TestExercise(this, body.exercise.id, body.facilitatorToken, body.codes);
  }

  track(seat: Seat): Seat {
    this.seats.push(seat);
    return seat;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.seats.map((s) => s.leave()));
    await this.app.close();
    this.cleanup();
  }
}

export class TestExercise {
  readonly server: TestServer;
  readonly id: string;
  readonly facilitatorToken: string;
  readonly codes: readonly CodeInfo[];

  constructor(server: TestServer, id: string, facilitatorToken: string, codes: readonly CodeInfo[]) {
    this.server = server;
    this.id = id;
    this.facilitatorToken = facilitatorToken;
    this.codes = codes;
  }

  /** The same exercise on another server (after a restart). */
  on(server: TestServer): TestExercise {
    return new TestExercise(server, this.id, this.facilitatorToken, this.codes);
  }

  /** The join code of a role (a delegation seat, `evaluator` or `observer`). */
  codeOf(role: Role): string {
    const found = this.codes.find((c) => JSON.stringify(c.role) === JSON.stringify(role));
    if (!found) throw new Error(`no code for ${JSON.stringify(role)}`);
    return found.code;
  }

  /** Join as `role` with its code (the facilitator with the token). */
  join(role: Role, options: SeatOptions = {}): Promise<Seat> {
    const join =
      role.kind === 'facilitator'
        ? { facilitatorToken: this.facilitatorToken, exerciseId: this.id }
        : { code: this.codeOf(role) };
    return this.joinWith(join, options);
  }

  async joinWith(join: Record<string, unknown>, options: SeatOptions = {}): Promise<Seat> {
    return this.server.track(await Seat.join(this.server.sdk, this.id, join, options));
  }

  /** The saved log, from the store. */
  log() {
    return this.server.store.loadEvents(this.id);
  }

  get host() {
    const host = this.server.app.registry.get(this.id);
    if (!host) throw new Error(`exercise ${this.id} is not live`);
    return host;
  }
}

/** A scenario directory for tests: Grey Tide (JSON is YAML) and the shipped scenarios. */
export function testScenarios(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-scenarios-'));
  writeFileSync(join(dir, 'grey-tide.yaml'), JSON.stringify(testScenarioInput, null, 1));
  for (const name of ['gridlock.yaml', 'poisoned-update.yaml', 'atoll-blackout.yaml'])
    copyFileSync(join(SHIPPED, name), join(dir, name));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const scenarios = options.scenariosDir ? null : testScenarios();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-data-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    PARLEY_SCENARIOS_DIR: options.scenariosDir ?? scenarios?.dir ?? '',
    PARLEY_CLIENT_DIR: join(dataDir, 'no-client'),
    LOG_LEVEL: 'silent',
    PARLEY_RECONNECT_SECONDS: String(options.reconnectSeconds ?? 20),
    PARLEY_FLUSH_MS: String(options.flushMs ?? 5),
    ...options.env,
  });
  const logger = createLogger({ logLevel: 'silent' });
  const app = await createApp(
    config,
    options.store === 'sqlite' ? { logger } : { store: options.store ?? new MemoryStore(), logger },
  );
  let testing: ColyseusTestServer | null = null;
  const { port } = await app.listen(
    options.colyseusTesting
      ? {
          bind: async (gameServer) => {
            testing = await boot(gameServer);
          },
        }
      : {},
  );
  const server = new TestServer(app, port, () => {
    scenarios?.remove();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  server.testing = testing;
  return server;
}
