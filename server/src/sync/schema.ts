/**
 * The room's synced document (Colyseus schema v5). A few public fields every client receives (which exercise, its
 * status and phase, and a clock anchor from which a client runs a smooth game clock locally), and `docs`: one
 * `ViewDoc` per role key (see `roleKey`), view-tagged, so a client receives only the docs its `StateView` holds.
 * A `ViewDoc` is a view flattened by `flattenView` (@parley/shared/sync/flatten.ts): JSON sections and keyed lists.
 */
import { type SchemaType, schema, t } from '@colyseus/schema';

/**
 * The encoder's buffer size to set once per process (`Encoder.BUFFER_SIZE = SYNC_BUFFER_SIZE`) before rooms are
 * created. A facilitator's full state passes 16 KiB (the default) early in play (~180 KB after 100 events of
 * gridlock); with the default, every full-state encode grows a buffer again and warns on the console.
 */
export const SYNC_BUFFER_SIZE = 512 * 1024;

/** One list item: a key stable for the item's lifetime and the item's JSON. */
export const Entry = schema({ key: t.string(), json: t.string() }, 'Entry');
export type Entry = SchemaType<typeof Entry>;

export const ViewList = schema({ items: t.array(Entry) }, 'ViewList');
export type ViewList = SchemaType<typeof ViewList>;

export const ViewDoc = schema({ sections: t.map('string'), lists: t.map(ViewList) }, 'ViewDoc');
export type ViewDoc = SchemaType<typeof ViewDoc>;

/**
 * The game clock as of a wall instant: a client shows `gameMs + (Date.now() - wallMs) * speed` while `running`.
 * `wallMs` is the server's wall clock (ms since the epoch).
 */
export const ClockAnchor = schema(
  { gameMs: t.number(), wallMs: t.number(), speed: t.number(), running: t.boolean() },
  'ClockAnchor',
);
export type ClockAnchor = SchemaType<typeof ClockAnchor>;

export const RoomState = schema(
  {
    exerciseId: t.string(),
    scenarioId: t.string(),
    /** setup, running, paused or ended. */
    status: t.string(),
    /** The active phase ids, comma-separated. */
    phase: t.string(),
    /** The first active phase's title: JSON of its LocalizedText ("" when no phase is active). */
    phaseTitle: t.string(),
    clock: ClockAnchor,
    /** Per-role docs: a client receives only those its StateView holds (`grantDoc`). */
    docs: t.map(ViewDoc).view(),
  },
  'ParleyState',
);
export type RoomState = SchemaType<typeof RoomState>;

export function createRoomState(ids: { exerciseId: string; scenarioId: string } = { exerciseId: '', scenarioId: '' }) {
  const state = new RoomState();
  state.exerciseId = ids.exerciseId;
  state.scenarioId = ids.scenarioId;
  state.status = 'setup';
  state.phase = '';
  state.phaseTitle = '';
  state.clock.gameMs = 0;
  state.clock.wallMs = 0;
  state.clock.speed = 1;
  state.clock.running = false;
  return state;
}
