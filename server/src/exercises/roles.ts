/** How a join code's role reads to people (a seat list, a projector), and the order seats are listed in. */
import { type LocalizedText, localize, type Role, type Scenario } from '@parley/shared';

export function roleLabel(role: Role, scenario: Scenario): string {
  const text = (t: LocalizedText) => localize(t, scenario.fallbackLanguage, scenario.fallbackLanguage);
  const name = (id: string) => {
    const d = scenario.delegations.find((x) => x.id === id);
    return d ? text(d.name) : id;
  };
  switch (role.kind) {
    case 'facilitator':
      return 'Facilitator';
    case 'observer':
      return 'Observer';
    case 'evaluator':
      return `Evaluator · ${role.delegations === 'all' ? 'all delegations' : role.delegations.map(name).join(', ')}`;
    case 'delegation': {
      const seat = scenario.delegations.find((d) => d.id === role.delegation)?.seats.find((s) => s.id === role.seat);
      return `${name(role.delegation)} · ${seat ? text(seat.title) : role.seat}`;
    }
  }
}

/** Seats in scenario order, then evaluators, then observers. */
export function roleRank(role: Role, scenario: Scenario): number {
  if (role.kind === 'delegation') {
    let rank = 0;
    for (const d of scenario.delegations) {
      for (const s of d.seats) {
        if (d.id === role.delegation && s.id === role.seat) return rank;
        rank++;
      }
    }
    return rank;
  }
  return { facilitator: 1000, evaluator: 1001, observer: 1002 }[role.kind];
}

/** Same role: same kind, same seat or the same delegations watched. */
export function sameRole(a: Role, b: Role): boolean {
  if (a.kind === 'delegation' && b.kind === 'delegation') return a.delegation === b.delegation && a.seat === b.seat;
  if (a.kind === 'evaluator' && b.kind === 'evaluator') {
    if (a.delegations === 'all' || b.delegations === 'all') return a.delegations === b.delegations;
    return [...a.delegations].sort().join() === [...b.delegations].sort().join();
  }
  return a.kind === b.kind;
}
