import type { Command } from '@parley/shared/protocol/commands.ts';
import type { PreviewAnswer } from '@parley/shared/protocol/room.ts';
import { useEffect, useRef, useState } from 'react';
import { previewCommand } from '../../net/connection.ts';

/** How long the form must stay unchanged before the server is asked (typing does not send a message per key). */
export const PREVIEW_DELAY_MS = 300;

export type PreviewState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'ready'; readonly answer: PreviewAnswer }
  /** No answer (offline, or the connection dropped while asking). */
  | { readonly status: 'unavailable' };

/**
 * What the server would do with `command` (null: nothing to ask yet), asked again when the command or `revision` (what
 * the delegation has done so far) changes: once the form has rested for a moment, and only the latest answer counts.
 */
export function usePreview(command: Command | null, revision: string): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const asked = useRef(0);
  const latest = useRef(command);
  latest.current = command;
  const key = command ? `${JSON.stringify(command)}|${revision}` : null;

  useEffect(() => {
    const ask = ++asked.current;
    const command = latest.current;
    if (key === null || command === null) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'checking' });
    const timer = setTimeout(() => {
      void previewCommand(command).then((answer) => {
        if (ask !== asked.current) return;
        setState(answer ? { status: 'ready', answer } : { status: 'unavailable' });
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return state;
}
