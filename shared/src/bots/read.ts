/**
 * Reading a delegation's view: what is pending for it (pings, requests, deadlines, texts), what it already did,
 * and the pair values it can see. Pure helpers shared by every policy.
 */
import { MINUTE } from '../engine/types.ts';
import type { ActionView, DelegationView, VariableView } from '../engine/viewTypes.ts';

/** Minutes of play so far. */
export function elapsedMinutes(view: DelegationView): number {
  return view.clock.startedAt === null ? 0 : (view.clock.now - view.clock.startedAt) / MINUTE;
}

/** The other delegations (seated parties), in scenario order. */
export function otherDelegations(view: DelegationView): string[] {
  return view.parties.filter((p) => p.seated && p.id !== view.delegation).map((p) => p.id);
}

export const pendingPings = (view: DelegationView) =>
  view.pings.filter((p) => p.to === view.delegation && p.ackedAt === null);

export const pendingRequests = (view: DelegationView) =>
  view.assistance.filter((a) => a.kind === 'request' && a.to === view.delegation && a.answer === null);

export const myActions = (view: DelegationView): ActionView[] => view.actions.filter((a) => a.by === view.delegation);

/** How often this delegation took `action` (towards `target`, if given). */
export function timesTaken(view: DelegationView, action: string, target?: string): number {
  return myActions(view).filter((a) => a.action === action && (target === undefined || a.targets.includes(target)))
    .length;
}

/** The delegation's latest assessment, or null. */
export const latestAssessment = (view: DelegationView) => view.assessments[view.assessments.length - 1] ?? null;

/** Did this delegation contact `party` (ping, action or signal aimed at it, bilateral message, request) after `seq`? */
export function contactedSince(view: DelegationView, party: string, seq = 0): boolean {
  const me = view.delegation;
  if (view.pings.some((p) => p.from === me && p.to === party && p.seq > seq)) return true;
  if (view.pings.some((p) => p.from === party && p.to === me && p.ackedAt !== null && p.seq > seq)) return true;
  if (myActions(view).some((a) => a.seq > seq && a.targets.includes(party))) return true;
  if (view.assistance.some((a) => a.from === me && a.to === party && a.seq > seq)) return true;
  return view.messages.some(
    (m) => m.seq > seq && m.from === me && m.channel.kind === 'bilateral' && m.channel.between.includes(party),
  );
}

/** Variables whose id or label says they measure tension (escalation) or trust, by the scenario convention. */
const TENSION = /escalat|tension|hostil/i;
const TRUST = /trust|confidence/i;

function labelOf(v: VariableView): string {
  return typeof v.label === 'string' ? v.label : Object.values(v.label).join(' ');
}

export const isTensionVariable = (id: string, label = '') => TENSION.test(id) || TENSION.test(label);
export const isTrustVariable = (id: string, label = '') => TRUST.test(id) || TRUST.test(label);

function pairValueOf(view: DelegationView, match: (v: VariableView) => boolean, a: string, b: string): number | null {
  for (const v of view.variables) {
    if (v.scope !== 'pair' || !match(v)) continue;
    const pair = v.pairs.find((p) => p.between.includes(a) && p.between.includes(b));
    if (pair) return pair.value;
  }
  return null;
}

/** The visible tension (escalation) between this delegation and `party`, or null when none is visible. */
export const tensionWith = (view: DelegationView, party: string) =>
  pairValueOf(view, (v) => isTensionVariable(v.id, labelOf(v)), view.delegation, party);

/** The visible trust between this delegation and `party`, or null when none is visible. */
export const trustWith = (view: DelegationView, party: string) =>
  pairValueOf(view, (v) => isTrustVariable(v.id, labelOf(v)), view.delegation, party);

/** Injects this delegation received that were not public: a sign it is directly affected. */
export const privateInjects = (view: DelegationView) =>
  view.injects.filter((d) => !d.public && d.to.includes(view.delegation));

/** A rough severity (0–5) from what reached this delegation: its own injects weigh more than public news. */
export function severityEstimate(view: DelegationView): number {
  const own = privateInjects(view).length;
  const news = view.injects.length - own;
  return Math.max(0, Math.min(5, 1 + Math.floor(own / 2) + Math.floor(news / 4)));
}

/** Injects this delegation received after its latest assessment (all of them when it never assessed). */
export function injectsSinceAssessment(view: DelegationView): number {
  const last = latestAssessment(view);
  return view.injects.filter((d) => last === null || d.seq > last.seq).length;
}
