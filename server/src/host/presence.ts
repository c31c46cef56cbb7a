/**
 * Who is connected to an exercise, per seat: the room reports joins, drops (the seat is held for a reconnection
 * window), returns and final leaves; the facilitator's screen and the live feed's figures read it. That a seat is
 * connected is public; no names or other details are kept.
 */
import type { Role } from '@parley/shared';
import { roleTag } from './keys.ts';

export type RoleKind = Role['kind'];

/** Per seat tag (`control`, `norland/mfa`, `evaluator`, `observer`): clients online and clients being waited for. */
export type SeatPresence = { readonly online: number; readonly reconnecting: number };
export type PresenceSummary = Readonly<Record<string, SeatPresence>>;

export class Presence {
  private readonly clients = new Map<string, { role: Role; online: boolean }>();
  private readonly listeners = new Set<() => void>();

  join(sessionId: string, role: Role): void {
    this.clients.set(sessionId, { role, online: true });
    this.changed();
  }

  /** The connection dropped; the seat is held while the client may reconnect. */
  drop(sessionId: string): void {
    const c = this.clients.get(sessionId);
    if (c?.online) {
      c.online = false;
      this.changed();
    }
  }

  back(sessionId: string): void {
    const c = this.clients.get(sessionId);
    if (c && !c.online) {
      c.online = true;
      this.changed();
    }
  }

  leave(sessionId: string): void {
    if (this.clients.delete(sessionId)) this.changed();
  }

  /** Whether someone is connected (or reconnecting) to a seat of this delegation. */
  occupied(delegation: string): boolean {
    for (const c of this.clients.values())
      if (c.role.kind === 'delegation' && c.role.delegation === delegation) return true;
    return false;
  }

  /** Clients online now, by role kind. */
  byKind(): Record<RoleKind, number> {
    const out: Record<RoleKind, number> = { facilitator: 0, delegation: 0, evaluator: 0, observer: 0 };
    for (const c of this.clients.values()) if (c.online) out[c.role.kind]++;
    return out;
  }

  summary(): PresenceSummary {
    const out: Record<string, { online: number; reconnecting: number }> = {};
    for (const c of this.clients.values()) {
      const tag = roleTag(c.role);
      const seat = out[tag] ?? { online: 0, reconnecting: 0 };
      if (c.online) seat.online++;
      else seat.reconnecting++;
      out[tag] = seat;
    }
    return out;
  }

  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
