/**
 * Who is connected to an exercise, per seat: the room reports joins, drops (the seat is held for a reconnection
 * window), returns and final leaves; the facilitator's screen and the live feed's figures read it. That a seat is
 * connected is public; the display names people give are kept in memory, for the facilitator's seats panel only,
 * and forgotten when they leave.
 */
import type { Role } from '@parley/shared';
import { roleTag } from './keys.ts';

export type RoleKind = Role['kind'];

/** Per seat tag (`control`, `norland/mfa`, `evaluator`, `observer`): clients online and clients being waited for. */
export type SeatPresence = { readonly online: number; readonly reconnecting: number };
export type PresenceSummary = Readonly<Record<string, SeatPresence>>;

export class Presence {
  private readonly clients = new Map<string, { role: Role; online: boolean; name: string | null }>();
  private readonly listeners = new Set<() => void>();

  join(sessionId: string, role: Role, name: string | null = null): void {
    this.clients.set(sessionId, { role, online: true, name });
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

  /** Everyone connected or being waited for, in the order they joined (for the facilitator only). */
  people(): { seat: string; name: string | null; online: boolean }[] {
    return [...this.clients.values()].map((c) => ({ seat: roleTag(c.role), name: c.name, online: c.online }));
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
