/**
 * Who a command is aimed at. Rules, tallies and deadlines all see a command as an action reference (a catalogue id
 * or a built-in such as `poc.ping`) taken by a party towards zero or more targets.
 */
import type { Command } from '../protocol/commands.ts';
import type { CompiledScenario } from './compile.ts';
import { mapGet } from './persist.ts';
import type { ExerciseState } from './state.ts';

export type Aim = { readonly ref: string; readonly targets: readonly string[] };

const others = (list: readonly string[], self: string) => list.filter((p) => p !== self);

/** The action reference and targets of a command by `party` (null for control commands other than actor.act). */
export function aimOf(c: CompiledScenario, state: ExerciseState, party: string, command: Command): Aim | null {
  switch (command.type) {
    case 'assess':
      return { ref: 'assess', targets: [] };
    case 'action.take':
    case 'signal.send':
    case 'actor.act':
      return { ref: command.action, targets: command.targets };
    case 'poc.ping':
    case 'assistance.request':
    case 'assistance.offer':
      return { ref: command.type, targets: [command.to] };
    case 'poc.ack': {
      const ping = mapGet(state.pings, command.ping);
      return { ref: command.type, targets: ping ? [ping.from] : [] };
    }
    case 'assistance.decline': {
      const request = mapGet(state.assistance, command.request);
      return { ref: command.type, targets: request ? [request.from] : [] };
    }
    case 'message.send': {
      const ch = command.channel;
      if (ch.kind === 'public') return { ref: command.type, targets: [] };
      // A team note is internal deliberation: no confidence-building rule applies to it.
      if (ch.kind === 'team') return null;
      if (ch.kind === 'bilateral') return { ref: command.type, targets: [ch.with] };
      return { ref: command.type, targets: others(c.groups.get(ch.group)?.members ?? [], party) };
    }
    case 'proposal.create':
      return { ref: command.type, targets: others(command.parties, party) };
    case 'proposal.amend':
    case 'proposal.accept':
    case 'proposal.reject':
    case 'proposal.sign': {
      const proposal = mapGet(state.proposals, command.proposal);
      return { ref: command.type, targets: proposal ? others(proposal.parties, party) : [] };
    }
    default:
      return null;
  }
}
