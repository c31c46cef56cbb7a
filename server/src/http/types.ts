/**
 * What the HTTP layer needs from the rest of the app. The app (app.ts) builds these per instance and passes them to
 * `createHttpHandler`; nothing here is module state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PolicyName } from '@parley/shared';
import type { Config } from '../config.ts';
import type { GuessLimiter } from '../exercises/guessLimiter.ts';
import type { ExerciseService } from '../exercises/service.ts';
import type { Metrics } from '../observability/types.ts';

/**
 * The live exercises of this process, as the API needs them (the host registry implements it). Bots persist
 * themselves: after `seatBot`/`unseatBot` resolve, the exercise record's `bots` (store.setBots) is up to date.
 */
export interface ExerciseHosts {
  /** A bot with this policy takes the delegation's empty seat(s). Rejects with `SeatRefusal` when it cannot. */
  seatBot(exerciseId: string, delegation: string, policy: PolicyName): Promise<void>;
  /** The bot leaves the delegation's seat. Rejects with `SeatRefusal` when it cannot. */
  unseatBot(exerciseId: string, delegation: string): Promise<void>;
  /** Whether this process hosts the exercise right now (its room exists). */
  isLive(exerciseId: string): boolean;
  /** Optional: a new exercise was created; open its room. A failure is logged, the exercise still exists. */
  opened?(exerciseId: string): Promise<void>;
  /** Optional: a join code was withdrawn; disconnect whoever joined with it. */
  codeRevoked?(exerciseId: string, code: string): void;
}

/** A refusal a facilitator caused (the seat is taken by a person, the exercise has ended...), with its reason. */
export class SeatRefusal extends Error {
  override name = 'SeatRefusal';
}

/** What `/healthz` reports: `ok: false` answers 503. */
export type HealthReport = { readonly ok: boolean } & Readonly<Record<string, unknown>>;

export type HttpDeps = {
  readonly service: ExerciseService;
  readonly hosts: ExerciseHosts;
  /** `studioToken`: the scenario studio's passphrase (absent or null: the studio answers 403). */
  readonly config: Pick<Config, 'clientDir'> & Partial<Pick<Config, 'studioToken'>>;
  readonly metrics: Pick<Metrics, 'render'>;
  readonly health: () => HealthReport | Promise<HealthReport>;
  /** Counts failed join-code lookups and wrong tokens per address (share it with the room's onAuth). */
  readonly guesses?: GuessLimiter;
  /** Base of join links, e.g. `https://parley.example.org`; default: from the request's Host header. */
  readonly publicUrl?: string | null;
  /** Believe X-Forwarded-For/-Proto/-Host (behind a reverse proxy). Default false. */
  readonly trustProxy?: boolean;
  /** Largest request body accepted, in bytes. Default 64 KiB. */
  readonly maxBodyBytes?: number;
  /** Requests this handler does not serve (Colyseus matchmaking, socket.io); default 404. */
  readonly fallback?: (req: IncomingMessage, res: ServerResponse) => void;
  /** A bug surfaced while answering (the client got a 500). */
  readonly onError?: (error: unknown, req: IncomingMessage) => void;
};
