/**
 * Marker strings for secrecy tests: each has an audience (everyone, control only, or a set of delegations), and a
 * role may receive it only if the audience includes it. Markers are fixed-width (`ZX-<KIND>-<n>-<AUDIENCE>-Q`) so
 * that none is a prefix or substring of another. `markedGridlock()` writes a copy of the shipped Gridlock scenario
 * with markers in every briefing (public and private), in the body of every inject (its audience: the addressees,
 * or everyone for news and social media) and in one inject's MSEL notes (control only), to a temporary scenarios
 * directory an app can be configured with.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatDiagnostic,
  type LocalizedText,
  PUBLIC_INJECT_CHANNELS,
  parseScenario,
  type Role,
  type Scenario,
} from '@parley/shared';

export type Audience = 'public' | 'control' | readonly string[];
export type Marker = {
  readonly text: string;
  readonly audience: Audience;
  /** What carries it (for failure messages). */
  readonly where: string;
  /** The inject whose body carries it: in play only once that inject is delivered. */
  readonly inject?: string | undefined;
};

export class Markers {
  readonly all: Marker[] = [];

  /** A new marker for `audience` (a list of delegation ids, "public" or "control"), described by `where`. */
  make(audience: Audience, where: string, inject?: string): string {
    const n = String(this.all.length + 1).padStart(3, '0');
    const kind = audience === 'public' ? 'PUB' : audience === 'control' ? 'CTL' : 'PRIV';
    const who = typeof audience === 'string' ? '' : `-${[...audience].sort().join('+').toUpperCase()}`;
    const text = `ZX-${kind}-${n}${who}-Q`;
    this.all.push({ text, audience, where, inject });
    return text;
  }

  /** Whether `role` may receive the marker. An evaluator sees what the delegations it watches see. */
  static allowed(marker: Marker, role: Role): boolean {
    const a = marker.audience;
    if (role.kind === 'facilitator' || a === 'public') return true;
    if (a === 'control') return false;
    switch (role.kind) {
      case 'observer':
        return false;
      case 'delegation':
        return a.includes(role.delegation);
      case 'evaluator':
        return role.delegations === 'all' || role.delegations.some((d) => a.includes(d));
    }
  }

  allowedFor(role: Role): Marker[] {
    return this.all.filter((m) => Markers.allowed(m, role));
  }

  /** The markers whose carrier has reached play: all but those in the bodies of injects not delivered. */
  inPlay(delivered: ReadonlySet<string>): Marker[] {
    return this.all.filter((m) => m.inject === undefined || delivered.has(m.inject));
  }

  describe(texts: readonly string[]): string[] {
    return texts.map((t) => {
      const m = this.all.find((x) => x.text === t);
      return m ? `${t} (${m.where})` : t;
    });
  }
}

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'scenarios');

const append = (text: LocalizedText, marker: string): LocalizedText =>
  typeof text === 'string'
    ? `${text}\n\n${marker}`
    : Object.fromEntries(Object.entries(text).map(([lang, t]) => [lang, `${t}\n\n${marker}`]));

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Gridlock with markers, written as `gridlock.yaml` (JSON is YAML) into a new temporary directory. The scenario
 * keeps its id, so exercises are created with `scenarioId: 'gridlock'`.
 */
export function markedGridlock(markers: Markers): { dir: string; scenario: Scenario; remove: () => void } {
  const source = readFileSync(join(SHIPPED, 'gridlock.yaml'), 'utf8');
  const parsed = parseScenario(source, 'gridlock.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map(formatDiagnostic).join('\n'));
  const scenario = structuredClone(parsed.scenario) as Mutable<Scenario>;
  scenario.delegations = scenario.delegations.map((d) => ({
    ...d,
    briefing: {
      public: append(d.briefing.public, markers.make('public', `public briefing of ${d.id}`)),
      private: append(d.briefing.private, markers.make([d.id], `private briefing of ${d.id}`)),
    },
  }));
  const everyone = scenario.delegations.map((d) => d.id);
  scenario.injects = scenario.injects.map((i) => {
    // News and social media are public whoever they are addressed to; other channels reach only the addressees.
    const audience: Audience = PUBLIC_INJECT_CHANNELS.includes(i.channel) ? 'public' : i.to === 'all' ? everyone : i.to;
    const marked = { ...i, body: append(i.body, markers.make(audience, `body of inject ${i.id}`, i.id)) };
    return i.id === 'i10_intel_blackfrost'
      ? { ...marked, notes: append(i.notes ?? 'Controller note.', markers.make('control', `MSEL notes of ${i.id}`)) }
      : marked;
  });
  const text = JSON.stringify(scenario, null, 1);
  const check = parseScenario(text, 'gridlock.yaml');
  if (!check.ok)
    throw new Error(`the marked scenario does not parse: ${check.errors.map(formatDiagnostic).join('\n')}`);
  const dir = mkdtempSync(join(tmpdir(), 'parley-marked-'));
  writeFileSync(join(dir, 'gridlock.yaml'), text);
  return { dir, scenario: check.scenario, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
