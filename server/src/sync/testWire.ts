/**
 * Test support: the wire as Colyseus runs it (its SchemaSerializer), without a room. One shared encode per patch,
 * then one `encodeView` per client; a joining client gets `encodeAll` + `encodeAllView` and decodes with a decoder
 * built from the encoded reflection, as the SDK does. Every byte a client receives is kept, to search it.
 */
import { type Decoder, Encoder, type Iterator, Reflection, StateView } from '@colyseus/schema';
import type { View } from '@parley/shared/engine/viewTypes.ts';
import { createViewAssembler, type DocLike } from '@parley/shared/sync/assemble.ts';
import { grantDoc } from './grant.ts';
import { type RoomState, SYNC_BUFFER_SIZE, type ViewDoc } from './schema.ts';

export type WireClient = {
  readonly key: string;
  readonly view: StateView;
  readonly decoder: Decoder;
  /** The full state it received on joining. */
  readonly full: Uint8Array;
  /** Every patch it received since (empty ones included). */
  readonly patches: Uint8Array[];
  /** How it rebuilds its view, as the web client does (keeping the objects of what did not change). */
  readonly assemble: ReturnType<typeof createViewAssembler>;
};

/** A decoded document as the client sees it (reflected types: only the fields). */
type DecodedState = {
  status: string;
  phase: string;
  clock: { gameMs: number; wallMs: number; speed: number; running: boolean };
  docs: Map<string, unknown> & { size: number; get(key: string): unknown; keys(): Iterable<string> };
};

export class Wire {
  readonly encoder: Encoder;
  readonly clients: WireClient[] = [];

  constructor(state: RoomState) {
    Encoder.BUFFER_SIZE = SYNC_BUFFER_SIZE;
    this.encoder = new Encoder(state);
  }

  /** A client joins and receives the full state of what its view holds. */
  join(key: string, doc: ViewDoc): WireClient {
    const view = new StateView();
    grantDoc(view, doc);
    const it: Iterator = { offset: 0 };
    this.encoder.encodeAll(it);
    const full = this.encoder.encodeAllView(view, it.offset, it).slice();
    const decoder = Reflection.decode(Reflection.encode(this.encoder));
    decoder.decode(full);
    const client: WireClient = { key, view, decoder, full, patches: [], assemble: createViewAssembler() };
    this.clients.push(client);
    return client;
  }

  /** Send the pending changes to every client; returns each client's patch (in `clients` order). */
  patch(): Uint8Array[] {
    const out: Uint8Array[] = [];
    const it: Iterator = { offset: 0 };
    if (this.encoder.hasChanges) this.encoder.encode(it);
    const shared = it.offset;
    for (const client of this.clients) {
      const bytes =
        this.encoder.hasChanges || client.view.changes.size > 0
          ? this.encoder.encodeView(client.view, shared, it).slice()
          : new Uint8Array(0);
      client.decoder.decode(bytes);
      client.patches.push(bytes);
      out.push(bytes);
    }
    this.encoder.discardChanges();
    return out;
  }

  leave(client: WireClient): void {
    const i = this.clients.indexOf(client);
    if (i >= 0) this.clients.splice(i, 1);
    client.view.dispose();
  }
}

export const decodedState = (client: WireClient) => client.decoder.state as unknown as DecodedState;

/** The view the client can rebuild from what it decoded. */
export function clientView(client: WireClient, key = client.key): View {
  const doc = decodedState(client).docs.get(key);
  if (doc === undefined) throw new Error(`the client holds no doc ${key}`);
  return client.assemble(doc as DocLike);
}

/** Everything the client received, as one buffer (to search for bytes that must not be there). */
export function received(client: WireClient): Buffer {
  return Buffer.concat([client.full, ...client.patches]);
}
