/**
 * Secrecy on the wire: every byte each client receives during a whole scripted exercise (the join handshake, the
 * full state, every patch and every message), captured on the WebSocket below the SDK, holds no private string of
 * a delegation it does not belong to. Markers sit in a copy of Gridlock (briefings, inject bodies, MSEL notes) and
 * in what the script sends (pings and acknowledgements, bilateral and group messages, assessment notes, assistance
 * texts, proposal clauses and a rejection reason, an edited private inject, an ad-hoc inject and a broadcast to one
 * delegation, a control-only reason). Four delegations sit with both seats, two clients join late (their full state
 * is checked too), an evaluator watches one delegation, the observer sees only public markers, and the facilitator
 * receives every marker in play: the markers really are on the wire, so their absence elsewhere means something.
 */
import type { FacilitatorView, Role, View } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type Audience, Markers, markedGridlock } from './helpers/markers.ts';
import { Seat } from './helpers/seat.ts';
import { startServer, type TestExercise, type TestServer } from './helpers/server.ts';
import { frameKind, type Tap, tappedSdk } from './helpers/wire.ts';

const V = 'veldmark';
const H = 'halvania';
const D = 'dravonia';
const G = 'rgcc';

const seat = (delegation: string, seatId: string): Role => ({ kind: 'delegation', delegation, seat: seatId });
const ROLES = {
  control: { kind: 'facilitator' },
  observer: { kind: 'observer' },
  evalVeldmark: { kind: 'evaluator', delegations: [V] },
  vMfa: seat(V, 'mfa'),
  vCert: seat(V, 'cert'),
  hMfa: seat(H, 'mfa'),
  hCert: seat(H, 'cert'),
  dMfa: seat(D, 'mfa'),
  dCert: seat(D, 'cert'),
  gDirector: seat(G, 'director'),
  // These two join late: everything said before reaches them in their first full state.
  gCyber: seat(G, 'cyber'),
  lateObserver: { kind: 'observer' },
} as const satisfies Record<string, Role>;
type Name = keyof typeof ROLES;
const LATE: readonly Name[] = ['gCyber', 'lateObserver'];

type Client = { readonly name: Name; readonly role: Role; readonly seat: Seat; readonly tap: Tap };

const markers = new Markers();
const M = (audience: Audience, where: string, inject?: string) => markers.make(audience, where, inject);
let scenario: ReturnType<typeof markedGridlock>;
let server: TestServer;
let exercise: TestExercise;
const clients = new Map<Name, Client>();
let warnings: MockInstance<typeof console.warn>;

async function join(name: Name, code: string | null): Promise<Client> {
  const { sdk, tap } = tappedSdk(`ws://127.0.0.1:${server.port}`);
  const options = code === null ? { facilitatorToken: exercise.facilitatorToken, exerciseId: exercise.id } : { code };
  const s = server.track(await Seat.join(sdk, exercise.id, options));
  const client: Client = { name, role: ROLES[name], seat: s, tap };
  clients.set(name, client);
  return client;
}

const client = (name: Name): Seat => {
  const c = clients.get(name);
  if (!c) throw new Error(`${name} has not joined`);
  return c.seat;
};

/** The id the host gave what an acknowledged command created (ping-17, request-17, proposal-17). */
const created = (prefix: string, ack: { seqs: readonly number[] }) => `${prefix}-${ack.seqs[0]}`;

/** The whole exercise, from setup to the end. */
async function play(): Promise<void> {
  const c = client;
  const i28 = scenario.scenario.injects.find((i) => i.id === 'i28_dravonia_ssd');
  if (!i28 || typeof i28.body !== 'string') throw new Error('Gridlock has no inject i28_dravonia_ssd');

  // Setup: the facilitator rewrites a private intelligence inject before it is due.
  await c('control').ok({
    type: 'inject.edit',
    inject: i28.id,
    changes: { body: `${i28.body}\n\nUpdate: ${M([D], 'edited body of i28', i28.id)}` },
  });
  await c('control').ok({ type: 'exercise.start' });
  await c('control').ok({
    type: 'variable.adjust',
    var: 'public_pressure',
    add: 1,
    reason: M('control', 'reason of a variable adjustment'),
  });
  await c('control').ok({ type: 'clock.jump', minutes: 18 }); // injects of minutes 3 to 17, private ones included

  // Points of contact: a ping and its acknowledgement.
  const ping = await c('vMfa').ok({ type: 'poc.ping', to: D, text: M([V, D], 'ping text') });
  await c('dMfa').ok({ type: 'poc.ack', ping: created('ping', ping), text: M([V, D], 'ack text') });

  // Messages: bilateral, two groups, public.
  const bilateral = (w: string) => ({ kind: 'bilateral', with: w }) as const;
  await c('hCert').ok({ type: 'message.send', channel: bilateral(G), text: M([H, G], 'bilateral message') });
  await c('gDirector').ok({
    type: 'message.send',
    channel: { kind: 'group', group: 'tessaline_grid' },
    text: M([V, H, G], 'tessaline_grid group message'),
  });
  await c('dMfa').ok({
    type: 'message.send',
    channel: { kind: 'group', group: 'csirt_network' },
    text: M([V, H, D, G], 'csirt_network group message'),
  });
  await c('vCert').ok({ type: 'message.send', channel: { kind: 'public' }, text: M('public', 'public message') });

  // Assessments, from both seats of every delegation.
  for (const [name, d] of [
    ['vMfa', V],
    ['vCert', V],
    ['hMfa', H],
    ['hCert', H],
    ['dMfa', D],
    ['dCert', D],
    ['gDirector', G],
  ] as const) {
    await c(name).ok({
      type: 'assess',
      severity: 3,
      suspect: null,
      confidence: 'low',
      note: M([d], `note of ${name}`),
    });
  }

  // Assistance: one request answered with an offer, one declined.
  const req1 = await c('hMfa').ok({ type: 'assistance.request', to: V, text: M([H, V], 'assistance request') });
  await c('vMfa').ok({
    type: 'assistance.offer',
    to: H,
    request: created('request', req1),
    text: M([V, H], 'assistance offer'),
  });
  const req2 = await c('hCert').ok({ type: 'assistance.request', to: D, text: M([H, D], 'assistance request') });
  await c('dCert').ok({
    type: 'assistance.decline',
    request: created('request', req2),
    text: M([D, H], 'assistance decline'),
  });

  // A proposal between two delegations: created, rejected, amended, accepted and signed by both.
  const proposal = created(
    'proposal',
    await c('hMfa').ok({
      type: 'proposal.create',
      template: 'emergency_assistance',
      parties: [H, V],
      clauses: [{ id: 'priority', text: M([H, V], 'proposal clause') }],
    }),
  );
  await c('vMfa').ok({ type: 'proposal.reject', proposal, reason: M([V, H], 'proposal rejection reason') });
  await c('vCert').ok({ type: 'proposal.amend', proposal, clause: null, text: M([V, H], 'amended clause') });
  for (const name of ['hMfa', 'vMfa'] as const) await c(name).ok({ type: 'proposal.accept', proposal, version: 2 });
  for (const name of ['hCert', 'vCert'] as const) await c(name).ok({ type: 'proposal.sign', proposal });

  // Public actions and facilitator messages to one delegation.
  await c('vMfa').ok({
    type: 'signal.send',
    action: 'press_briefing',
    targets: [],
    params: { line: M('public', 'press line') },
  });
  await c('control').ok({
    type: 'inject.write',
    title: 'Ad hoc',
    body: M([D], 'ad-hoc inject body'),
    channel: 'email',
    to: [D],
  });
  await c('control').ok({ type: 'broadcast', to: [G], text: M([G], 'broadcast to one delegation') });
  await c('control').ok({ type: 'adjudicate', ruling: M('public', 'public ruling'), effects: [] });

  // Two clients join mid-play, then the clock moves on (the phase changes, more private injects), and play ends.
  await join('gCyber', exercise.codeOf(ROLES.gCyber));
  await join('lateObserver', exercise.codes.filter((x) => x.role.kind === 'observer')[1]?.code ?? '');
  await c('control').ok({ type: 'clock.jump', minutes: 12 });
  await c('hMfa').ok({ type: 'message.send', channel: bilateral(V), text: M([H, V], 'bilateral after late joins') });
  await c('control').ok({ type: 'exercise.end', note: 'Time is up.' });
  for (const { seat: s } of clients.values()) await s.until((v: View) => v.clock.status === 'ended', 'the end');
}

beforeAll(async () => {
  warnings = vi.spyOn(console, 'warn');
  scenario = markedGridlock(markers);
  server = await startServer({ scenariosDir: scenario.dir });
  exercise = await server.createExercise({
    scenarioId: 'gridlock',
    evaluators: [{ delegations: [V] }],
    observers: 2,
  });
  for (const name of Object.keys(ROLES) as Name[]) {
    if (LATE.includes(name)) continue;
    await join(name, name === 'control' ? null : exercise.codeOf(ROLES[name]));
  }
  await play();
}, 30_000);

afterAll(async () => {
  warnings?.mockRestore();
  await server?.close();
  scenario?.remove();
});

const texts = (ms: readonly { text: string }[]) => ms.map((m) => m.text).sort();

function inPlay() {
  const view = exercise.host.view({ kind: 'facilitator' }) as FacilitatorView;
  return markers.inPlay(new Set(view.injects.map((i) => i.id)));
}

describe('what each client receives on the wire', () => {
  it('captures the whole session: handshake, full state, patches and messages, for every client', () => {
    for (const c of clients.values()) {
      const s = c.tap.summary();
      expect(s.join?.frames, `${c.name}: join frames`).toBeGreaterThan(0);
      expect(s['full state']?.frames, `${c.name}: full state frames`).toBeGreaterThan(0);
      expect(s.patch?.frames, `${c.name}: patches`).toBeGreaterThan(LATE.includes(c.name) ? 2 : 20);
      expect(s.message?.frames, `${c.name}: messages`).toBeGreaterThan(0);
    }
    const played = inPlay();
    const table = [...clients.values()].map((c) => {
      const s = c.tap.summary();
      const all = c.tap.frames.reduce((n, f) => n + f.byteLength, 0);
      const found = c.tap.found(texts(markers.all)).length;
      return `${c.name.padEnd(13)} ${String(c.tap.frames.length).padStart(4)} frames ${String(all).padStart(8)} B (full state ${s['full state']?.bytes ?? 0} B)  markers ${found}/${played.length}`;
    });
    console.info(`${played.length} markers in play (${markers.all.length} in all)\n${table.join('\n')}`);
    expect(played.length).toBeGreaterThan(40);
    const delivered = new Set(played.flatMap((m) => (m.inject ? [m.inject] : [])));
    expect(delivered).toContain('i28_dravonia_ssd');
    expect(delivered).toContain('i10_intel_blackfrost');
  });

  it('gives the facilitator every marker in play (the markers really are on the wire)', () => {
    const facilitator = clients.get('control');
    if (!facilitator) throw new Error('no facilitator');
    const missing = texts(inPlay()).filter((t) => !facilitator.tap.found([t]).length);
    expect(markers.describe(missing)).toEqual([]);
  });

  it('gives the observers the public markers and nothing else', () => {
    for (const name of ['observer', 'lateObserver'] as const) {
      const tap = clients.get(name)?.tap;
      if (!tap) throw new Error(`no ${name}`);
      const found = tap.found(texts(markers.all));
      expect(markers.describe(found), name).toEqual(
        markers.describe(texts(inPlay().filter((m) => m.audience === 'public'))),
      );
    }
  });

  it('gives every delegation seat and the evaluator exactly the markers of their own audiences', () => {
    const played = inPlay();
    for (const c of clients.values()) {
      if (c.role.kind === 'facilitator' || c.role.kind === 'observer') continue;
      const found = c.tap.found(texts(markers.all));
      const leaked = found.filter((t) => !markers.allowedFor(c.role).some((m) => m.text === t));
      expect(markers.describe(leaked), `${c.name} received other delegations' secrets`).toEqual([]);
      const expected = texts(played.filter((m) => Markers.allowed(m, c.role)));
      expect(markers.describe(found), c.name).toEqual(markers.describe(expected));
      // Each has secrets of its own and public markers, and is kept from most of the rest.
      expect(expected.some((t) => t.startsWith('ZX-PRIV-'))).toBe(true);
      expect(played.length - expected.length, c.name).toBeGreaterThan(15);
    }
  });

  it("puts a late joiner's past in its first full state, without anyone else's secrets", () => {
    const late = clients.get('gCyber');
    if (!late) throw new Error('no late joiner');
    const full = late.tap.frames.find((f) => frameKind(f) === 'full state');
    if (!full) throw new Error('no full state');
    const inFull = markers.all.filter((m) => Buffer.from(full).includes(m.text));
    const where = inFull.map((m) => m.where);
    expect(where).toEqual(
      expect.arrayContaining([
        'private briefing of rgcc',
        'bilateral message',
        'tessaline_grid group message',
        'broadcast to one delegation',
        'body of inject i15_tap_logs',
      ]),
    );
    expect(inFull.filter((m) => !Markers.allowed(m, ROLES.gCyber)).map((m) => m.where)).toEqual([]);
  });

  it('sends full states of 20 to 50 KB without the encoder growing its buffers (no console warning per join)', () => {
    const overflows = warnings.mock.calls.filter((args) => String(args[0]).includes('buffer overflow'));
    expect(overflows.length).toBe(0);
  });
});
