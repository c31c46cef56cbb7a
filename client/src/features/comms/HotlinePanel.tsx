import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { ContactForm } from './ContactForm.tsx';
import { HotlineSection } from './HotlineSection.tsx';
import { hotlineOf } from './hotline.ts';
import { useGameNow } from './useGameNow.ts';
import './comms.css';

/** Received and sent entries shown before "show all". */
const FOLD_AFTER = 4;

/** The POC hotline: pings and requests for assistance awaiting this delegation's answer, received, sent. */
export function HotlinePanel({ view }: { readonly view: DelegationView }) {
  const { t } = useTranslation();
  const titleId = useId();
  const now = useGameNow(view.deadlines.some((d) => d.status === 'open'));
  const running = useSession((s) => s.clock.running);
  const hotline = hotlineOf(view, now);
  const delegations = useMemo(
    () => view.parties.filter((p) => p.seated && p.id !== view.delegation),
    [view.parties, view.delegation],
  );
  // A decline's reason is in the timeline entry that records it.
  const reasons = useMemo(
    () =>
      new Map(
        view.timeline.flatMap((e) =>
          e.kind === 'assistance.declined' && e.ref !== null && e.note ? [[e.ref, e.note] as const] : [],
        ),
      ),
    [view.timeline],
  );
  const nothing = hotline.toAnswer.length + hotline.received.length + hotline.sent.length === 0;

  return (
    <section className="panel comms comms--hotline" aria-labelledby={titleId} data-testid="comms.hotline">
      <header className="panel__head">
        <h2 id={titleId} className="panel__title">
          {t('comms.hotline.title')}
        </h2>
        {hotline.toAnswer.length > 0 && (
          <span className="badge comms-badge--alert" data-testid="hotline.toAnswerCount">
            {t('comms.hotline.toAnswerCount', { count: hotline.toAnswer.length })}
          </span>
        )}
      </header>
      <p className="comms__intro">{t('comms.hotline.intro')}</p>
      {nothing && <p className="empty">{t('comms.hotline.empty')}</p>}
      <HotlineSection
        title={t('comms.hotline.toAnswer')}
        items={hotline.toAnswer}
        reasons={reasons}
        now={now}
        running={running}
        limit={null}
        testId="hotline.toAnswer"
      />
      <HotlineSection
        title={t('comms.hotline.received')}
        items={hotline.received}
        reasons={reasons}
        now={now}
        running={running}
        limit={FOLD_AFTER}
        testId="hotline.received"
      />
      <HotlineSection
        title={t('comms.hotline.sent')}
        items={hotline.sent}
        reasons={reasons}
        now={now}
        running={running}
        limit={FOLD_AFTER}
        testId="hotline.sent"
      />
      <ContactForm delegations={delegations} />
    </section>
  );
}
