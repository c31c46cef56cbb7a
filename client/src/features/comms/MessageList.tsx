import type { Message } from '@parley/shared/engine/types.ts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';

type Props = {
  /** Oldest first. */
  readonly messages: readonly Message[];
  readonly nameOf: (m: Message) => string;
  readonly isOwn: (m: Message) => boolean;
  readonly label: string;
  readonly empty: string;
  readonly testId: string;
  /** A chat (own messages to the end side) or a notebook (every entry full width). */
  readonly variant?: 'chat' | 'notes';
};

/** Messages oldest to newest, each with its author and game time; scrolled to the newest as they arrive. */
export function MessageList({ messages, nameOf, isOwn, label, empty, testId, variant = 'chat' }: Props) {
  const { i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const last = messages.at(-1)?.id;

  useEffect(() => {
    const el = ref.current;
    if (el && last !== undefined) el.scrollTop = el.scrollHeight;
  }, [last]);

  if (messages.length === 0)
    return (
      <p className="empty comms-messages__empty" data-testid={`${testId}.empty`}>
        {empty}
      </p>
    );
  return (
    // A log region: new messages are announced; it scrolls, so it takes focus for keyboard scrolling.
    <div
      className={`comms-messages comms-messages--${variant}`}
      ref={ref}
      role="log"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      data-testid={testId}
    >
      <ol className="comms-messages__list">
        {messages.map((m) => (
          <li
            key={m.id}
            className={
              isOwn(m)
                ? 'comms-message comms-message--own'
                : m.from === null
                  ? 'comms-message comms-message--control'
                  : 'comms-message'
            }
            data-testid="comms.message"
            data-from={m.from ?? 'control'}
          >
            <div className="comms-message__head">
              <span className="comms-message__from">{nameOf(m)}</span>
              <time className="comms-message__time" dir="ltr">
                {formatGameTime(m.at, i18n.language)}
              </time>
            </div>
            <p className="comms-message__text" dir="auto">
              {m.text}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
