/**
 * The phase statechart laid out for drawing, without a graph library: a small layered layout, top to bottom.
 *
 * - Each container (the scenario, or a phase with sub-phases) lays out its own children in layers: its first phase
 *   on layer 0, then each phase one layer below the lowest phase that leads to it (transitions and time-outs between
 *   descendants count for the children that hold them; edges that go back up a cycle are ignored for layering).
 *   Phases in one layer sit side by side in document order, each layer centred.
 * - A phase with sub-phases is a box holding its children's layout under its header, so children are always inside
 *   their parent. Endings are terminal nodes on a last row of the scenario.
 * - Injects are placed on a phase: on its time axis when timed (`at` minutes, or `onEnter` + delay), as markers
 *   when conditional or manual. Timed injects with no `phase` go to the deepest phase whose planned window (from
 *   the time boxes and their time-outs) holds their minute; what has no phase goes on a "whole exercise" strip.
 *
 * Pure: sizes are fixed (titles are wrapped by the renderer), so the same scenario always gives the same picture.
 */
import type { Inject, Phase, Scenario } from '@parley/shared/scenario/schema.ts';

export const LEAF_W = 248;
export const HEADER_H = 52;
export const TRACK_H = 50;
export const PAD = 16;
/** Room above a container's first layer for the "start" dot and its arrow. */
export const START_H = 26;
export const H_GAP = 36;
export const V_GAP = 64;
export const ENDING_W = 200;
export const ENDING_H = 64;
export const MARGIN = 16;

export type Rect = { readonly x: number; readonly y: number; readonly w: number; readonly h: number };

export type PhaseBox = Rect & {
  readonly kind: 'phase';
  readonly id: string;
  readonly phase: Phase;
  readonly parent: string | null;
  readonly depth: number;
  readonly compound: boolean;
  /** The time axis row (present for leaves, and for compounds that hold injects of their own). */
  readonly track: Rect | null;
  /** Planned minutes of game time [start, end] when the time boxes say (end null: open). */
  readonly window: { readonly start: number; readonly end: number | null } | null;
};

export type EndingBox = Rect & { readonly kind: 'ending'; readonly id: string; readonly index: number };

/** The "whole exercise" strip for injects tied to no phase. */
export type FreeBox = Rect & { readonly kind: 'free'; readonly track: Rect; readonly span: number };

export type Point = { readonly x: number; readonly y: number };

export type DiagramEdge = {
  readonly key: string;
  readonly from: string;
  /** A phase id, or an ending id when `toEnding`. */
  readonly to: string;
  readonly toEnding: boolean;
  readonly kind: 'transition' | 'timeout';
  /** For transitions: the index in the phase's `transitions`. */
  readonly index: number;
  /** Cubic Bézier: start, control 1, control 2, end. */
  readonly path: readonly [Point, Point, Point, Point];
  /** Where its label goes, and on which side of that point it runs (so parallel arrows' labels do not meet). */
  readonly label: Point;
  readonly labelSide: 'start' | 'end';
};

export type MarkKind = 'timed' | 'onEnter' | 'conditional' | 'manual';

export type InjectMark = {
  readonly id: string;
  readonly inject: Inject;
  /** The phase it sits on, or null for the whole-exercise strip. */
  readonly host: string | null;
  readonly kind: MarkKind;
  /** Game minute (absolute for `at`, planned for `onEnter` when the phase's start is known), when timed. */
  readonly minute: number | null;
  readonly x: number;
  readonly y: number;
};

export type StartMark = { readonly from: Point; readonly to: Point };

export type DiagramLayout = {
  readonly width: number;
  readonly height: number;
  readonly phases: readonly PhaseBox[];
  readonly endings: readonly EndingBox[];
  readonly free: FreeBox | null;
  readonly edges: readonly DiagramEdge[];
  readonly marks: readonly InjectMark[];
  readonly starts: readonly StartMark[];
};

// ─── Planned windows ───────────────────────────────────────────────────────────────────────────────────────────────

type Flat = { readonly phase: Phase; readonly parent: string | null; readonly depth: number; readonly order: number };

function flatten(phases: readonly Phase[]): Map<string, Flat> {
  const out = new Map<string, Flat>();
  let order = 0;
  const walk = (list: readonly Phase[], parent: string | null, depth: number) => {
    for (const phase of list) {
      if (out.has(phase.id)) continue;
      out.set(phase.id, { phase, parent, depth, order: order++ });
      walk(phase.phases, phase.id, depth + 1);
    }
  };
  walk(phases, null, 0);
  return out;
}

const initialOf = (p: Phase): Phase | undefined =>
  (p.initial !== undefined ? p.phases.find((c) => c.id === p.initial) : undefined) ?? p.phases[0];

/**
 * When each phase is planned to start and end, in game minutes, following the time boxes: play starts in the first
 * phase (and its first sub-phases) at 0; a time-out starts its target when the box runs out. Phases entered only by
 * conditions start when their source's box ends, if it has one. A phase with no box ends with its parent, or when
 * its last sub-phase does.
 */
export function plannedWindows(scenario: Pick<Scenario, 'phases'>): Map<string, { start: number; end: number | null }> {
  const flat = flatten(scenario.phases);
  const start = new Map<string, number>();
  const enter = (p: Phase, at: number): boolean => {
    let changed = false;
    for (let q: Phase | undefined = p; q !== undefined; q = initialOf(q)) {
      const known = start.get(q.id);
      if (known === undefined || at < known) {
        start.set(q.id, at);
        changed = true;
      }
    }
    return changed;
  };
  const first = scenario.phases[0];
  if (first) enter(first, 0);
  const phaseById = (id: string | undefined) => (id === undefined ? undefined : flat.get(id)?.phase);
  for (let round = 0, changed = true; changed && round < flat.size + 2; round++) {
    changed = false;
    for (const { phase } of flat.values()) {
      const s = start.get(phase.id);
      if (s === undefined || phase.timebox === undefined) continue;
      const target = phaseById(phase.onTimeout?.to);
      if (target && enter(target, s + phase.timebox)) changed = true;
    }
  }
  // Phases reached only by conditions: when their source's box ends (an estimate), in document order.
  for (let round = 0, changed = true; changed && round < flat.size + 2; round++) {
    changed = false;
    for (const { phase } of flat.values()) {
      const s = start.get(phase.id);
      if (s === undefined || phase.timebox === undefined) continue;
      for (const t of phase.transitions) {
        const target = phaseById(t.to);
        if (target && !start.has(target.id) && enter(target, s + phase.timebox)) changed = true;
      }
    }
  }
  const end = new Map<string, number | null>();
  const endOf = (id: string, seen: Set<string>): number | null => {
    if (end.has(id)) return end.get(id) ?? null;
    const f = flat.get(id);
    const s = start.get(id);
    if (!f || s === undefined || seen.has(id)) return null;
    seen.add(id);
    let e: number | null = null;
    if (f.phase.timebox !== undefined) e = s + f.phase.timebox;
    else if (f.phase.phases.length > 0) {
      const ends = f.phase.phases.map((c) => endOf(c.id, seen));
      if (ends.every((x) => x !== null)) e = Math.max(...(ends as number[]));
    }
    if (e === null && f.parent !== null) e = endOf(f.parent, seen);
    end.set(id, e);
    return e;
  };
  const out = new Map<string, { start: number; end: number | null }>();
  for (const id of flat.keys()) {
    const s = start.get(id);
    if (s !== undefined) out.set(id, { start: s, end: endOf(id, new Set()) });
  }
  return out;
}

// ─── Placing injects ───────────────────────────────────────────────────────────────────────────────────────────────

export type Placement = { readonly host: string | null; readonly kind: MarkKind; readonly minute: number | null };

/** Which phase an inject sits on, how it is triggered, and its game minute when timed. */
export function placeInject(
  inject: Inject,
  flat: ReadonlyMap<string, { readonly depth: number }>,
  windows: ReadonlyMap<string, { start: number; end: number | null }>,
): Placement {
  const known = (id: string | undefined) => (id !== undefined && flat.has(id) ? id : null);
  if (inject.at !== undefined) {
    let host = known(inject.phase);
    if (host === null) {
      let depth = -1;
      for (const [id, w] of windows) {
        const d = flat.get(id)?.depth ?? 0;
        if (w.end !== null && w.start <= inject.at && inject.at < w.end && d > depth) {
          host = id;
          depth = d;
        }
      }
    }
    return { host, kind: 'timed', minute: inject.at };
  }
  if (inject.onEnter !== undefined) {
    const host = known(inject.onEnter) ?? known(inject.phase);
    const s = host === null ? undefined : windows.get(host)?.start;
    return { host, kind: 'onEnter', minute: s === undefined ? null : s + (inject.delay ?? 0) };
  }
  return { host: known(inject.phase), kind: inject.manual === true ? 'manual' : 'conditional', minute: null };
}

// ─── Layered layout ────────────────────────────────────────────────────────────────────────────────────────────────

type Placed = { readonly id: string; x: number; y: number };

/** Layers for `nodes` (document order) given edges between them; the first node starts layer 0. */
export function assignLayers(
  ids: readonly string[],
  edges: readonly (readonly [string, string])[],
): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const [a, b] of edges) if (a !== b && ids.includes(a) && ids.includes(b)) out.set(a, [...(out.get(a) ?? []), b]);
  // Drop back edges: a depth-first search from the roots (the first node, then any not yet visited, in order).
  const state = new Map<string, 'open' | 'done'>();
  const forward: [string, string][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const next of out.get(id) ?? []) {
      const s = state.get(next);
      if (s === 'open') continue;
      forward.push([id, next]);
      if (s === undefined) visit(next);
    }
    state.set(id, 'done');
  };
  for (const id of ids) if (!state.has(id)) visit(id);
  // Longest path from the roots over the forward edges (a DAG).
  const layer = new Map(ids.map((id) => [id, 0]));
  for (let round = 0, changed = true; changed && round <= ids.length; round++) {
    changed = false;
    for (const [a, b] of forward) {
      const l = (layer.get(a) ?? 0) + 1;
      if (l > (layer.get(b) ?? 0)) {
        layer.set(b, l);
        changed = true;
      }
    }
  }
  // A node nobody leads to sits beside its predecessor in document order, not on top.
  const incoming = new Set(forward.map(([, b]) => b));
  ids.forEach((id, i) => {
    if (i === 0 || incoming.has(id)) return;
    const prev = ids[i - 1] as string;
    layer.set(id, Math.max(layer.get(id) ?? 0, layer.get(prev) ?? 0));
  });
  return layer;
}

/** Rows of ids by layer, each in document order. */
function rows(ids: readonly string[], layer: ReadonlyMap<string, number>): string[][] {
  const out: string[][] = [];
  for (const id of ids) {
    const l = layer.get(id) ?? 0;
    while (out.length <= l) out.push([]);
    (out[l] as string[]).push(id);
  }
  return out.filter((r) => r.length > 0);
}

/** Positions for sized nodes in rows: each row centred in the widest, rows `V_GAP` apart. */
function placeRows(
  rowIds: readonly string[][],
  size: (id: string) => { w: number; h: number },
): { placed: Placed[]; w: number; h: number } {
  const widths = rowIds.map((r) => r.reduce((sum, id) => sum + size(id).w, 0) + H_GAP * (r.length - 1));
  const w = Math.max(0, ...widths);
  const placed: Placed[] = [];
  let y = 0;
  rowIds.forEach((r, i) => {
    let x = (w - (widths[i] ?? 0)) / 2;
    const rowH = Math.max(...r.map((id) => size(id).h));
    for (const id of r) {
      placed.push({ id, x, y });
      x += size(id).w + H_GAP;
    }
    y += rowH + V_GAP;
  });
  return { placed, w, h: Math.max(0, y - V_GAP) };
}

/** The child of `container` (a phase id, or null for the top level) that holds phase `id`, if any. */
function childHolding(flat: ReadonlyMap<string, Flat>, container: string | null, id: string): string | null {
  for (let f = flat.get(id), cur = id; f !== undefined; cur = f.parent ?? '', f = flat.get(cur)) {
    if (f.parent === container) return cur;
    if (f.parent === null) return null;
  }
  return null;
}

type PhaseEdge = {
  from: string;
  to: string;
  toEnding: boolean;
  kind: 'transition' | 'timeout';
  index: number;
};

function edgesOf(flat: ReadonlyMap<string, Flat>, endings: ReadonlySet<string>): PhaseEdge[] {
  const out: PhaseEdge[] = [];
  for (const { phase } of flat.values()) {
    phase.transitions.forEach((t, index) => {
      const to = t.to ?? t.end;
      if (to === undefined) return;
      const toEnding = t.end !== undefined;
      if (toEnding ? endings.has(to) : flat.has(to))
        out.push({ from: phase.id, to, toEnding, kind: 'transition', index });
    });
    const o = phase.onTimeout;
    const to = o?.to ?? o?.end;
    if (o && to !== undefined && phase.timebox !== undefined) {
      const toEnding = o.end !== undefined;
      if (toEnding ? endings.has(to) : flat.has(to))
        out.push({ from: phase.id, to, toEnding, kind: 'timeout', index: -1 });
    }
  }
  return out;
}

export function layoutDiagram(scenario: Pick<Scenario, 'phases' | 'endings' | 'injects'>): DiagramLayout {
  const flat = flatten(scenario.phases);
  const endingIds = new Set(scenario.endings.map((e) => e.id));
  const windows = plannedWindows(scenario);
  const edges = edgesOf(flat, endingIds);
  const placements = scenario.injects.map((inject) => ({ inject, ...placeInject(inject, flat, windows) }));
  const hosted = new Set(placements.map((p) => p.host));

  // Sizes, bottom-up; child positions relative to their container's content origin.
  const size = new Map<string, { w: number; h: number }>();
  const local = new Map<string, Placed[]>();
  const hasTrack = (p: Phase) => p.phases.length === 0 || hosted.has(p.id);
  const layoutContainer = (container: string | null, children: readonly Phase[]) => {
    for (const c of children) measure(c);
    const ids = children.map((c) => c.id);
    const pairs: [string, string][] = [];
    for (const e of edges) {
      if (e.toEnding) continue;
      const a = childHolding(flat, container, e.from);
      const b = childHolding(flat, container, e.to);
      if (a !== null && b !== null && a !== b) pairs.push([a, b]);
    }
    const first = container === null ? children[0] : initialOf(flat.get(container)?.phase as Phase);
    const ordered = first ? [first.id, ...ids.filter((id) => id !== first.id)] : ids;
    const layer = assignLayers(ordered, pairs);
    return placeRows(rows(ids, layer), (id) => size.get(id) ?? { w: LEAF_W, h: HEADER_H });
  };
  const measure = (p: Phase) => {
    if (size.has(p.id)) return;
    const track = hasTrack(p) ? TRACK_H : 0;
    if (p.phases.length === 0) {
      size.set(p.id, { w: LEAF_W, h: HEADER_H + track + 6 });
      return;
    }
    const inner = layoutContainer(p.id, p.phases);
    local.set(p.id, inner.placed);
    size.set(p.id, { w: Math.max(LEAF_W, inner.w + 2 * PAD), h: HEADER_H + track + START_H + inner.h + PAD });
  };
  const top = layoutContainer(null, scenario.phases);

  const free = placements.some((p) => p.host === null);
  const endingsW = scenario.endings.length * ENDING_W + Math.max(0, scenario.endings.length - 1) * H_GAP;
  const width = Math.max(top.w, endingsW, free ? LEAF_W * 2 : 0) + 2 * MARGIN;
  const freeH = free ? HEADER_H - 16 + TRACK_H + 6 : 0;
  const originY = MARGIN + (free ? freeH + 24 : 0) + START_H;
  const originX = (width - top.w) / 2;

  // Absolute positions, top-down.
  const boxes: PhaseBox[] = [];
  const byId = new Map<string, PhaseBox>();
  const starts: StartMark[] = [];
  const startAbove = (x: number, y: number, w: number) => {
    starts.push({ from: { x: x + w / 2, y: y - START_H + 6 }, to: { x: x + w / 2, y } });
  };
  const place = (items: readonly Placed[], ox: number, oy: number, parent: string | null) => {
    const firstId = parent === null ? scenario.phases[0]?.id : initialOf(flat.get(parent)?.phase as Phase)?.id;
    for (const item of items) {
      const f = flat.get(item.id) as Flat;
      const s = size.get(item.id) as { w: number; h: number };
      const x = ox + item.x;
      const y = oy + item.y;
      const trackH = hasTrack(f.phase) ? TRACK_H : 0;
      const box: PhaseBox = {
        kind: 'phase',
        id: item.id,
        phase: f.phase,
        parent,
        depth: f.depth,
        compound: f.phase.phases.length > 0,
        x,
        y,
        w: s.w,
        h: s.h,
        track: trackH > 0 ? { x: x + 12, y: y + HEADER_H, w: s.w - 24, h: TRACK_H } : null,
        window: windows.get(item.id) ?? null,
      };
      boxes.push(box);
      byId.set(item.id, box);
      if (item.id === firstId) startAbove(x, y, s.w);
      const inner = local.get(item.id);
      if (inner) {
        const innerW = Math.max(0, ...inner.map((c) => c.x + (size.get(c.id)?.w ?? 0)));
        place(inner, x + (s.w - innerW) / 2, y + HEADER_H + trackH + START_H, item.id);
      }
    }
  };
  place(top.placed, originX, originY, null);

  const endingsY = originY + top.h + V_GAP;
  let ex = (width - endingsW) / 2;
  const endings: EndingBox[] = scenario.endings.map((e, index) => {
    const box: EndingBox = { kind: 'ending', id: e.id, index, x: ex, y: endingsY, w: ENDING_W, h: ENDING_H };
    ex += ENDING_W + H_GAP;
    return box;
  });
  const endingById = new Map(endings.map((e) => [e.id, e]));

  const freeBox: FreeBox | null = free
    ? {
        kind: 'free',
        x: MARGIN,
        y: MARGIN,
        w: width - 2 * MARGIN,
        h: freeH,
        track: { x: MARGIN + 12, y: MARGIN + HEADER_H - 16, w: width - 2 * MARGIN - 24, h: TRACK_H },
        span: Math.max(
          1,
          ...scenario.injects.map((i) => i.at ?? 0),
          ...[...windows.values()].map((w) => w.end ?? w.start),
        ),
      }
    : null;

  // Edges: leave from the bottom, arrive at the top; an edge that goes up or sideways runs along the right.
  const outCount = new Map<string, number>();
  const inCount = new Map<string, number>();
  const forwardOf = (e: PhaseEdge) => {
    const a = byId.get(e.from) as PhaseBox;
    const b = (e.toEnding ? endingById.get(e.to) : byId.get(e.to)) as Rect;
    return b.y >= a.y + a.h - 1;
  };
  for (const e of edges) {
    if (!forwardOf(e)) continue;
    outCount.set(e.from, (outCount.get(e.from) ?? 0) + 1);
    inCount.set(e.to, (inCount.get(e.to) ?? 0) + 1);
  }
  const outSeen = new Map<string, number>();
  const inSeen = new Map<string, number>();
  const slot = (seen: Map<string, number>, count: ReadonlyMap<string, number>, id: string) => {
    const k = seen.get(id) ?? 0;
    seen.set(id, k + 1);
    return (k + 1) / ((count.get(id) ?? 1) + 1);
  };
  let side = 0;
  const drawn: DiagramEdge[] = edges.map((e): DiagramEdge => {
    const a = byId.get(e.from) as PhaseBox;
    const b = (e.toEnding ? endingById.get(e.to) : byId.get(e.to)) as Rect;
    const key = `${e.from}:${e.kind === 'timeout' ? 'timeout' : e.index}`;
    if (forwardOf(e)) {
      const p0 = { x: a.x + a.w * slot(outSeen, outCount, e.from), y: a.y + a.h };
      const p3 = { x: b.x + b.w * slot(inSeen, inCount, e.to), y: b.y };
      const dy = Math.max(24, (p3.y - p0.y) / 2);
      const path = [p0, { x: p0.x, y: p0.y + dy }, { x: p3.x, y: p3.y - dy }, p3] as const;
      // The left one of several arrows leaving a box has its label on its left; the others on their right.
      const leftmost = (outCount.get(e.from) ?? 1) > 1 && p0.x < a.x + a.w / 2;
      const mid = bezierAt(path, 0.5);
      return {
        ...e,
        key,
        path,
        label: { x: mid.x + (leftmost ? -6 : 6), y: mid.y },
        labelSide: leftmost ? 'end' : 'start',
      };
    }
    // Back or sideways: out of the right side, round, into the right side.
    side++;
    const p0 = { x: a.x + a.w, y: a.y + Math.min(a.h / 2, HEADER_H / 2 + 8) };
    const p3 = { x: b.x + b.w, y: b.y + Math.min(b.h / 2, HEADER_H / 2 + 8) };
    const reach = Math.max(p0.x, p3.x) + 36 + 18 * (side % 3);
    const path = [p0, { x: reach, y: p0.y }, { x: reach, y: p3.y }, p3] as const;
    const mid = bezierAt(path, 0.5);
    return { ...e, key, path, label: { x: mid.x + 6, y: mid.y }, labelSide: 'start' as const };
  });

  // Marks on tracks.
  const perHost = new Map<string, number>();
  const marks: InjectMark[] = placements.map((p) => {
    const box = p.host === null ? null : byId.get(p.host);
    const track = box?.track ?? freeBox?.track ?? { x: MARGIN, y: MARGIN, w: LEAF_W, h: TRACK_H };
    const window = box ? box.window : { start: 0, end: freeBox?.span ?? 1 };
    const axisX0 = track.x + AXIS_INSET;
    const axisW = Math.max(1, track.w - 2 * AXIS_INSET);
    if (p.minute !== null) {
      const start = window?.start ?? 0;
      const span = Math.max(1, (window?.end ?? null) !== null ? (window?.end as number) - start : spanGuess(p, start));
      const rel = Math.min(1, Math.max(0, (p.minute - start) / span));
      return {
        id: p.inject.id,
        inject: p.inject,
        host: p.host,
        kind: p.kind,
        minute: p.minute,
        x: axisX0 + rel * axisW,
        y: track.y + AXIS_Y,
      };
    }
    const hostKey = p.host ?? '';
    const k = perHost.get(hostKey) ?? 0;
    perHost.set(hostKey, k + 1);
    const x = Math.min(track.x + track.w - 8, track.x + 8 + k * 16);
    return { id: p.inject.id, inject: p.inject, host: p.host, kind: p.kind, minute: null, x, y: track.y + MARKER_Y };
  });

  const bottom = Math.max(
    endings.length > 0 ? endingsY + ENDING_H : originY + top.h,
    ...drawn.map((d) => Math.max(d.path[0].y, d.path[3].y)),
  );
  const right = Math.max(width, ...drawn.map((d) => Math.max(d.path[1].x, d.path[2].x) + 12));
  return {
    width: right,
    height: bottom + MARGIN,
    phases: boxes,
    endings,
    free: freeBox,
    edges: drawn,
    marks,
    starts,
  };
}

/** Where the time axis runs inside a track, and the marker row below it. */
export const AXIS_INSET = 34;
export const AXIS_Y = 16;
export const MARKER_Y = 38;

function spanGuess(p: { minute: number | null }, start: number): number {
  return Math.max(10, (p.minute ?? start) - start + 5);
}

export function bezierAt(p: readonly [Point, Point, Point, Point], t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x, y: a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

/** Whether two rectangles overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}
