import type { Command } from '@parley/shared/protocol/commands.ts';
import { useCallback, useRef, useState } from 'react';
import { sendCommand } from '../../net/connection.ts';
import { type RefusalLike, useRefusalText } from '../shell/refusal.ts';

export type CommandState = {
  /** The command in flight (its type), or null. */
  readonly busy: Command['type'] | null;
  /** The server's refusal or error, in the reader's language when the engine gave a key (else its words), or null. */
  readonly error: string | null;
  /** Send a command (ignored while another one from here is in flight); true when the server accepted it. */
  readonly run: (command: Command) => Promise<boolean>;
};

/** One control's command at a time: what is in flight and why the last one was refused. */
export function useCommand(): CommandState {
  const [busy, setBusy] = useState<Command['type'] | null>(null);
  const [failure, setFailure] = useState<RefusalLike | null>(null);
  const describe = useRefusalText();
  const inFlight = useRef(false);
  const run = useCallback(async (command: Command) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(command.type);
    setFailure(null);
    const outcome = await sendCommand(command);
    inFlight.current = false;
    setBusy(null);
    if (!outcome.ok) setFailure(outcome);
    return outcome.ok;
  }, []);
  return { busy, error: failure ? describe(failure) : null, run };
}
