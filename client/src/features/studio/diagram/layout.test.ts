import { parseScenario } from '@parley/shared/scenario/parse.ts';
import type { Scenario } from '@parley/shared/scenario/schema.ts';
import { describe, expect, it } from 'vitest';
import atoll from '../../../../../scenarios/atoll-blackout.yaml?raw';
import borrowed from '../../../../../scenarios/borrowed-keys.yaml?raw';
import falseFlood from '../../../../../scenarios/false-flood.yaml?raw';
import gridlock from '../../../../../scenarios/gridlock.yaml?raw';
import poisoned from '../../../../../scenarios/poisoned-update.yaml?raw';
import {
  assignLayers,
  contains,
  type DiagramLayout,
  layoutDiagram,
  overlaps,
  plannedWindows,
  type Rect,
} from './layout.ts';

function scenario(source: string, file: string): Scenario {
  const parsed = parseScenario(source, file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.scenario;
}

const shipped = [
  ['atoll-blackout', atoll],
  ['borrowed-keys', borrowed],
  ['false-flood', falseFlood],
  ['gridlock', gridlock],
  ['poisoned-update', poisoned],
] as const;

/** Boxes that share a container (siblings, or the endings beside the top-level phases) must not overlap. */
function overlapsIn(layout: DiagramLayout): string[] {
  type Boxed = Rect & { id: string };
  const groups = new Map<string, Boxed[]>();
  const add = (key: string, box: Boxed) => groups.set(key, [...(groups.get(key) ?? []), box]);
  for (const p of layout.phases) add(p.parent ?? '(top)', p);
  for (const e of layout.endings) add('(top)', e);
  if (layout.free) add('(top)', { ...layout.free, id: '(free)' });
  const out: string[] = [];
  for (const boxes of groups.values())
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) if (overlaps(a, b)) out.push(`${a.id} × ${b.id}`);
    });
  return out;
}

describe('layoutDiagram', () => {
  it.each(shipped)('%s: no overlapping boxes, children inside their parents, everything on the canvas', (name, src) => {
    const s = scenario(src, `${name}.yaml`);
    const layout = layoutDiagram(s);
    expect(overlapsIn(layout)).toEqual([]);
    const byId = new Map(layout.phases.map((p) => [p.id, p]));
    for (const p of layout.phases) {
      if (p.parent !== null) expect(contains(byId.get(p.parent) as Rect, p), `${p.id} inside ${p.parent}`).toBe(true);
      expect(contains({ x: 0, y: 0, w: layout.width, h: layout.height }, p)).toBe(true);
    }
    for (const e of layout.endings) expect(contains({ x: 0, y: 0, w: layout.width, h: layout.height }, e)).toBe(true);
    // Every inject marker sits inside its host phase.
    for (const m of layout.marks) {
      const host = m.host === null ? layout.free : byId.get(m.host);
      expect(host, m.id).toBeTruthy();
      expect(contains(host as Rect, { x: m.x, y: m.y, w: 0, h: 0 }), `${m.id} on ${m.host}`).toBe(true);
    }
  });

  it('draws every phase, every ending and every inject once', () => {
    const s = scenario(gridlock, 'gridlock.yaml');
    const layout = layoutDiagram(s);
    const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).sort();
    const all: string[] = [];
    const walk = (ps: Scenario['phases']) => {
      for (const p of ps) {
        all.push(p.id);
        walk(p.phases);
      }
    };
    walk(s.phases);
    expect(ids(layout.phases)).toEqual(all.sort());
    expect(ids(layout.endings)).toEqual(ids(s.endings));
    expect(ids(layout.marks)).toEqual(ids(s.injects));
  });

  it('puts a phase below the phases that lead to it, and its sub-phases in order', () => {
    const s = scenario(gridlock, 'gridlock.yaml');
    const layout = layoutDiagram(s);
    const y = (id: string) => layout.phases.find((p) => p.id === id)?.y ?? Number.NaN;
    expect(y('detection')).toBeLessThan(y('attribution'));
    expect(y('attribution')).toBeLessThan(y('response'));
    expect(y('response')).toBeLessThan(y('settlement'));
    expect(y('triage')).toBeLessThan(y('claim'));
    // Endings come last.
    for (const e of layout.endings) expect(e.y).toBeGreaterThan(y('settlement'));
  });

  it('places timed injects on the phase their minute falls in, and onEnter ones on their phase', () => {
    const s = scenario(gridlock, 'gridlock.yaml');
    const layout = layoutDiagram(s);
    const mark = (id: string) => layout.marks.find((m) => m.id === id);
    expect(mark('i00_link_trip')).toMatchObject({ host: 'triage', kind: 'timed', minute: 0 });
    for (const m of layout.marks) if (m.inject.onEnter !== undefined) expect(m.host).toBe(m.inject.onEnter);
  });
});

describe('plannedWindows', () => {
  it('follows the time boxes and their time-outs', () => {
    const w = plannedWindows(scenario(gridlock, 'gridlock.yaml'));
    expect(w.get('detection')).toEqual({ start: 0, end: 20 });
    expect(w.get('triage')).toEqual({ start: 0, end: 10 });
    expect(w.get('claim')).toEqual({ start: 10, end: 20 });
    expect(w.get('attribution')).toEqual({ start: 20, end: 55 });
  });
});

describe('assignLayers', () => {
  it('layers a chain, ignores the edge that closes a cycle, and keeps unreached nodes beside their predecessor', () => {
    const layer = assignLayers(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ],
    );
    expect([...layer]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 2],
    ]);
  });
});
