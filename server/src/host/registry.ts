/**
 * The hosts of one app: opens a host per live exercise (one at a time per id, however many callers ask at once),
 * restores every unfinished exercise on boot, closes them on shutdown. It is also what the live feed reads
 * (`FeedSource`: flush notifications, the public picture, live figures) and what the HTTP API drives.
 * Nothing here is module-level: an app creates its registry, tests create as many as they like.
 */
import type { ObserverView, PolicyName } from '@parley/shared';
import type { ExerciseStats, FeedSource, PublicPictureAt } from '../feed/types.ts';
import { type ExerciseHosts, SeatRefusal } from '../http/types.ts';
import type { Metrics } from '../observability/types.ts';
import type { EventStore } from '../store/types.ts';
import type { WallClock } from './clock.ts';
import { CompiledScenarios } from './compile.ts';
import { ExerciseHost } from './ExerciseHost.ts';
import { type HostLogger, silentLogger } from './types.ts';

export type RegistryDeps = {
  readonly store: EventStore;
  readonly flushMs: number;
  readonly wall?: WallClock | undefined;
  readonly metrics?: Metrics | undefined;
  readonly logger?: HostLogger | undefined;
  /** A logger for one exercise (every line names it); default: `logger`. */
  readonly logFor?: ((exerciseId: string) => HostLogger) | undefined;
};

/** Runs once a host is open, before `open` resolves (the app creates the exercise's room here). */
export type OpenedHook = (host: ExerciseHost) => Promise<void> | void;

/** Thrown by an opened hook when another process already hosts the exercise: this process closes its copy. */
export class HostedElsewhere extends Error {
  override name = 'HostedElsewhere';
}

export class HostRegistry implements FeedSource, ExerciseHosts {
  private readonly deps: RegistryDeps;
  private readonly log: HostLogger;
  private readonly hosts = new Map<string, ExerciseHost>();
  private readonly opening = new Map<string, Promise<ExerciseHost | null>>();
  private readonly scenarios = new CompiledScenarios();
  private readonly flushListeners = new Set<(exerciseId: string) => void>();
  private readonly revokedListeners = new Set<(exerciseId: string, code: string) => void>();
  private readonly openedHooks: OpenedHook[] = [];
  private closing = false;

  constructor(deps: RegistryDeps) {
    this.deps = deps;
    this.log = deps.logger ?? silentLogger;
  }

  get store(): EventStore {
    return this.deps.store;
  }

  get(exerciseId: string): ExerciseHost | undefined {
    return this.hosts.get(exerciseId);
  }

  list(): ExerciseHost[] {
    return [...this.hosts.values()];
  }

  whenOpened(hook: OpenedHook): void {
    this.openedHooks.push(hook);
  }

  /** The exercise's host, opened (and its room created) if needed; null when there is no such exercise. */
  open(exerciseId: string): Promise<ExerciseHost | null> {
    const open = this.hosts.get(exerciseId);
    if (open) return Promise.resolve(open);
    if (this.closing) return Promise.resolve(null);
    let pending = this.opening.get(exerciseId);
    if (!pending) {
      pending = this.load(exerciseId).finally(() => this.opening.delete(exerciseId));
      this.opening.set(exerciseId, pending);
    }
    return pending;
  }

  /** Open every unfinished exercise (on boot). One that fails to open is logged and skipped. */
  async restoreAll(): Promise<ExerciseHost[]> {
    const exercises = await this.deps.store.listExercises({ status: 'open' });
    const out: ExerciseHost[] = [];
    for (const exercise of exercises) {
      try {
        const host = await this.open(exercise.id);
        if (host) out.push(host);
      } catch (err) {
        this.log.error({ err, exercise: exercise.id }, 'Could not restore an exercise; it stays closed');
      }
    }
    return out;
  }

  async close(exerciseId: string): Promise<void> {
    const host = this.hosts.get(exerciseId);
    if (!host) return;
    await host.close();
    this.hosts.delete(exerciseId);
  }

  /** Save everything queued in every host (shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all(this.list().map((h) => h.flush()));
  }

  /** Stop opening hosts, then close every open one (each saves what it has queued). */
  async closeAll(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.opening.values()]);
    await Promise.all(this.list().map((h) => h.close()));
    this.hosts.clear();
  }

  private async load(exerciseId: string): Promise<ExerciseHost | null> {
    const exercise = await this.deps.store.getExercise(exerciseId);
    if (!exercise) return null;
    const host = await ExerciseHost.open(exercise, this.scenarios.of(exercise), {
      store: this.deps.store,
      flushMs: this.deps.flushMs,
      wall: this.deps.wall,
      metrics: this.deps.metrics,
      logger: this.deps.logFor?.(exerciseId) ?? this.log,
    });
    host.subscribe((update) => {
      if (update.events.length > 0) for (const listener of this.flushListeners) listener(exerciseId);
    });
    this.hosts.set(exerciseId, host);
    try {
      for (const hook of this.openedHooks) await hook(host);
    } catch (err) {
      this.hosts.delete(exerciseId);
      await host.close();
      if (err instanceof HostedElsewhere) {
        this.log.info({ exercise: exerciseId }, 'Another process hosts this exercise');
        return null;
      }
      throw err;
    }
    host.activate();
    return host;
  }

  // ─── ExerciseHosts (the HTTP API) ─────────────────────────────────────────────────────────────────────────────────

  isLive(exerciseId: string): boolean {
    return this.hosts.has(exerciseId);
  }

  async opened(exerciseId: string): Promise<void> {
    await this.open(exerciseId);
  }

  async seatBot(exerciseId: string, delegation: string, policy: PolicyName): Promise<void> {
    const result = await this.live(exerciseId).seatBot(delegation, policy);
    if (!result.ok) throw new SeatRefusal(result.message);
  }

  async unseatBot(exerciseId: string, delegation: string): Promise<void> {
    const result = await this.live(exerciseId).unseatBot(delegation);
    if (!result.ok) throw new SeatRefusal(result.message);
  }

  codeRevoked(exerciseId: string, code: string): void {
    for (const listener of this.revokedListeners) listener(exerciseId, code);
  }

  /** Hear about withdrawn join codes (the room disconnects whoever joined with one). */
  onCodeRevoked(listener: (exerciseId: string, code: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  private live(exerciseId: string): ExerciseHost {
    const host = this.hosts.get(exerciseId);
    if (!host) throw new SeatRefusal('The exercise is not running on this server right now; try again in a moment.');
    return host;
  }

  // ─── FeedSource (the live feed) ───────────────────────────────────────────────────────────────────────────────────

  onFlushed(listener: (exerciseId: string) => void): () => void {
    this.flushListeners.add(listener);
    return () => this.flushListeners.delete(listener);
  }

  publicPicture(exerciseId: string): PublicPictureAt | null {
    const host = this.hosts.get(exerciseId);
    if (!host) return null;
    return { seq: host.committed.state.seq, view: host.view({ kind: 'observer' }) as ObserverView };
  }

  stats(exerciseId: string): ExerciseStats | null {
    const host = this.hosts.get(exerciseId);
    if (!host) return null;
    let breaches = 0;
    for (const count of Object.values(host.committed.state.breaches)) breaches += count.n;
    return {
      clients: host.presence.byKind(),
      commandsPerMinute: host.rates.commands.perMinute(),
      refusedPerMinute: host.rates.refused.perMinute(),
      breaches,
    };
  }

  hostedExercises(): readonly string[] {
    return [...this.hosts.keys()];
  }

  workshopOf(exerciseId: string): string | null {
    return this.hosts.get(exerciseId)?.record.workshopId ?? null;
  }
}
