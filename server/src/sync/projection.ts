/**
 * `ProjectionSync`: keeps the room state's per-role docs equal to the engine's views. `update(key, view)` flattens
 * the view and diffs it against the previous projection of that key: changed sections are set, list items are
 * appended, replaced or removed, and unchanged parts send nothing. It also tracks which roles are in use
 * (`open`/`close`, counted), so that after every engine step the host refreshes exactly the docs someone reads.
 */
import type { MapSchema } from '@colyseus/schema';
import type { Role } from '@parley/shared';
import type { View } from '@parley/shared/engine/viewTypes.ts';
import { docView, type FlatDoc, flattenView } from '@parley/shared/sync/flatten.ts';
import { docRole, roleKey } from '@parley/shared/sync/roleKey.ts';
import { diffList, type ListChanges } from './listDiff.ts';
import { type RoomState, ViewDoc, ViewList } from './schema.ts';

/** What an update changed (all zero: nothing is sent for this doc). */
export type DocChanges = ListChanges & { sections: number; lists: number };

const EMPTY: FlatDoc = { sections: {}, lists: {} };

/** How the host computes the view of a role (usually `session.view(role)`). */
export type Project = (role: Role) => View;

export class ProjectionSync {
  readonly state: RoomState;
  private readonly previous = new Map<string, FlatDoc>();
  private readonly holders = new Map<string, { role: Role; count: number }>();

  constructor(state: RoomState) {
    this.state = state;
  }

  /** The doc for a key, created empty if missing. */
  ensure(key: string): ViewDoc {
    let doc = this.state.docs.get(key);
    if (!doc) {
      doc = new ViewDoc();
      this.state.docs.set(key, doc);
      this.previous.set(key, EMPTY);
    }
    return doc;
  }

  docFor(key: string): ViewDoc | undefined {
    return this.state.docs.get(key);
  }

  /** Diff a view into the doc of `key` (created if missing). A delegation doc holds the view with `seat: null`. */
  update(key: string, view: View): DocChanges {
    const doc = this.ensure(key);
    const before = this.previous.get(key) ?? EMPTY;
    const next = flattenView(docView(view));
    const changes: DocChanges = { sections: 0, lists: 0, added: 0, removed: 0, rewritten: 0 };
    syncSections(doc.sections, before.sections, next.sections, changes);
    for (const [name, entries] of Object.entries(next.lists)) {
      let list = doc.lists.get(name);
      if (!list) {
        list = new ViewList();
        doc.lists.set(name, list);
        changes.lists++;
      }
      diffList(list.items, before.lists[name] ?? [], entries, changes);
    }
    for (const name of Object.keys(before.lists)) {
      if (next.lists[name] === undefined) {
        doc.lists.delete(name);
        changes.lists++;
      }
    }
    this.previous.set(key, next);
    return changes;
  }

  /** Remove a doc (clients holding it in their StateView receive its removal). */
  drop(key: string): void {
    this.state.docs.delete(key);
    this.previous.delete(key);
    this.holders.delete(key);
  }

  /** A client with this role joined: its doc, projected now if it is new. Returns the key and the doc. */
  open(role: Role, project: Project): { key: string; doc: ViewDoc } {
    const key = roleKey(role);
    const held = this.holders.get(key);
    if (held) {
      held.count++;
      return { key, doc: this.ensure(key) };
    }
    const canonical = docRole(role);
    this.holders.set(key, { role: canonical, count: 1 });
    this.update(key, project(canonical));
    return { key, doc: this.ensure(key) };
  }

  /** A client with this role left; the doc is dropped with its last reader. Returns whether it was dropped. */
  close(role: Role): boolean {
    const key = roleKey(role);
    const held = this.holders.get(key);
    if (!held) return false;
    held.count--;
    if (held.count > 0) return false;
    this.drop(key);
    return true;
  }

  /** Re-project every open doc (after an engine step). Returns the changes per key. */
  refresh(project: Project): Map<string, DocChanges> {
    const out = new Map<string, DocChanges>();
    for (const [key, { role }] of this.holders) out.set(key, this.update(key, project(role)));
    return out;
  }

  /** The keys of the open docs. */
  keys(): string[] {
    return [...this.holders.keys()];
  }

  /** Set the public status and phase from any role's view (they are the same in every view). */
  setPublic(view: View): void {
    const state = this.state;
    const phases = view.phases;
    if (state.status !== view.clock.status) state.status = view.clock.status;
    const phase = phases.map((p) => p.id).join(',');
    if (state.phase !== phase) state.phase = phase;
    const title = phases[0] ? JSON.stringify(phases[0].title) : '';
    if (state.phaseTitle !== title) state.phaseTitle = title;
  }

  /** Anchor the clients' game clock: game time `gameMs` at wall time `wallMs`, moving at `speed` while running. */
  setClock(anchor: { gameMs: number; wallMs: number; speed: number; running: boolean }): void {
    const clock = this.state.clock;
    clock.gameMs = anchor.gameMs;
    clock.wallMs = anchor.wallMs;
    clock.speed = anchor.speed;
    clock.running = anchor.running;
  }
}

function syncSections(
  sections: MapSchema<string>,
  before: Readonly<Record<string, string>>,
  next: Readonly<Record<string, string>>,
  changes: DocChanges,
): void {
  for (const [name, json] of Object.entries(next)) {
    if (before[name] !== json) {
      sections.set(name, json);
      changes.sections++;
    }
  }
  for (const name of Object.keys(before)) {
    if (next[name] === undefined) {
      sections.delete(name);
      changes.sections++;
    }
  }
}
