/**
 * An in-memory host for one exercise: the compiled scenario, the options, the state, the event log and the game
 * clock (`now`, in game ms; wall time never enters, the caller moves it). It stamps accepted commands (seq, time,
 * role, generated ids), applies them, fires timers as logged events, and answers a repeated command id with the
 * original result. The server and the simulator both host exercises through this class.
 */
import type { Command } from '../protocol/commands.ts';
import type { Role, Sender } from '../protocol/roles.ts';
import type { CompiledScenario } from './compile.ts';
import { decide } from './decide.ts';
import { applyEvent, initialState, replay } from './reducer.ts';
import type { ExerciseState } from './state.ts';
import { nextTimer } from './timers.ts';
import {
  type EventBody,
  type ExerciseEvent,
  type ExerciseOptions,
  MINUTE,
  type Refusal,
  type RuleFlag,
} from './types.ts';
import { viewFor } from './view.ts';
import type { View } from './viewTypes.ts';

export type SubmitResult =
  | { readonly ok: true; readonly events: readonly ExerciseEvent[]; readonly flags: readonly RuleFlag[] }
  | { readonly ok: false; readonly refusal: Refusal };

const ID_PREFIX: Partial<Record<EventBody['type'], string>> = {
  'poc.ping': 'ping',
  'assistance.request': 'request',
  'assistance.offer': 'offer',
  'message.send': 'message',
  broadcast: 'message',
  'proposal.create': 'proposal',
  'inject.write': 'adhoc',
  'observation.record': 'observation',
};

/** Stamp an event body: seq, game time, who, the command id and the id of anything it creates (from the seq). */
export function stamp(
  body: EventBody,
  meta: { seq: number; at: number; role: Sender; commandId?: string | undefined },
): ExerciseEvent {
  const prefix = ID_PREFIX[body.type];
  const event: Record<string, unknown> = { ...body, seq: meta.seq, at: meta.at, role: meta.role };
  if (meta.commandId !== undefined) event.commandId = meta.commandId;
  if (prefix !== undefined) event.id = `${prefix}-${meta.seq}`;
  return event as ExerciseEvent;
}

/** A guard against a timer that would fire forever at the same instant (a bug, not a user error). */
const MAX_FIRINGS_PER_ADVANCE = 100_000;

export class ExerciseSession {
  readonly compiled: CompiledScenario;
  readonly options: ExerciseOptions;
  private current: ExerciseState;
  private readonly log: ExerciseEvent[];
  private readonly results = new Map<string, SubmitResult>();
  private clock: number;

  /** A new exercise, or one restored from its log (the clock resumes at the last event's time). */
  constructor(compiled: CompiledScenario, options: ExerciseOptions, events: readonly ExerciseEvent[] = []) {
    this.compiled = compiled;
    this.options = options;
    this.log = [...events];
    this.current = events.length > 0 ? replay(compiled, events, options) : initialState(compiled, options);
    this.clock = this.current.now;
    for (const e of events) {
      if (e.commandId !== undefined && e.type !== 'timer.fire') {
        const previous = this.results.get(e.commandId);
        const earlier = previous?.ok ? previous.events : [];
        this.results.set(e.commandId, { ok: true, events: [...earlier, e], flags: [] });
      }
    }
  }

  get state(): ExerciseState {
    return this.current;
  }

  get events(): readonly ExerciseEvent[] {
    return this.log;
  }

  /** Game time now (ms). */
  get now(): number {
    return this.clock;
  }

  view(role: Role): View {
    return viewFor(this.compiled, this.current, role, this.clock);
  }

  private append(body: EventBody, role: Sender, at: number, commandId?: string): ExerciseEvent {
    const event = stamp(body, { seq: this.current.seq + 1, at, role, commandId });
    this.current = applyEvent(this.compiled, this.current, event);
    this.log.push(event);
    return event;
  }

  /** Check a command and, if accepted, log and apply it. A repeated `commandId` returns the first result. */
  submit(role: Role, command: Command, commandId?: string): SubmitResult {
    if (commandId !== undefined) {
      const previous = this.results.get(commandId);
      if (previous) return previous;
    }
    const decision = decide(this.compiled, this.current, { actor: role, command, at: this.clock });
    let result: SubmitResult;
    if (!decision.ok) {
      result = decision;
    } else {
      const events = decision.events.map((body) => this.append(body, role, this.clock, commandId));
      // Catch up with the clock: timers already due (a timed inject at the start, an inject edited to an earlier
      // time) fire now; a jump fires everything up to its target, even while paused.
      if (command.type === 'clock.jump')
        events.push(...this.fireUntil(this.clock + Math.round(command.minutes * MINUTE)));
      else if (this.current.status === 'running') events.push(...this.fireUntil(this.clock));
      result = { ok: true, events, flags: decision.flags };
    }
    if (commandId !== undefined) this.results.set(commandId, result);
    return result;
  }

  /** Move the clock forward to `gameMs`, firing every timer due by then in order. Only while play is running. */
  advanceTo(gameMs: number): ExerciseEvent[] {
    if (this.current.status !== 'running' || gameMs <= this.clock) return [];
    return this.fireUntil(gameMs);
  }

  /** Advance by a number of game minutes (while running). */
  advanceBy(minutes: number): ExerciseEvent[] {
    return this.advanceTo(this.clock + Math.round(minutes * MINUTE));
  }

  private fireUntil(target: number): ExerciseEvent[] {
    const fired: ExerciseEvent[] = [];
    for (let n = 0; n < MAX_FIRINGS_PER_ADVANCE; n++) {
      const next = nextTimer(this.compiled, this.current);
      if (next === null || next.at > target) {
        this.clock = Math.max(this.clock, target);
        return fired;
      }
      const at = Math.max(next.at, this.current.now);
      this.clock = Math.max(this.clock, at);
      fired.push(this.append({ type: 'timer.fire', timer: next.timer }, { kind: 'system' }, at));
    }
    throw new Error(`Timers keep firing at ${this.clock} ms: the exercise state does not progress`);
  }
}
