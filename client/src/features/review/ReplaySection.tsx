/**
 * The replay: a scrubber over the event log (range, step buttons, play) and a role picker; shows the exercise as
 * that role saw it right after the chosen event. For the facilitator the moment is rebuilt exactly, from the log and
 * the scenario it was played with (its feed, messages, indicators, ladder, assessments, pings, proposals); an
 * evaluator, who may not read the log, gets an approximation from the review's timeline (and is told so). Screen
 * only: the printed report leaves it out.
 */
import { localize } from '@parley/shared/scenario/localize.ts';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExactFrameView } from './ExactFrameView.tsx';
import type { ExactReplay, exactFrameAt } from './exact.ts';
import { useReview, useReviewFormat } from './ReviewContext.ts';
import { frameAt, type ReplayFrame, type ReplayRole, step, stopsFor } from './replay.ts';
import { loadLog } from './reviewApi.ts';

const SHOWN = 8;
const PLAY_MS = 700;

function roleOf(key: string): ReplayRole {
  if (key === 'control') return { kind: 'control' };
  if (key.startsWith('d:')) return { kind: 'delegation', delegation: key.slice(2) };
  return { kind: 'observer' };
}

type Exact =
  | { readonly kind: 'approximate' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'exact'; readonly replay: ExactReplay; readonly frameAt: typeof exactFrameAt };

/**
 * The exact replay for the facilitator: the log fetched and replayed against its scenario, in a chunk of its own
 * (the parser and the engine load only here, after the report is on screen).
 */
function useExact(): Exact {
  const { exerciseId, auth } = useReview();
  const control = auth.kind === 'facilitator';
  const [exact, setExact] = useState<Exact>({ kind: control ? 'loading' : 'approximate' });
  useEffect(() => {
    if (!control) return;
    let live = true;
    void Promise.all([loadLog(exerciseId, auth), import('./exact.ts')])
      .then(([log, module]) => {
        if (!live) return;
        const replay = log.ok ? module.prepareExact(log.value) : null;
        setExact(replay ? { kind: 'exact', replay, frameAt: module.exactFrameAt } : { kind: 'failed' });
      })
      .catch(() => {
        if (live) setExact({ kind: 'failed' });
      });
    return () => {
      live = false;
    };
  }, [control, exerciseId, auth]);
  return exact;
}

export function ReplaySection() {
  const { t, i18n } = useTranslation();
  const { review } = useReview();
  const f = useReviewFormat();
  const ids = useId();
  const control = review.viewer.kind === 'facilitator';
  const delegations = review.compliance.byDelegation.map((d) => d.delegation);
  const [roleKey, setRoleKey] = useState(control ? 'control' : `d:${delegations[0] ?? ''}`);
  const total = review.summary.events;
  const [seq, setSeq] = useState(total);
  const [playing, setPlaying] = useState(false);
  const exact = useExact();
  const role = useMemo(() => roleOf(roleKey), [roleKey]);
  const stops = useMemo(() => stopsFor(review, role), [review, role]);
  const approximate = useMemo(() => frameAt(review, role, seq), [review, role, seq]);
  const precise = useMemo(
    () => (exact.kind === 'exact' ? exact.frameAt(exact.replay, role, seq) : null),
    [exact, role, seq],
  );

  useEffect(() => {
    if (!playing) return;
    const next = step(stops, seq, 1);
    if (next === seq) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setSeq(next), PLAY_MS);
    return () => clearTimeout(timer);
  }, [playing, seq, stops]);

  const go = (to: number) => {
    setPlaying(false);
    setSeq(Math.max(0, Math.min(total, to)));
  };
  const at = precise?.at ?? approximate.at;
  const status = t(`shell.status.${precise?.status ?? approximate.status}`);
  const phase =
    precise && exact.kind === 'exact'
      ? precise.phase && localize(precise.phase, i18n.language, exact.replay.fallbackLanguage)
      : approximate.phase;
  const valueText = `${f.time(at)} · ${status}${phase ? ` · ${phase}` : ''}`;

  return (
    <section className="report__section replay" id="review-replay" aria-labelledby={`${ids}-title`}>
      <div className="report__section-head">
        <h2 className="report__h2" id={`${ids}-title`}>
          {t('review.replay.title')}
        </h2>
      </div>
      <p className="report__intro">{t('review.replay.intro')}</p>
      <p className="replay__mode" data-testid="review.replay.mode" data-mode={exact.kind}>
        {t(`review.replay.mode.${exact.kind}`)}
      </p>
      <div className="replay__controls">
        <label className="review-field">
          <span className="review-field__label">{t('review.replay.role')}</span>
          <select
            className="review-select"
            data-testid="review.replay.role"
            value={roleKey}
            onChange={(e) => setRoleKey(e.target.value)}
          >
            {control && <option value="control">{t('review.replay.control')}</option>}
            {delegations.map((d) => (
              <option key={d} value={`d:${d}`}>
                {f.name(d)}
              </option>
            ))}
            <option value="observer">{t('review.replay.observer')}</option>
          </select>
        </label>
        <div className="replay__scrub">
          <label className="review-field__label" htmlFor={`${ids}-range`}>
            {t('review.replay.scrubber')}
          </label>
          <input
            id={`${ids}-range`}
            className="replay__range"
            type="range"
            min={0}
            max={total}
            step={1}
            value={seq}
            aria-valuetext={valueText}
            data-testid="review.replay.range"
            onChange={(e) => go(Number(e.target.value))}
          />
          <div className="replay__buttons">
            <button
              type="button"
              className="button button--small"
              onClick={() => go(0)}
              data-testid="review.replay.first"
            >
              <EdgeIcon to="start" />
              <span className="visually-hidden">{t('review.replay.first')}</span>
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => go(step(stops, seq, -1))}
              disabled={seq === 0}
              data-testid="review.replay.previous"
            >
              {t('review.replay.previous')}
            </button>
            <button
              type="button"
              className="button button--small button--primary replay__play"
              aria-pressed={playing}
              onClick={() => {
                if (!playing && step(stops, seq, 1) === seq) setSeq(0);
                setPlaying(!playing);
              }}
              data-testid="review.replay.play"
            >
              {playing ? t('review.replay.pause') : t('review.replay.play')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => go(step(stops, seq, 1))}
              disabled={seq >= total}
              data-testid="review.replay.next"
            >
              {t('review.replay.next')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => go(total)}
              data-testid="review.replay.last"
            >
              <EdgeIcon to="end" />
              <span className="visually-hidden">{t('review.replay.last')}</span>
            </button>
            <span className="replay__position muted" data-testid="review.replay.position">
              {t('review.replay.position', { seq: f.number(seq), total: f.number(total) })}
            </span>
          </div>
        </div>
      </div>
      <div
        className="replay__frame"
        data-testid="review.replay.frame"
        data-exact={precise !== null}
        data-seq={seq}
        aria-live="polite"
        aria-atomic="false"
      >
        {precise && exact.kind === 'exact' ? (
          <ExactFrameView replay={exact.replay} frame={precise} />
        ) : (
          <ApproximateFrame frame={approximate} />
        )}
      </div>
    </section>
  );
}

/** The approximation: the timeline entries that reached the role, and for control the variables' values. */
function ApproximateFrame({ frame }: { readonly frame: ReplayFrame }) {
  const { t } = useTranslation();
  const f = useReviewFormat();
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
          <dd data-testid="review.replay.phase">{frame.phase ?? t('shell.noPhase')}</dd>
        </div>
        <div>
          <dt>{t('review.header.status')}</dt>
          <dd data-testid="review.replay.status" data-status={frame.status}>
            {t(`shell.status.${frame.status}`)}
          </dd>
        </div>
      </dl>
      <div className="replay__panes">
        <div className="replay__pane">
          <h3 className="panel__title">
            {t('review.replay.seen')}
            {frame.seen.length > 0 && <span className="replay__count">{f.number(frame.seen.length)}</span>}
          </h3>
          {frame.seen.length === 0 ? (
            <p className="empty">{t('review.replay.nothing')}</p>
          ) : (
            <ol className="replay__seen" data-testid="review.replay.seen">
              {frame.seen.slice(0, SHOWN).map((e) => (
                <li
                  key={`${e.seq}-${e.kind}-${e.text}`}
                  className={e === frame.current ? 'replay__item replay__item--now' : 'replay__item'}
                >
                  <span className="event__time" dir="ltr">
                    {f.time(e.at)}
                  </span>
                  <bdi>
                    {e.by !== null && <strong>{f.name(e.by)} </strong>}
                    {e.text}
                  </bdi>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="replay__pane">
          <h3 className="panel__title">{t('review.replay.indicators')}</h3>
          {frame.variables === null ? (
            <p className="muted">{t('review.replay.noIndicators')}</p>
          ) : (
            <dl className="replay__vars" data-testid="review.replay.vars">
              {frame.variables.map((v) => (
                <div key={v.id}>
                  <dt>{v.label}</dt>
                  <dd>{v.value === null ? '–' : f.number(v.value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
    </>
  );
}

/** A bar and a triangle: to the start or to the end (mirrored in right-to-left pages). */
function EdgeIcon({ to }: { readonly to: 'start' | 'end' }) {
  return (
    <svg className="replay__glyph" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {to === 'start' ? (
        <>
          <rect x="1" y="1.5" width="2" height="9" fill="currentColor" />
          <path d="M11 1.5v9L4 6z" fill="currentColor" />
        </>
      ) : (
        <>
          <rect x="9" y="1.5" width="2" height="9" fill="currentColor" />
          <path d="M1 1.5v9L8 6z" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
