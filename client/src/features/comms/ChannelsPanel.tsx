import type { Message } from '@parley/shared/engine/types.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationList } from './ConversationList.tsx';
import { ConversationView } from './ConversationView.tsx';
import { bilateralKey, conversationsOf, isOwn, PUBLIC_KEY, unreadCount } from './conversations.ts';
import { useConversationName } from './useConversationName.ts';
import { useMe } from './useMe.ts';
import { useReadMarks } from './useReadMarks.ts';
import { useSenderName } from './useSenderName.ts';
import { useWidth } from './useWidth.ts';
import './comms.css';

/** Below this width the panel shows the list, then one conversation with a back control. */
const TWO_PANES_PX = 600;
const PREVIEW_CHARS = 80;

/** Public, group and bilateral channels (and exercise control's broadcasts): conversation list and conversation. */
export function ChannelsPanel({ view }: { readonly view: DelegationView }) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const width = useWidth(panel);
  const wide = width >= TWO_PANES_PX;
  const [opened, setOpened] = useState<string | null>(null);
  const [selected, setSelected] = useState(PUBLIC_KEY);
  const [pane, setPane] = useState<'list' | 'conversation'>('list');
  const [focus, setFocus] = useState<'heading' | 'item' | null>(null);

  const me = useMe(view);
  const conversations = useMemo(() => conversationsOf(view, opened), [view, opened]);
  const current = conversations.find((c) => c.key === selected) ?? conversations[0];
  const { marks, see } = useReadMarks(me);
  const senderName = useSenderName(view, me);
  const { nameOf, audienceOf } = useConversationName(view);
  // Hidden (a tab not in front) the panel has no width: nothing is being read then.
  const showing = wide || pane === 'conversation';
  const reading = width > 0 && showing;

  useEffect(() => {
    if (reading && current) see(current.key, current.messages);
  }, [reading, current, see]);
  useEffect(() => {
    if (focus === null) return;
    if (focus === 'heading') heading.current?.focus();
    else
      panel.current
        ?.querySelector<HTMLElement>(`.comms-conversation-item[data-key="${CSS.escape(selected)}"]`)
        ?.focus();
    setFocus(null);
  }, [focus, selected]);

  const unread = Object.fromEntries(conversations.map((c) => [c.key, unreadCount(c.messages, marks[c.key], me)]));
  const total = Object.values(unread).reduce((a, b) => a + b, 0);
  const own = (m: Message) => isOwn(m, me);
  const previewOf = (c: (typeof conversations)[number]) => {
    const last = c.messages.at(-1);
    if (!last) return null;
    const text = last.text.length > PREVIEW_CHARS ? `${last.text.slice(0, PREVIEW_CHARS)}…` : last.text;
    return { from: senderName(last), text: text.replace(/\s+/g, ' ') };
  };
  const select = (key: string) => {
    setSelected(key);
    setPane('conversation');
    if (!wide) setFocus('heading');
  };
  const openWith = (party: string) => {
    setOpened(party);
    select(bilateralKey(party));
  };

  return (
    <section
      ref={panel}
      className={`panel comms comms--channels ${wide ? 'comms-channels--wide' : `comms-channels--narrow comms-channels--${pane}`}`}
      aria-labelledby={titleId}
      data-testid="comms.channels"
      data-unread={total}
    >
      <header className="panel__head">
        <h2 id={titleId} className="panel__title">
          {t('comms.channels.title')}
        </h2>
        {total > 0 && (
          <span className="badge comms-badge--unread" data-testid="comms.unreadTotal">
            {t('comms.channels.unread', { count: total })}
          </span>
        )}
      </header>
      <div className="comms-channels">
        {(wide || pane === 'list') && (
          <ConversationList
            conversations={conversations}
            selected={wide ? (current?.key ?? null) : null}
            unread={unread}
            nameOf={nameOf}
            previewOf={previewOf}
            parties={view.parties.filter((p) => p.id !== view.delegation)}
            onSelect={select}
            onOpenWith={openWith}
          />
        )}
        {showing && current && (
          <ConversationView
            headingRef={heading}
            conversation={current}
            name={nameOf(current)}
            audience={audienceOf(current)}
            nameOf={senderName}
            isOwn={own}
            onBack={
              wide
                ? null
                : () => {
                    setPane('list');
                    setFocus('item');
                  }
            }
          />
        )}
      </div>
    </section>
  );
}
