import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.ts';

/** A small reader of the Prometheus text format: what a scraper would see. */
type Parsed = {
  types: Map<string, string>;
  helps: Map<string, string>;
  samples: { name: string; labels: Record<string, string>; value: number }[];
};

function parse(text: string): Parsed {
  const out: Parsed = { types: new Map(), helps: new Map(), samples: [] };
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    const meta = /^# (HELP|TYPE) (\w+) (.*)$/.exec(line);
    if (meta) {
      (meta[1] === 'HELP' ? out.helps : out.types).set(meta[2] as string, meta[3] as string);
      continue;
    }
    const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1] as string] = (l[2] as string).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    out.samples.push({ name: m[1] as string, labels, value: m[3] === '+Inf' ? Infinity : Number(m[3]) });
  }
  return out;
}

function value(p: Parsed, name: string, labels: Record<string, string> = {}): number | undefined {
  return p.samples.find((s) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels))?.value;
}

function fakeClock(start = 1000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('metrics', () => {
  it('declares every family with HELP and TYPE, and starts at zero', () => {
    const p = parse(createMetrics().render());
    expect(Object.fromEntries(p.types)).toEqual({
      parley_rooms: 'gauge',
      parley_clients: 'gauge',
      parley_commands_total: 'counter',
      parley_commands_refused_total: 'counter',
      parley_commands_per_second: 'gauge',
      parley_store_write_seconds: 'histogram',
      parley_store_events_written_total: 'counter',
      parley_process_uptime_seconds: 'gauge',
    });
    for (const name of p.types.keys()) expect(p.helps.get(name)?.length).toBeGreaterThan(10);
    expect(value(p, 'parley_rooms')).toBe(0);
    expect(value(p, 'parley_store_write_seconds_count')).toBe(0);
  });

  it('counts rooms, clients, commands and refusals by type and code', () => {
    const m = createMetrics();
    m.roomCreated();
    m.roomCreated();
    m.roomDisposed();
    for (let i = 0; i < 3; i++) m.clientJoined();
    m.clientLeft();
    m.commandAccepted('signal.send');
    m.commandAccepted('signal.send');
    m.commandAccepted('assess');
    m.commandRefused('signal.send', 'rule');
    m.commandRefused('exercise.start', 'role');
    const p = parse(m.render());
    expect(value(p, 'parley_rooms')).toBe(1);
    expect(value(p, 'parley_clients')).toBe(2);
    expect(m.rooms()).toBe(1);
    expect(m.clients()).toBe(2);
    expect(value(p, 'parley_commands_total', { type: 'signal.send' })).toBe(3);
    expect(value(p, 'parley_commands_total', { type: 'assess' })).toBe(1);
    expect(value(p, 'parley_commands_total', { type: 'exercise.start' })).toBe(1);
    expect(value(p, 'parley_commands_refused_total', { type: 'signal.send', code: 'rule' })).toBe(1);
    expect(value(p, 'parley_commands_refused_total', { type: 'exercise.start', code: 'role' })).toBe(1);
  });

  it('escapes label values so that odd command types cannot break the format', () => {
    const m = createMetrics();
    const odd = 'a"b\\c\nd';
    m.commandRefused(odd, 'unknown');
    const text = m.render();
    expect(text).toContain('type="a\\"b\\\\c\\nd"');
    expect(value(parse(text), 'parley_commands_refused_total', { type: odd, code: 'unknown' })).toBe(1);
  });

  it('bounds the number of label sets and their length', () => {
    const m = createMetrics({ maxSeries: 3 });
    for (let i = 0; i < 50; i++) m.commandRefused(`made-up-${i}`, 'unknown');
    m.commandAccepted('x'.repeat(500));
    const p = parse(m.render());
    const refused = p.samples.filter((s) => s.name === 'parley_commands_refused_total');
    expect(refused).toHaveLength(4);
    expect(value(p, 'parley_commands_refused_total', { type: 'other', code: 'other' })).toBe(47);
    const long = p.samples.filter((s) => s.name === 'parley_commands_total').map((s) => s.labels.type ?? '');
    expect(Math.max(...long.map((t) => t.length))).toBeLessThanOrEqual(64);
  });

  it('puts store writes in cumulative latency buckets', () => {
    const m = createMetrics();
    m.storeWrite(0.0007, 5);
    m.storeWrite(0.03, 2);
    m.storeWrite(12, 1);
    const p = parse(m.render());
    expect(value(p, 'parley_store_write_seconds_bucket', { le: '0.0005' })).toBe(0);
    expect(value(p, 'parley_store_write_seconds_bucket', { le: '0.001' })).toBe(1);
    expect(value(p, 'parley_store_write_seconds_bucket', { le: '0.025' })).toBe(1);
    expect(value(p, 'parley_store_write_seconds_bucket', { le: '0.05' })).toBe(2);
    expect(value(p, 'parley_store_write_seconds_bucket', { le: '5' })).toBe(2);
    expect(value(p, 'parley_store_write_seconds_bucket', { le: '+Inf' })).toBe(3);
    expect(value(p, 'parley_store_write_seconds_count')).toBe(3);
    expect(value(p, 'parley_store_write_seconds_sum')).toBeCloseTo(12.0307, 6);
    expect(value(p, 'parley_store_events_written_total')).toBe(8);
  });

  it('reports commands per second over the last minute, and uptime', () => {
    const clock = fakeClock();
    const m = createMetrics({ now: clock.now });
    for (let i = 0; i < 90; i++) m.commandAccepted('assess');
    for (let i = 0; i < 30; i++) m.commandRefused('assess', 'status');
    expect(m.commandsPerSecond()).toBe(2);
    clock.advance(30_000);
    m.commandAccepted('assess');
    expect(m.commandsPerSecond()).toBeCloseTo(121 / 60, 9);
    clock.advance(31_000);
    expect(m.commandsPerSecond()).toBeCloseTo(1 / 60, 9);
    const p = parse(m.render());
    expect(value(p, 'parley_process_uptime_seconds')).toBe(61);
    expect(value(p, 'parley_commands_per_second')).toBeCloseTo(1 / 60, 9);
  });
});
