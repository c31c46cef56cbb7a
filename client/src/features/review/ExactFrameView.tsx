/**
 * One moment of the exact replay: the role's screen as it was (the incident feed, the messages it could read, the
 * indicators it could see, the ladder, its assessments, contact-point pings and proposals). The newest items come
 * first and the one this very event brought is marked.
 */
import { localize } from '@parley/shared/scenario/localize.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../ui/Markdown.tsx';
import type { ExactFrame, ExactReplay } from './exact.ts';
import { channelKey, recipientsOf } from './messages.ts';
import { useReviewFormat } from './ReviewContext.ts';

const SHOWN = 6;

export type ExactText = {
  readonly text: (value: LocalizedText | null) => string;
  readonly name: (id: string | null) => string;
};

/** Scenario texts in the reader's language, and every party's name (actors included) from the scenario. */
export function useExactText(replay: ExactReplay): ExactText {
  const { i18n } = useTranslation();
  const f = useReviewFormat();
  const text = (value: LocalizedText | null) =>
    value === null ? '' : localize(value, i18n.language, replay.fallbackLanguage);
  return {
    text,
    name: (id) => {
      if (id === null) return '';
      const name = replay.names.get(id);
      return name ? text(name) : f.name(id);
    },
  };
}

export function ExactFrameView({ replay, frame }: { readonly replay: ExactReplay; readonly frame: ExactFrame }) {
  const { t } = useTranslation();
  const f = useReviewFormat();
  const { text, name } = useExactText(replay);
  const now = (seq: number) => seq === frame.seq;
  const single = frame.ladders.length === 1 ? frame.ladders[0] : undefined;

  return (
    <>
      <dl className="replay__stats">
        <div>
          <dt>{t('shell.clock')}</dt>
          <dd className="replay__clock" dir="ltr" data-testid="review.replay.clock">
            {f.time(frame.at)}
          </dd>
        </div>
        <div>
          <dt>{t('shell.phase')}</dt>
          <dd data-testid="review.replay.phase">{frame.phase ? text(frame.phase) : t('shell.noPhase')}</dd>
        </div>
        <div>
          <dt>{t('review.header.status')}</dt>
          <dd data-testid="review.replay.status" data-status={frame.status}>
            {t(`shell.status.${frame.status}`)}
          </dd>
        </div>
        {single && (
          <div>
            <dt>{t('delegation.ladder')}</dt>
            <dd data-testid="review.replay.rung" data-rung={single.current}>
              {t('delegation.ladderValue', { value: f.number(single.current) })}
            </dd>
          </div>
        )}
      </dl>
      <div className="replay__panes">
        <div className="replay__column">
          <Pane title={t('review.replay.feed')} count={frame.injects.length} testid="review.replay.feed">
            {frame.injects.length === 0 ? (
              <p className="empty">{t('review.replay.noFeed')}</p>
            ) : (
              <List items={frame.injects.length}>
                {(shown) =>
                  frame.injects.slice(0, shown).map((d) => (
                    <li key={d.id} className={`${itemClass(now(d.seq))} replay__item--inject`} data-inject={d.id}>
                      <details className="replay__inject" open={now(d.seq)}>
                        <summary>
                          <span className="replay__inject-time">
                            <span className="replay__chevron" aria-hidden="true" />
                            <span className="event__time" dir="ltr">
                              {f.time(d.at)}
                            </span>
                          </span>
                          <span className="replay__inject-head">
                            <span className={`tag tag--${d.channel}`}>{t(`feed.channel.${d.channel}`)}</span>
                            <bdi className="replay__inject-title">{text(d.title)}</bdi>
                          </span>
                        </summary>
                        <div className="replay__inject-body">
                          {d.from && <p className="replay__from">{t('feed.from', { from: name(d.from) })}</p>}
                          <Markdown source={text(d.body)} className="prose" />
                        </div>
                      </details>
                    </li>
                  ))
                }
              </List>
            )}
          </Pane>
          <Pane title={t('review.replay.messages')} count={frame.messages.length} testid="review.replay.messages">
            {frame.messages.length === 0 ? (
              <p className="empty">{t('review.replay.noMessages')}</p>
            ) : (
              <List items={frame.messages.length}>
                {(shown) =>
                  frame.messages.slice(0, shown).map((m) => {
                    const to = recipientsOf(m).map(name).join(', ');
                    return (
                      <li key={m.id} className={itemClass(now(m.seq))}>
                        <span className="event__time" dir="ltr">
                          {f.time(m.at)}
                        </span>
                        <span className="replay__line">
                          <span className="replay__meta">
                            <strong>{m.from === null ? t('review.replay.fromControl') : name(m.from)}</strong>
                            {to && (
                              <>
                                {' '}
                                <Arrow /> {to}
                              </>
                            )}{' '}
                            · {f.channel(channelKey(m))}
                          </span>
                          <bdi className="replay__text">{m.text}</bdi>
                        </span>
                      </li>
                    );
                  })
                }
              </List>
            )}
          </Pane>
        </div>
        <div className="replay__column">
          <Pane title={t('review.replay.indicators')}>
            {frame.variables.length === 0 ? (
              <p className="muted">{t('review.replay.noVariables')}</p>
            ) : (
              <dl className="replay__vars" data-testid="review.replay.vars">
                {frame.variables.map((v) => (
                  <div key={v.id} data-variable={v.id}>
                    <dt>{text(v.label)}</dt>
                    <dd>{f.number(v.value)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Pane>
          {frame.ladders.length > 1 && (
            <Pane title={t('review.replay.ladders')}>
              <dl className="replay__vars" data-testid="review.replay.ladders">
                {frame.ladders.map((l) => (
                  <div key={l.party} data-party={l.party}>
                    <dt>{name(l.party)}</dt>
                    <dd>{t('delegation.ladderValue', { value: f.number(l.current) })}</dd>
                  </div>
                ))}
              </dl>
            </Pane>
          )}
          {frame.assessments.length > 0 && (
            <Pane title={t('review.replay.assessments')} count={frame.assessments.length}>
              <List items={frame.assessments.length}>
                {(shown) =>
                  frame.assessments.slice(0, shown).map((a) => (
                    <li key={a.seq} className={itemClass(now(a.seq))}>
                      <span className="event__time" dir="ltr">
                        {f.time(a.at)}
                      </span>
                      <span className="replay__line">
                        {frame.ladders.length > 1 && <strong className="replay__meta">{name(a.by)}</strong>}
                        <span>
                          {t('review.replay.assessment', {
                            severity: f.number(a.severity),
                            confidence: t(`feed.level.${a.confidence}`),
                          })}
                          {a.suspect && <> · {t('review.replay.suspect', { party: name(a.suspect) })}</>}
                        </span>
                        {a.note && <bdi className="replay__text">{a.note}</bdi>}
                      </span>
                    </li>
                  ))
                }
              </List>
            </Pane>
          )}
          {frame.pings.length > 0 && (
            <Pane title={t('review.replay.pings')} count={frame.pings.length} testid="review.replay.pings">
              <List items={frame.pings.length}>
                {(shown) =>
                  frame.pings.slice(0, shown).map((p) => (
                    <li key={p.id} className={itemClass(now(p.seq))}>
                      <span className="event__time" dir="ltr">
                        {f.time(p.at)}
                      </span>
                      <span className="replay__line">
                        <span className="replay__meta">
                          <strong>{name(p.from)}</strong> <Arrow /> {name(p.to)}
                        </span>
                        <bdi className="replay__text">{p.text}</bdi>
                        <span className={p.ackedAt === null ? 'replay__state' : 'replay__state replay__state--done'}>
                          {p.ackedAt === null
                            ? t('review.replay.unanswered')
                            : t('review.replay.answered', { time: f.time(p.ackedAt) })}
                        </span>
                      </span>
                    </li>
                  ))
                }
              </List>
            </Pane>
          )}
          {frame.proposals.length > 0 && (
            <Pane title={t('review.replay.proposals')} count={frame.proposals.length}>
              <List items={frame.proposals.length}>
                {(shown) =>
                  frame.proposals.slice(0, shown).map((p) => (
                    <li key={p.id} className={itemClass(now(p.seq))}>
                      <span className="event__time" dir="ltr">
                        {f.time(p.at)}
                      </span>
                      <span className="replay__line">
                        <strong className="replay__meta">{text(replay.templates.get(p.template) ?? p.template)}</strong>
                        <span>{p.parties.map(name).join(', ')}</span>
                        <span className="replay__state">{t(`review.replay.proposal.${p.status}`)}</span>
                      </span>
                    </li>
                  ))
                }
              </List>
            </Pane>
          )}
        </div>
      </div>
    </>
  );
}

/** "to": an arrow that points the reading way (mirrored in right-to-left pages). */
const Arrow = () => (
  <span className="replay__arrow" aria-hidden="true">
    →
  </span>
);

const itemClass = (now: boolean) => (now ? 'replay__item replay__item--now' : 'replay__item');

function Pane({
  title,
  count,
  testid,
  children,
}: {
  readonly title: string;
  readonly count?: number;
  readonly testid?: string;
  readonly children: ReactNode;
}) {
  const f = useReviewFormat();
  return (
    <section className="replay__pane" data-testid={testid}>
      <h3 className="panel__title">
        {title}
        {count !== undefined && count > 0 && <span className="replay__count">{f.number(count)}</span>}
      </h3>
      {children}
    </section>
  );
}

/** The newest items, and a button to show them all (or fewer again). */
function List({ items, children }: { readonly items: number; readonly children: (shown: number) => ReactNode }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : Math.min(items, SHOWN);
  return (
    <>
      <ol className="replay__seen">{children(shown)}</ol>
      {items > SHOWN && (
        <button
          type="button"
          className="replay__more"
          aria-expanded={all}
          onClick={() => setAll(!all)}
          data-testid="review.replay.more"
        >
          {all ? t('review.replay.fewer') : t('review.replay.all', { count: items })}
        </button>
      )}
    </>
  );
}
