/**
 * The dry run: bots play the draft at full speed in a Web Worker under the policies chosen per delegation. One run
 * shows its ending, its rule ledger and its timeline; "compare policies" plays the standard policy mixes × seeds and
 * shows which ending each reached, how often each ending came up, and which endings no run reached.
 * Nothing is saved; the draft is only read (the last valid version while the text has errors).
 */
import { DEFAULT_MIX, POLICY_NAMES, type PolicyName } from '@parley/shared/bots/policies.ts';
import type { Scenario } from '@parley/shared/scenario/schema.ts';
import { clock } from '@parley/shared/wording/names.ts';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.ts';
import { type TextOf, useLastValid, useScenarioText } from '../diagram/useLastValid.ts';
import { useDraft } from '../draft.ts';
import {
  aggregate,
  compareJobs,
  type Mix,
  type RunDetail,
  type RunOutcome,
  seedsUpTo,
  type WorkerRequest,
} from './runs.ts';
import { dryRunStore, useDryRun } from './store.ts';
import './dryrun.css';

export function DryRun() {
  const { t } = useTranslation();
  const { scenario, stale } = useLastValid();
  const headingId = useId();
  return (
    <section className="panel sr" data-testid="studio.dryRun" aria-labelledby={headingId}>
      <div className="panel__head">
        <h2 className="panel__title" id={headingId}>
          {t('studio.dryrun.title')}
        </h2>
      </div>
      <p className="sr__intro">{t('studio.dryrun.intro')}</p>
      {stale && scenario && (
        <p className="sr__stale" role="status">
          {t('studio.dryrun.stale')}
        </p>
      )}
      {scenario ? <DryRunBody scenario={scenario} /> : <p className="muted">{t('studio.dryrun.empty')}</p>}
    </section>
  );
}

function DryRunBody({ scenario }: { scenario: Scenario }) {
  const { t, i18n } = useTranslation();
  const text = useScenarioText(scenario);
  const ids = useMemo(() => scenario.delegations.map((d) => d.id), [scenario]);
  const choice = useDryRun((d) => d.choice);
  const seed = useDryRun((d) => d.seed);
  const seedCount = useDryRun((d) => d.seedCount);
  const setForm = useDryRun((d) => d.setForm);
  const setChoice = (next: Record<string, PolicyName>) => setForm({ choice: next });
  const setSeed = (n: number) => setForm({ seed: n });
  const setSeedCount = (n: number) => setForm({ seedCount: n });
  const mix: Mix = useMemo(
    () =>
      Object.fromEntries(
        ids.map((id, i) => [id, choice[id] ?? DEFAULT_MIX[i % DEFAULT_MIX.length] ?? 'cooperative']),
      ) as Mix,
    [ids, choice],
  );
  const documentId = useDraft((d) => d.documentId);
  const job = useDryRun((d) => d.job);
  const detail = useDryRun((d) => d.detail);
  const outcomes = useDryRun((d) => d.outcomes);
  const startRuns = useDryRun((d) => d.start);
  const cancel = useDryRun((d) => d.cancel);
  useEffect(() => dryRunStore.getState().forDocument(documentId), [documentId]);
  const start = (request: WorkerRequest) => startRuns(documentId, request);
  const running = job.kind === 'running';
  const seedId = useId();
  const countId = useId();
  const compareHintId = useId();
  const policiesId = useId();

  const setAll = (policy: PolicyName) => setChoice(Object.fromEntries(ids.map((id) => [id, policy])));

  return (
    <div className="sr__body">
      <form
        className="sr__form"
        onSubmit={(e) => {
          e.preventDefault();
          start({ kind: 'single', scenario, job: { mix: 'yours', policies: mix, seed } });
        }}
      >
        <fieldset className="sr__policies" aria-describedby={policiesId}>
          <legend className="sr__legend">{t('studio.dryrun.policies')}</legend>
          <p className="muted sr__hint" id={policiesId}>
            {t('studio.dryrun.policiesHint')}
          </p>
          <div className="sr__quick">
            <span className="muted">{t('studio.dryrun.everyone')}</span>
            {POLICY_NAMES.map((p) => (
              <button
                key={p}
                type="button"
                className="chip"
                aria-pressed={ids.every((id) => mix[id] === p)}
                onClick={() => setAll(p)}
                data-testid={`studio.dryrun.all.${p}`}
              >
                {t(`studio.dryrun.policy.${p}`)}
              </button>
            ))}
          </div>
          <div className="sr__grid">
            {scenario.delegations.map((d) => (
              <label key={d.id} className="sr__field">
                <span className="sr__label">{text(d.name)}</span>
                <select
                  className="input sr__select"
                  value={mix[d.id]}
                  onChange={(e) => setChoice({ ...mix, [d.id]: e.target.value as PolicyName })}
                  data-testid={`studio.dryrun.policy.${d.id}`}
                >
                  {POLICY_NAMES.map((p) => (
                    <option key={p} value={p}>
                      {t(`studio.dryrun.policy.${p}`)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="sr__actions">
          <div className="sr__group">
            <label className="sr__field sr__field--small" htmlFor={seedId}>
              <span className="sr__label">{t('studio.dryrun.seed')}</span>
              <input
                id={seedId}
                className="input"
                type="number"
                inputMode="numeric"
                min={1}
                max={9999}
                value={seed}
                onChange={(e) => setSeed(Math.max(1, Math.min(9999, Math.floor(Number(e.target.value) || 1))))}
                data-testid="studio.dryrun.seed"
              />
            </label>
            <button type="submit" className="button button--primary" disabled={running} data-testid="studio.dryrun.run">
              {t('studio.dryrun.run')}
            </button>
          </div>
          <div className="sr__group sr__group--compare">
            <label className="sr__field sr__field--small" htmlFor={countId}>
              <span className="sr__label">{t('studio.dryrun.seedCount')}</span>
              <input
                id={countId}
                className="input"
                type="number"
                inputMode="numeric"
                min={1}
                max={10}
                value={seedCount}
                onChange={(e) => setSeedCount(Math.max(1, Math.min(10, Math.floor(Number(e.target.value) || 1))))}
                aria-describedby={compareHintId}
                data-testid="studio.dryrun.seedCount"
              />
            </label>
            <button
              type="button"
              className="button"
              disabled={running}
              onClick={() => start({ kind: 'compare', scenario, jobs: compareJobs(ids, mix, seedsUpTo(seedCount)) })}
              aria-describedby={compareHintId}
              data-testid="studio.dryrun.compare"
            >
              {t('studio.dryrun.compareButton')}
            </button>
          </div>
        </div>
        <p className="muted sr__hint" id={compareHintId}>
          {t('studio.dryrun.compareHint')}
        </p>
      </form>

      {job.kind === 'running' && (
        <div className="sr__progress" role="status" data-testid="studio.dryrun.progress">
          <progress max={job.total} value={job.done} aria-label={t('studio.dryrun.progressLabel')} />
          <span>
            {job.what === 'single'
              ? t('studio.dryrun.playing')
              : t('studio.dryrun.progress', {
                  done: formatNumber(job.done, i18n.language),
                  total: formatNumber(job.total, i18n.language),
                })}
          </span>
          <button type="button" className="button" onClick={cancel} data-testid="studio.dryrun.cancel">
            {t('studio.dryrun.cancel')}
          </button>
        </div>
      )}
      {job.kind === 'error' && (
        <p className="form__error" role="alert">
          {t('studio.dryrun.failed', { message: job.message })}
        </p>
      )}

      {detail && <RunView detail={detail} scenario={scenario} text={text} />}
      {outcomes && outcomes.length > 0 && (
        <Compare outcomes={outcomes} scenario={scenario} text={text} partial={running && job.what === 'compare'} />
      )}
    </div>
  );
}

function endingTitle(scenario: Scenario, text: TextOf, id: string | null, t: (k: string) => string): string {
  if (id === null) return t('studio.dryrun.noEnding');
  return text(scenario.endings.find((e) => e.id === id)?.title) || id;
}

function toneOf(scenario: Scenario, id: string | null): string {
  return id === null ? 'none' : (scenario.endings.find((e) => e.id === id)?.tone ?? 'mixed');
}

function RunView({ detail, scenario, text }: { detail: RunDetail; scenario: Scenario; text: TextOf }) {
  const { t, i18n } = useTranslation();
  const { outcome, summary } = detail;
  const headingId = useId();
  const num = (n: number) => formatNumber(n, i18n.language);
  const timelineLabel = t('studio.dryrun.timeline', { count: detail.timeline.length });
  return (
    <section className="sr__result" aria-labelledby={headingId} data-testid="studio.dryrun.result">
      <h3 className="sr__h3" id={headingId}>
        {t('studio.dryrun.resultTitle', { seed: outcome.seed })}
      </h3>
      <div
        className={`sr-ending sr-ending--${toneOf(scenario, outcome.ending)}`}
        data-testid="studio.dryrun.ending"
        data-ending={outcome.ending ?? ''}
      >
        <p className="eyebrow">{t('studio.dryrun.endingReached')}</p>
        <p className="sr-ending__title" dir="auto">
          {endingTitle(scenario, text, outcome.ending, t)}
        </p>
        <p className="sr-ending__how">
          {t(`studio.dryrun.how.${outcome.how ?? 'facilitator'}`, { minute: num(outcome.minute) })}
        </p>
        {detail.narrative && (
          <p className="sr-ending__narrative" dir="auto">
            {detail.narrative}
          </p>
        )}
      </div>

      <dl className="figures sr__figures">
        <div>
          <dt>{t('studio.dryrun.figures.breaches')}</dt>
          <dd>{num(summary.breaches)}</dd>
        </div>
        <div>
          <dt>{t('studio.dryrun.figures.met')}</dt>
          <dd>{num(summary.deadlines.met)}</dd>
        </div>
        <div>
          <dt>{t('studio.dryrun.figures.missed')}</dt>
          <dd>{num(summary.deadlines.missed)}</dd>
        </div>
        <div>
          <dt>{t('studio.dryrun.figures.refused')}</dt>
          <dd>{num(summary.commands.refused)}</dd>
        </div>
      </dl>

      <h4 className="sr__h4">{t('studio.dryrun.ledger')}</h4>
      {summary.breachesByRule.length === 0 ? (
        <p className="muted" data-testid="studio.dryrun.ledger">
          {t('studio.dryrun.ledgerClean')}
        </p>
      ) : (
        <ul className="sr-ledger" data-testid="studio.dryrun.ledger">
          {summary.breachesByRule.map((r) => {
            const rule = scenario.rules.find((x) => x.id === r.rule);
            return (
              <li key={r.rule} className="sr-ledger__row">
                <span className={`badge sr-ledger__badge sr-ledger__badge--${r.what}`}>
                  {t(`studio.dryrun.${r.what}`, { count: r.count })}
                </span>
                <span className="sr-ledger__title" dir="auto">
                  {text(rule?.title) || r.title}
                </span>
                {(r.cbms.length > 0 || r.norms.length > 0) && (
                  <span className="sr-ledger__tags muted">
                    {[
                      ...r.cbms.map((n) => t('studio.dryrun.cbm', { n })),
                      ...r.norms.map((n) => t('studio.dryrun.norm', { n })),
                    ].join(' · ')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h4 className="sr__h4">{timelineLabel}</h4>
      <p className="muted sr__hint">{t('studio.dryrun.timelineNote')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard */}
      <section className="sr-timeline" tabIndex={0} aria-label={timelineLabel}>
        <ol data-testid="studio.dryrun.timeline">
          {detail.timeline.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one finished run, never reordered
            <li key={i} className={`sr-timeline__line ${line.who === 'world' ? 'sr-timeline__line--world' : ''}`}>
              <time className="sr-timeline__time">{clock(line.at)}</time>
              <span className="sr-timeline__who">{line.who}</span>
              <span className="sr-timeline__what" dir="auto">
                {line.what}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

function MixLabel({
  mix,
  policies,
  scenario,
  text,
}: {
  mix: string;
  policies: Mix | undefined;
  scenario: Scenario;
  text: TextOf;
}) {
  const { t } = useTranslation();
  if (mix === 'yours') return <>{t('studio.dryrun.mixYours')}</>;
  if (!policies) return <>{mix}</>;
  const values = Object.values(policies);
  const first = values[0];
  if (first !== undefined && values.every((v) => v === first))
    return <>{t('studio.dryrun.mixAll', { policy: t(`studio.dryrun.policy.${first}`) })}</>;
  return (
    <ul className="sr-mix">
      {scenario.delegations.map((d) => (
        <li key={d.id}>
          <span className="sr-mix__who">{text(d.name)}</span>{' '}
          <span className="sr-mix__policy">{t(`studio.dryrun.policy.${policies[d.id] ?? 'cooperative'}`)}</span>
        </li>
      ))}
    </ul>
  );
}

function Compare({
  outcomes,
  scenario,
  text,
  partial,
}: {
  outcomes: readonly RunOutcome[];
  scenario: Scenario;
  text: TextOf;
  partial: boolean;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const agg = useMemo(
    () =>
      aggregate(
        outcomes,
        scenario.endings.map((e) => e.id),
      ),
    [outcomes, scenario],
  );
  const seeds = [...new Set(outcomes.map((o) => o.seed))].sort((a, b) => a - b);
  const ids = scenario.delegations.map((d) => d.id);
  const policiesOf = useMemo(() => {
    const own: Record<string, Mix> = {};
    for (const j of compareJobs(ids, {}, [1])) own[j.mix] = j.policies;
    return own;
  }, [ids]);
  const num = (n: number) => formatNumber(n, i18n.language);
  const max = Math.max(1, ...agg.counts.map((c) => c.runs));
  return (
    <section
      className="sr__result"
      aria-labelledby={headingId}
      data-testid="studio.dryrun.comparison"
      aria-busy={partial}
    >
      <h3 className="sr__h3" id={headingId}>
        {t('studio.dryrun.compareTitle', { runs: num(agg.total) })}
      </h3>
      <h4 className="sr__h4">{t('studio.dryrun.endingsReached')}</h4>
      <ul className="sr-counts" data-testid="studio.dryrun.counts">
        {agg.counts.map((c) => (
          <li key={c.ending ?? '(none)'} className="sr-counts__row" data-ending={c.ending ?? ''}>
            <span className="sr-counts__title" dir="auto">
              {endingTitle(scenario, text, c.ending, t)}
            </span>
            <span className="sr-counts__bar" aria-hidden="true">
              <span
                className={`sr-counts__fill sr-tone--${toneOf(scenario, c.ending)}`}
                style={{ inlineSize: `${(c.runs / max) * 100}%` }}
              />
            </span>
            <span className="sr-counts__n">{t('studio.dryrun.runs', { count: c.runs, n: num(c.runs) })}</span>
          </li>
        ))}
      </ul>
      {!partial && agg.unreached.length > 0 && (
        <div className="sr__unreached" role="note" data-testid="studio.dryrun.unreached">
          <p>
            <strong>{t('studio.dryrun.unreachedTitle')}</strong>{' '}
            {agg.unreached.map((id) => endingTitle(scenario, text, id, t)).join(' · ')}
          </p>
          <p className="muted">{t('studio.dryrun.unreachedHint')}</p>
        </div>
      )}
      {!partial && agg.unreached.length === 0 && <p className="sr__allreached">{t('studio.dryrun.allReached')}</p>}

      <h4 className="sr__h4">{t('studio.dryrun.matrix')}</h4>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard */}
      <section className="sr-matrix__scroll" tabIndex={0} aria-label={t('studio.dryrun.matrix')}>
        <table className="sr-matrix" data-testid="studio.dryrun.matrix">
          <thead>
            <tr>
              <th scope="col">{t('studio.dryrun.mix')}</th>
              {seeds.map((s) => (
                <th scope="col" key={s}>
                  {t('studio.dryrun.seedN', { seed: s })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {agg.rows.map((row) => (
              <tr key={row.mix} data-mix={row.mix}>
                <th scope="row">
                  <MixLabel mix={row.mix} policies={policiesOf[row.mix]} scenario={scenario} text={text} />
                </th>
                {seeds.map((s) => {
                  const o = row.runs.find((r) => r.seed === s);
                  return (
                    <td
                      key={s}
                      className={o ? `sr-tone--${toneOf(scenario, o.ending)}` : ''}
                      data-ending={o?.ending ?? ''}
                    >
                      {o ? (
                        <>
                          <span className="sr-matrix__ending" dir="auto">
                            {endingTitle(scenario, text, o.ending, t)}
                          </span>
                          <span className="sr-matrix__minute">
                            {t('studio.dryrun.atMinute', { minute: num(o.minute) })}
                          </span>
                        </>
                      ) : (
                        <span className="muted">…</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
