/**
 * A turn being put together: commands in priority order, each answer given once (two rules asking for the same ack
 * yield one ack), and no more than the policy's budget.
 */
import type { ParticipantCommand } from '../protocol/commands.ts';

function keyOf(c: ParticipantCommand): string {
  switch (c.type) {
    case 'poc.ack':
      return `ack:${c.ping}`;
    case 'assistance.offer':
      return `offer:${c.to}`;
    case 'assistance.decline':
      return `decline:${c.request}`;
    case 'proposal.accept':
    case 'proposal.reject':
    case 'proposal.sign':
    case 'proposal.amend':
      return `proposal:${c.proposal}`;
    case 'action.take':
    case 'signal.send':
      return `action:${c.action}:${[...c.targets].sort().join(',')}`;
    case 'message.send':
      return `message:${JSON.stringify(c.channel)}`;
    case 'assess':
      return 'assess';
    default:
      return JSON.stringify(c);
  }
}

export class Turn {
  private readonly list: ParticipantCommand[] = [];
  private readonly keys = new Set<string>();
  private readonly budget: number;

  constructor(budget: number) {
    this.budget = budget;
  }

  get full(): boolean {
    return this.list.length >= this.budget;
  }

  /** Add commands in order while the budget lasts; a repeat of an earlier answer is dropped. */
  add(...commands: readonly (ParticipantCommand | null | undefined)[]): this {
    for (const c of commands) {
      if (!c || this.full) continue;
      const key = keyOf(c);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.list.push(c);
    }
    return this;
  }

  get commands(): ParticipantCommand[] {
    return [...this.list];
  }
}
