import type { Message } from '@parley/shared/engine/types.ts';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Composer } from './Composer.tsx';
import type { Conversation } from './conversations.ts';
import { MessageList } from './MessageList.tsx';

type Props = {
  readonly conversation: Conversation;
  readonly name: string;
  readonly audience: string;
  readonly nameOf: (m: Message) => string;
  readonly isOwn: (m: Message) => boolean;
  /** On a narrow screen: back to the conversation list. */
  readonly onBack: (() => void) | null;
  /** The conversation's heading, to move focus to it. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
};

/** One conversation: its name and who can read it, the messages oldest first, and a composer where one may write. */
export function ConversationView({ conversation, name, audience, nameOf, isOwn, onBack, headingRef }: Props) {
  const { t } = useTranslation();
  return (
    <div className="comms-conversation" data-testid="comms.thread" data-key={conversation.key}>
      {onBack && (
        <button
          type="button"
          className="button button--small comms-conversation__back"
          onClick={onBack}
          data-testid="comms.back"
        >
          <span className="comms-conversation__back-arrow" aria-hidden="true" />
          {t('comms.channels.back')}
        </button>
      )}
      <div className="comms-conversation__head">
        <h3 className="comms-conversation__title" ref={headingRef} tabIndex={-1} data-testid="comms.threadTitle">
          {name}
        </h3>
        <p className={`comms-conversation__audience comms-conversation__audience--${conversation.kind}`}>{audience}</p>
      </div>
      <MessageList
        messages={conversation.messages}
        nameOf={nameOf}
        isOwn={isOwn}
        label={name}
        empty={t('comms.channels.empty')}
        testId="comms.messages"
      />
      {conversation.channel && (
        <Composer
          key={conversation.key}
          channel={conversation.channel}
          label={t('comms.composer.label', { name })}
          testId="comms.composer"
        />
      )}
    </div>
  );
}
