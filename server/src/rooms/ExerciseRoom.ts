/**
 * `ExerciseRoom`: one per live exercise, `roomId` = the exercise id. Thin on purpose: `onAuth` turns a join code or
 * the facilitator's token into a role, messages are a declarative map checked by `admit` (rate, size, zod shape),
 * commands go to the exercise's host, and after every saved flush the synced state is re-projected from the host's
 * views (each client's `StateView` holds only its role's doc) before the acknowledgements go out.
 *
 * Every message that cannot be taken is answered with a typed `error` and changes nothing; refusals go to the sender
 * only. A dropped client keeps its seat for `reconnectSeconds` and resyncs on return. Colyseus instantiates rooms
 * itself, so the app's parts come in through a class made per app (`defineExerciseRoom`), never module state.
 */
import { type AuthContext, type Client, Room } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import type { Role } from '@parley/shared';
import {
  CommandMessage,
  MAX_MESSAGES_PER_SECOND,
  parseCommand,
  type Refused,
  SeatBotMessage,
  SeatUnbotMessage,
  type ServerMessages,
} from '@parley/shared/protocol/room.ts';
import type { BotSeatResult, ExerciseHost } from '../host/ExerciseHost.ts';
import type { HostRegistry } from '../host/registry.ts';
import { type HostLogger, type HostRefusal, type HostResult, silentLogger } from '../host/types.ts';
import type { Metrics } from '../observability/types.ts';
import { createRoomState, grantDoc, ProjectionSync, type RoomState } from '../sync/index.ts';
import { type Admission, admit, createRateGate, gate } from './admit.ts';
import { type Authenticate, authenticate, type Seat } from './auth.ts';

export type RoomDeps = {
  readonly registry: HostRegistry;
  readonly auth: Authenticate;
  /** Seconds a dropped client keeps its seat. */
  readonly reconnectSeconds: number;
  readonly metrics?: Metrics | undefined;
  readonly logger?: HostLogger | undefined;
};

/** What the room keeps per client: its seat, whether it is connected now, its message rate; `revoked` bars a return. */
export type SeatData = Seat & { online: boolean; revoked: boolean; readonly gate: Admission };
type SeatClient = Client<{ userData: SeatData; auth: Seat; messages: ServerMessages }>;

/** The close code of a client whose join code was withdrawn. */
export const CODE_REVOKED = 4403;

/** Colyseus closes a client that sends more than this many messages in a second (the soft limit answers first). */
export const HARD_MESSAGES_PER_SECOND = MAX_MESSAGES_PER_SECOND * 3;

/** The `refused` answer to a command: code and English message, with the engine's key and params when it gave them. */
function refusedMessage(id: string, r: HostRefusal): Refused {
  const { code, message, key, params } = r;
  if (key === undefined) return { id, code, message };
  return params === undefined ? { id, code, message, key } : { id, code, message, key, params };
}

/** The room class for one app: its registry, authentication and settings bound in. */
export function defineExerciseRoom(deps: RoomDeps) {
  const log = deps.logger ?? silentLogger;

  return class ExerciseRoom extends Room<{ state: RoomState; client: SeatClient }> {
    override maxMessagesPerSecond = HARD_MESSAGES_PER_SECOND;
    override autoDispose = false;
    private host!: ExerciseHost;
    private sync!: ProjectionSync;
    private readonly stop: (() => void)[] = [];

    override messages = {
      command: (client: SeatClient, payload: unknown) => {
        const message = admit(client.userData, payload, CommandMessage, (e) => client.send('error', e));
        if (message) void this.command(client, message.id, message.command);
      },
      preview: (client: SeatClient, payload: unknown) => {
        const message = admit(client.userData, payload, CommandMessage, (e) => client.send('error', e));
        if (message) this.preview(client, message.id, message.command);
      },
      'seat.bot': (client: SeatClient, payload: unknown) => {
        const message = admit(client.userData, payload, SeatBotMessage, (e) => client.send('error', e));
        if (message && this.control(client, message.id))
          void this.host.seatBot(message.delegation, message.policy).then((r) => this.answer(client, message.id, r));
      },
      'seat.unbot': (client: SeatClient, payload: unknown) => {
        const message = admit(client.userData, payload, SeatUnbotMessage, (e) => client.send('error', e));
        if (message && this.control(client, message.id))
          void this.host.unseatBot(message.delegation).then((r) => this.answer(client, message.id, r));
      },
      _: (client: SeatClient, type: unknown, payload: unknown) => {
        const shown = String(type).slice(0, 40);
        if (!gate(client.userData, payload, (e) => client.send('error', e))) return;
        client.send('error', {
          code: 'unknown-message',
          message: `This room does not take "${shown}" messages (only command, preview, seat.bot and seat.unbot).`,
        });
      },
    };

    override onCreate(options: { exerciseId: string }) {
      const host = deps.registry.get(options.exerciseId);
      if (!host) throw new Error(`Exercise ${options.exerciseId} is not open on this server`);
      this.roomId = host.id;
      this.host = host;
      this.state = createRoomState({ exerciseId: host.id, scenarioId: host.record.scenarioId });
      this.sync = new ProjectionSync(this.state);
      this.refresh();
      this.stop.push(
        host.subscribe((update) => {
          this.refresh();
          if (update.events.length === 0) this.sendPresence();
        }),
        host.presence.subscribe(() => this.sendPresence()),
        deps.registry.onCodeRevoked((exerciseId, code) => {
          if (exerciseId === this.roomId) this.disconnectCode(code);
        }),
      );
      deps.metrics?.roomCreated();
    }

    override onAuth(_client: SeatClient, options: unknown, context: AuthContext): Promise<Seat> {
      return authenticate(deps.auth, this.roomId, options, context.ip);
    }

    override onJoin(client: SeatClient) {
      const auth = client.auth as Seat;
      client.userData = { ...auth, online: true, revoked: false, gate: createRateGate() };
      client.view = new StateView();
      const { key, doc } = this.sync.open(auth.role, (role) => this.host.view(role));
      grantDoc(client.view, doc);
      this.host.presence.join(client.sessionId, auth.role, auth.name);
      client.send('welcome', { exerciseId: this.roomId, role: auth.role, doc: key });
      if (auth.role.kind === 'facilitator') client.send('presence', this.presenceMessage());
      deps.metrics?.clientJoined();
    }

    override onDrop(client: SeatClient) {
      if (!client.userData) return;
      client.userData.online = false;
      this.host.presence.drop(client.sessionId);
      if (deps.reconnectSeconds > 0 && !client.userData.revoked)
        void this.allowReconnection(client, deps.reconnectSeconds).catch(() => {});
    }

    override onReconnect(client: SeatClient) {
      if (!client.userData) return;
      client.userData.online = true;
      this.host.presence.back(client.sessionId);
      const role = client.userData.role;
      if (role.kind === 'facilitator') client.send('presence', this.presenceMessage());
    }

    override onLeave(client: SeatClient) {
      if (!client.userData) return;
      this.host.presence.leave(client.sessionId);
      this.sync.close(client.userData.role);
      deps.metrics?.clientLeft();
    }

    override onDispose() {
      for (const stop of this.stop.splice(0)) stop();
      deps.metrics?.roomDisposed();
    }

    private async command(client: SeatClient, id: string, raw: unknown): Promise<void> {
      const parsed = parseCommand(raw);
      if (!parsed.ok) {
        const type = typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type) : 'unknown';
        deps.metrics?.commandRefused(type.slice(0, 40), 'invalid');
        client.send('error', { id, code: 'invalid', message: parsed.message });
        return;
      }
      try {
        const result = await this.host.submit(client.userData?.role as Role, id, parsed.command);
        this.answer(client, id, result);
      } catch (err) {
        log.error({ err, exercise: this.roomId, type: parsed.command.type }, 'A command failed in the host');
        client.send('refused', { id, code: 'internal', message: 'The server could not handle this; please retry.' });
      }
    }

    /** What a command would do, applying nothing: refused or not, and the rules it would breach with their cost. */
    private preview(client: SeatClient, id: string, raw: unknown): void {
      const parsed = parseCommand(raw);
      if (!parsed.ok) {
        client.send('error', { id, code: 'invalid', message: parsed.message });
        return;
      }
      const result = this.host.preview(client.userData?.role as Role, parsed.command);
      client.send(
        'preview',
        result.ok ? { id, ok: true, flags: result.flags } : { id, ok: false, flags: result.flags, ...result.refusal },
      );
    }

    private answer(client: SeatClient, id: string, result: HostResult | BotSeatResult): void {
      if (!result.ok) client.send('refused', refusedMessage(id, result));
      else if ('seqs' in result) client.send('ack', { id, seqs: result.seqs, flags: result.flags });
      else client.send('ack', { id, seqs: [], flags: [] });
    }

    /** Facilitator-only messages: others get a `forbidden` error. */
    private control(client: SeatClient, id: string): boolean {
      if (client.userData?.role.kind === 'facilitator') return true;
      client.send('error', { id, code: 'forbidden', message: 'Only the facilitator can give seats to bots.' });
      return false;
    }

    /** Re-project every open doc and the public fields from the saved state, and send the patch now. */
    private refresh(): void {
      const committed = this.host.committed;
      this.sync.refresh((role) => this.host.view(role));
      this.sync.setPublic(this.host.view({ kind: 'observer' }));
      this.sync.setClock(committed.clock);
      this.broadcastPatch();
    }

    private presenceMessage(): ServerMessages['presence'] {
      return {
        seats: this.host.presence.summary(),
        people: this.host.presence.people(),
        bots: this.host.committed.bots,
      };
    }

    private sendPresence(): void {
      const message = this.presenceMessage();
      for (const c of this.clients) if (c.userData?.role.kind === 'facilitator') c.send('presence', message);
    }

    /** A withdrawn code: whoever joined with it leaves now. */
    private disconnectCode(code: string): void {
      for (const c of [...this.clients]) {
        if (c.userData?.code !== code) continue;
        c.userData.revoked = true;
        c.leave(CODE_REVOKED, 'Your join code was withdrawn by the facilitator.');
      }
    }
  };
}

export type ExerciseRoomClass = ReturnType<typeof defineExerciseRoom>;
