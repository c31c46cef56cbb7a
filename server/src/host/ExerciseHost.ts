/**
 * One live exercise: the engine session (replayed from the stored log), the game clock on the wall clock, group
 * commit to the event store, bots on empty seats. It holds no rules: the engine decides every command.
 *
 * Time: game time advances only while play runs, at the recorded speed (the clock re-anchors after every change).
 * Before each command the session catches up with the clock (due timers fire first, as logged events, and bot turns
 * due by then are played); a wall-clock timer wakes the host at the next due timer or bot turn. After a restart the
 * clock resumes from the last logged event's game time: no timer is lost (each fires, logged, once the clock reaches
 * it) and none is doubled (a fired timer is in the log, so the replayed state no longer has it pending).
 *
 * Durability: accepted commands and fired timers change the in-memory session at once and are queued; once per
 * `flushMs` the queue goes to the store in one transaction, and only then are senders acknowledged, the committed
 * snapshot (what clients see) replaced and listeners told. A failed flush reloads the session from the store and
 * refuses every command it lost with an "unsaved" refusal; command ids are idempotent, so a retry applies once.
 */
import {
  type Command,
  type CompiledScenario,
  type ExerciseEvent,
  ExerciseSession,
  nextDueAt,
  type Preview,
  previewCommand,
  type Role,
  type View,
  viewFor,
} from '@parley/shared';
import { createRateWindow, type RateWindow } from '../observability/rate.ts';
import type { ExerciseRecord } from '../store/types.ts';
import { BotSeats, botSeatRefusal } from './bots.ts';
import { HostClock, systemWallClock, type WallClock } from './clock.ts';
import { CommitQueue } from './commitQueue.ts';
import { commandKey } from './keys.ts';
import { Presence } from './presence.ts';
import {
  CLOSED_MESSAGE,
  type Committed,
  type HostAck,
  type HostDeps,
  type HostListener,
  type HostLogger,
  type HostRefusal,
  type HostResult,
  type HostUpdate,
  silentLogger,
  UNSAVED_MESSAGE,
} from './types.ts';

export type BotSeatResult = { readonly ok: true; readonly bots: Readonly<Record<string, string>> } | HostRefusal;

const refusal = (code: HostRefusal['code'], message: string): HostRefusal => ({ ok: false, code, message });

export class ExerciseHost {
  readonly id: string;
  readonly compiled: CompiledScenario;
  /** Who is connected (the room keeps it up to date). */
  readonly presence = new Presence();
  /** Commands handled and refused over the last minute (the live feed's figures). */
  readonly rates: { readonly commands: RateWindow; readonly refused: RateWindow } = {
    commands: createRateWindow(),
    refused: createRateWindow(),
  };
  private exercise: ExerciseRecord;
  private session: ExerciseSession;
  private snapshot: Committed;
  private durableSeq: number;
  private readonly deps: HostDeps;
  private readonly log: HostLogger;
  private readonly wall: WallClock;
  private readonly clock: HostClock;
  private readonly queue: CommitQueue<Committed>;
  private readonly bots: BotSeats;
  private readonly inflight = new Map<string, Promise<HostResult>>();
  private readonly listeners = new Set<HostListener>();
  private readonly background = new Set<Promise<unknown>>();
  private botWrites: Promise<unknown> = Promise.resolve();
  private reloading: Promise<void> | null = null;
  private broken = false;
  private closing: Promise<void> | null = null;
  private active = false;

  /** Restore a host from the store: the exercise's log replayed against the scenario it was created with. */
  static async open(exercise: ExerciseRecord, compiled: CompiledScenario, deps: HostDeps): Promise<ExerciseHost> {
    const events = await deps.store.loadEvents(exercise.id);
    return new ExerciseHost(exercise, compiled, events, deps);
  }

  constructor(exercise: ExerciseRecord, compiled: CompiledScenario, events: readonly ExerciseEvent[], deps: HostDeps) {
    this.id = exercise.id;
    this.compiled = compiled;
    this.exercise = exercise;
    this.deps = deps;
    this.log = deps.logger ?? silentLogger;
    this.wall = deps.wall ?? systemWallClock;
    this.session = new ExerciseSession(compiled, exercise.options, events);
    this.durableSeq = this.session.state.seq;
    const s = this.session.state;
    this.clock = new HostClock(this.wall, {
      gameMs: this.session.now,
      speed: s.speed,
      running: s.status === 'running',
    });
    this.bots = new BotSeats(compiled, exercise.options.seed);
    for (const [delegation, policy] of Object.entries(exercise.bots)) {
      if (!this.bots.seat(delegation, policy, this.session.now))
        this.log.warn({ exercise: this.id, delegation, policy }, 'Ignoring a stored bot seat that is not valid');
    }
    this.snapshot = this.cut();
    this.queue = new CommitQueue<Committed>({
      write: (batch) => this.deps.store.appendEvents(this.id, batch),
      wall: this.wall,
      flushMs: deps.flushMs,
      cut: () => this.cut(),
      onFlushed: (batch, snapshot, seconds) => this.flushed(batch, snapshot, seconds),
      onFailed: (error, lost) => this.failed(error, lost),
    });
  }

  /**
   * Start the clock and the bots (and finish marking an exercise that ended before a crash). A host does nothing
   * on its own until activated, so that one opened only to find its room hosted elsewhere never writes.
   */
  activate(): void {
    if (this.active || this.closing !== null) return;
    this.active = true;
    if (this.session.state.status === 'ended' && this.exercise.status !== 'ended') this.markEnded();
    this.arm();
  }

  /** The stored exercise (status and bot seats kept up to date). */
  get record(): ExerciseRecord {
    return this.exercise;
  }

  /** The saved state, its game time and clock anchor: what clients may see. */
  get committed(): Committed {
    return this.snapshot;
  }

  /** Game time now on the live clock (ms). */
  get gameNow(): number {
    return this.clock.now();
  }

  /** Events applied in memory but not yet acknowledged as saved. */
  get unsaved(): number {
    return this.session.state.seq - this.durableSeq;
  }

  /** What `role` may see of the saved state. */
  view(role: Role): View {
    return viewFor(this.compiled, this.snapshot.state, role, this.snapshot.now);
  }

  /**
   * What a command would do now, applying nothing: the engine's verdict and the rules it would breach (those the
   * sender may be told of; the facilitator and evaluators also see record-only ones).
   */
  preview(role: Role, command: Command): Preview {
    const audience = role.kind === 'delegation' ? 'sender' : 'control';
    return previewCommand(this.compiled, this.session.state, { actor: role, command, at: this.gameNow }, audience);
  }

  /** Listen to saved updates; returns the unsubscribe function. */
  subscribe(listener: HostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Submit a command: resolves, once its events are saved, with the acknowledgement (or the refusal). A repeated
   * command id returns the original result and applies nothing (while the original waits for its flush, the retry
   * waits for the same flush).
   */
  async submit(role: Role, commandId: string, command: Command): Promise<HostResult> {
    if (this.reloading !== null) await this.reloading;
    if (this.broken && this.closing === null) await this.reload();
    if (this.closing !== null) return this.refused(command, refusal('closed', CLOSED_MESSAGE));
    if (this.broken) return this.refused(command, refusal('unsaved', UNSAVED_MESSAGE));
    this.advance();
    const result = this.apply(role, commandKey(role, commandId), command);
    this.afterChange();
    return result;
  }

  /** Give a delegation's empty seat to a bot playing `policy` (persisted: it keeps playing after a restart). */
  seatBot(delegation: string, policy: string): Promise<BotSeatResult> {
    const problem = botSeatRefusal(this.compiled, delegation, policy, {
      ended: this.session.state.status === 'ended',
      occupied: this.presence.occupied(delegation),
    });
    if (problem !== null) return Promise.resolve(refusal(problem.code, problem.message));
    return this.saveBots(
      (bots) => ({ ...bots, [delegation]: policy }),
      () => this.bots.seat(delegation, policy, this.gameNow),
    );
  }

  /** Take the bot off a delegation's seat. */
  unseatBot(delegation: string): Promise<BotSeatResult> {
    if (!(delegation in this.exercise.bots))
      return Promise.resolve(refusal('state', `No bot is playing "${delegation}".`));
    return this.saveBots(
      (bots) => Object.fromEntries(Object.entries(bots).filter(([d]) => d !== delegation)),
      () => this.bots.unseat(delegation),
    );
  }

  /** Write everything queued now. */
  flush(): Promise<void> {
    return this.queue.drain();
  }

  /** Stop the clock and bots, refuse new commands, save what is queued. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.clock.cancel();
      if (this.reloading !== null) await this.reloading;
      await this.queue.drain();
      await this.botWrites;
      await Promise.allSettled([...this.background]);
      this.listeners.clear();
    })();
    return this.closing;
  }

  // ─── Commands ─────────────────────────────────────────────────────────────────────────────────────────────────────

  private apply(role: Role, key: string, command: Command): Promise<HostResult> {
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const result = this.session.submit(role, command, key);
    if (!result.ok) return Promise.resolve(this.refused(command, { ok: false, ...result.refusal }));
    const ack: HostAck = {
      ok: true,
      seqs: result.events.map((e) => e.seq),
      events: result.events,
      flags: result.flags,
    };
    this.deps.metrics?.commandAccepted(command.type);
    this.rates.commands.add();
    const last = result.events.at(-1)?.seq ?? 0;
    if (last <= this.durableSeq) return Promise.resolve(ack);
    const saved = this.queue
      .push(result.events)
      .then((ok): HostResult => (ok ? ack : this.refused(command, refusal('unsaved', UNSAVED_MESSAGE), false)));
    this.inflight.set(key, saved);
    void saved.then(() => this.inflight.delete(key));
    return saved;
  }

  /** Count a refusal (`handled`: not yet counted as a command) and return it. */
  private refused(command: Command, r: HostRefusal, handled = true): HostRefusal {
    this.deps.metrics?.commandRefused(command.type, r.code);
    this.rates.refused.add();
    if (handled) this.rates.commands.add();
    return r;
  }

  /** Catch the session up with the clock: bot turns at their exact game times, then every timer due by now. */
  private advance(): void {
    if (this.closing !== null || this.broken) return;
    const target = this.clock.now();
    this.bots.playUntil(target, {
      session: this.session,
      timers: (events) => this.queueTimers(events),
      submit: (role, key, command) => void this.apply(role, key, command),
    });
    this.queueTimers(this.session.advanceTo(target));
  }

  private queueTimers(events: readonly ExerciseEvent[]): void {
    if (events.length > 0) void this.queue.push(events);
  }

  // ─── Clock ────────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Re-anchor the clock on the session (status, speed, a jump) and re-arm the wake-up. */
  private afterChange(): void {
    const s = this.session.state;
    this.clock.reanchor(this.session.now, s.speed, s.status === 'running');
    this.arm();
  }

  /** Wake at the next due timer or bot turn (while active and running). */
  private arm(): void {
    const s = this.session.state;
    const live = this.active && this.closing === null && !this.broken && s.status === 'running';
    const due = live ? [nextDueAt(this.compiled, s), this.bots.nextTurnAt()].filter((t) => t !== null) : [];
    this.clock.wakeAt(due.length > 0 ? Math.min(...due) : null, () => {
      if (this.reloading !== null || this.closing !== null || this.broken) return;
      this.advance();
      this.afterChange();
    });
  }

  // ─── Saving ───────────────────────────────────────────────────────────────────────────────────────────────────────

  private cut(): Committed {
    return { state: this.session.state, now: this.session.now, clock: this.clock.anchor, bots: this.bots.assignments };
  }

  private flushed(events: readonly ExerciseEvent[], snapshot: Committed, seconds: number): void {
    this.durableSeq = Math.max(this.durableSeq, events.at(-1)?.seq ?? 0);
    this.snapshot = { ...snapshot, bots: this.bots.assignments };
    this.deps.metrics?.storeWrite(seconds, events.length);
    if (snapshot.state.status === 'ended' && this.exercise.status !== 'ended') this.markEnded();
    this.notify({ events, committed: this.snapshot });
  }

  private async failed(error: unknown, lost: readonly ExerciseEvent[]): Promise<void> {
    this.log.error(
      { err: error, exercise: this.id, lost: lost.length },
      'Could not save events: reloading the exercise from the store and refusing the commands that were not saved',
    );
    this.reloading ??= this.reload();
    await this.reloading;
  }

  private async reload(): Promise<void> {
    this.clock.cancel();
    try {
      const events = await this.deps.store.loadEvents(this.id);
      this.session = new ExerciseSession(this.compiled, this.exercise.options, events);
      this.durableSeq = this.session.state.seq;
      this.broken = false;
      this.bots.resync(this.session.now);
      this.afterChange();
    } catch (err) {
      this.broken = true;
      this.log.error({ err, exercise: this.id }, 'Could not reload the exercise from the store; commands are refused');
    } finally {
      this.reloading = null;
    }
  }

  private markEnded(): void {
    const endedAt = this.wall.now();
    this.exercise = { ...this.exercise, status: 'ended', endedAt };
    this.clock.cancel();
    this.track(
      this.deps.store.markEnded(this.id, endedAt).catch((err: unknown) => {
        this.log.error({ err, exercise: this.id }, 'Could not mark the exercise as ended');
      }),
    );
  }

  private saveBots(
    next: (bots: Readonly<Record<string, string>>) => Record<string, string>,
    apply: () => void,
  ): Promise<BotSeatResult> {
    const run = this.botWrites.then(async (): Promise<BotSeatResult> => {
      if (this.closing !== null) return refusal('closed', CLOSED_MESSAGE);
      const bots = next(this.exercise.bots);
      try {
        await this.deps.store.setBots(this.id, bots);
      } catch (err) {
        this.log.error({ err, exercise: this.id }, 'Could not save bot seats');
        return refusal('unsaved', 'The bot seat could not be saved; please try again.');
      }
      this.exercise = { ...this.exercise, bots };
      apply();
      this.afterChange();
      this.snapshot = { ...this.snapshot, bots: this.bots.assignments };
      this.notify({ events: [], committed: this.snapshot });
      return { ok: true, bots: this.bots.assignments };
    });
    this.botWrites = run;
    return run;
  }

  private track(p: Promise<unknown>): void {
    this.background.add(p);
    void p.finally(() => this.background.delete(p));
  }

  private notify(update: HostUpdate): void {
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch (err) {
        this.log.error({ err, exercise: this.id }, 'A listener failed on an exercise update');
      }
    }
  }
}
