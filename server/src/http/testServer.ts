/**
 * An in-process API server on port 0 for the HTTP tests: the real handler, service and in-memory store, a small
 * library (the minimal fixture scenario) and stand-in hosts that record what they were asked and persist bots.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyName } from '@parley/shared';
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { GuessLimiter } from '../exercises/guessLimiter.ts';
import { ScenarioLibrary } from '../exercises/library.ts';
import { ExerciseService } from '../exercises/service.ts';
import { MemoryStore } from '../store/memoryStore.ts';
import { createHttpHandler } from './handler.ts';
import { type ExerciseHosts, type HealthReport, type HttpDeps, SeatRefusal } from './types.ts';

export class FakeHosts implements ExerciseHosts {
  readonly live = new Set<string>();
  readonly calls: string[] = [];
  /** Delegations whose seat a person holds: seating a bot there is refused. */
  readonly occupied = new Set<string>();
  private readonly store: MemoryStore;

  constructor(store: MemoryStore) {
    this.store = store;
  }

  async seatBot(exerciseId: string, delegation: string, policy: PolicyName): Promise<void> {
    this.calls.push(`seat ${exerciseId} ${delegation} ${policy}`);
    if (this.occupied.has(delegation)) throw new SeatRefusal(`${delegation}'s seat is taken by a participant.`);
    const e = await this.store.getExercise(exerciseId);
    await this.store.setBots(exerciseId, { ...e?.bots, [delegation]: policy });
  }

  async unseatBot(exerciseId: string, delegation: string): Promise<void> {
    this.calls.push(`unseat ${exerciseId} ${delegation}`);
    const { [delegation]: _gone, ...rest } = (await this.store.getExercise(exerciseId))?.bots ?? {};
    await this.store.setBots(exerciseId, rest);
  }

  isLive(exerciseId: string): boolean {
    return this.live.has(exerciseId);
  }

  async opened(exerciseId: string): Promise<void> {
    this.calls.push(`open ${exerciseId}`);
    this.live.add(exerciseId);
  }

  codeRevoked(exerciseId: string, code: string): void {
    this.calls.push(`revoked ${exerciseId} ${code}`);
  }
}

export type Call = {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are read field by field.
  readonly json: any;
};

export type TestServer = {
  readonly url: string;
  readonly store: MemoryStore;
  readonly service: ExerciseService;
  readonly hosts: FakeHosts;
  readonly errors: unknown[];
  health: HealthReport;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: string | Uint8Array; token?: string; headers?: Record<string, string> },
  ): Promise<Call>;
  close(): Promise<void>;
};

export async function startTestServer(over: Partial<HttpDeps> & { now?: () => number } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-http-'));
  writeFileSync(join(dir, 'drill.yaml'), minimalScenarioYaml);
  const store = new MemoryStore();
  const service = new ExerciseService({ store, library: new ScenarioLibrary(dir) });
  const hosts = new FakeHosts(store);
  const errors: unknown[] = [];
  const state = { health: { ok: true, store: 'ok' } as HealthReport };
  const handler = createHttpHandler({
    service,
    hosts,
    config: { clientDir: join(dir, 'no-client') },
    metrics: { render: () => '# TYPE parley_rooms gauge\nparley_rooms 0\n' },
    health: () => state.health,
    guesses: new GuessLimiter({ now: over.now }),
    onError: (error) => errors.push(error),
    ...over,
  });
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    store,
    service,
    hosts,
    errors,
    get health() {
      return state.health;
    },
    set health(h: HealthReport) {
      state.health = h;
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      let body: string | Uint8Array | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {}
      return { status: res.status, headers: res.headers, text, json };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
