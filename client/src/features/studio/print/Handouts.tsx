/**
 * The situation manual: a facilitator guide (overview, objectives with their norm/CBM tags, delegations, simulated
 * parties, phases, the MSEL with expected actions and facilitator notes, rules in plain words, endings) and one
 * player handout per delegation (its public and private briefing only: never another delegation's private text).
 * One document is previewed at a time, in a chosen language of the scenario; "Print" prints just that document
 * (a copy is placed at the top of the page while printing and the print stylesheet hides everything else), each
 * handout on its own pages.
 */
import { type CompiledScenario, compileScenario } from '@parley/shared/engine/compile.ts';
import { describeCondition } from '@parley/shared/engine/describe.ts';
import type { Condition, Rule, Scenario } from '@parley/shared/scenario/schema.ts';
import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../../ui/Markdown.tsx';
import { conditionText, phaseTitles, triggerText } from '../diagram/conditionText.ts';
import { type TextOf, useLastValid, useScenarioText } from '../diagram/useLastValid.ts';
import './print.css';

const UI_LANGUAGES = ['en', 'fr', 'es', 'ar'];
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** "guide", "handouts" (every delegation), or "handout:<delegation id>". */
type DocChoice = string;

export function Handouts() {
  const { t, i18n } = useTranslation();
  const { scenario, stale } = useLastValid();
  const headingId = useId();
  const docId = useId();
  const langId = useId();
  const [doc, setDoc] = useState<DocChoice>('guide');
  const [language, setLanguage] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    const after = () => {
      delete document.documentElement.dataset.studioPrint;
      setPrinting(false);
    };
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('afterprint', after);
      delete document.documentElement.dataset.studioPrint;
    };
  }, []);

  if (!scenario) {
    return (
      <section className="panel sp" data-testid="studio.handouts" aria-labelledby={headingId}>
        <h2 className="panel__title" id={headingId}>
          {t('studio.print.title')}
        </h2>
        <p className="muted">{t('studio.print.empty')}</p>
      </section>
    );
  }
  const languages = scenario.languages;
  const docLang =
    language !== null && languages.includes(language)
      ? language
      : languages.includes(i18n.language)
        ? i18n.language
        : scenario.fallbackLanguage;
  const valid = doc === 'guide' || doc === 'handouts' || scenario.delegations.some((d) => `handout:${d.id}` === doc);
  const chosen = valid ? doc : 'guide';

  const print = () => {
    flushSync(() => setPrinting(true));
    document.documentElement.dataset.studioPrint = chosen;
    window.print();
  };

  const previewLabel = t('studio.print.preview');
  const document_ = <PrintDocument scenario={scenario} choice={chosen} language={docLang} />;
  return (
    <section className="panel sp" data-testid="studio.handouts" aria-labelledby={headingId}>
      <div className="panel__head">
        <h2 className="panel__title" id={headingId}>
          {t('studio.print.title')}
        </h2>
      </div>
      <p className="sp__intro">{t('studio.print.intro')}</p>
      {stale && (
        <p className="sp__stale" role="status">
          {t('studio.print.stale')}
        </p>
      )}
      <div className="sp__controls">
        <label className="sp__field" htmlFor={docId}>
          <span className="sp__label">{t('studio.print.document')}</span>
          <select
            id={docId}
            className="input"
            value={chosen}
            onChange={(e) => setDoc(e.target.value)}
            data-testid="studio.print.document"
          >
            <option value="guide">{t('studio.print.guide')}</option>
            <option value="handouts">{t('studio.print.allHandouts')}</option>
            {scenario.delegations.map((d) => (
              <option key={d.id} value={`handout:${d.id}`}>
                {t('studio.print.handoutFor', { name: localizeName(scenario, d.id, docLang) })}
              </option>
            ))}
          </select>
        </label>
        {languages.length > 1 && (
          <label className="sp__field sp__field--small" htmlFor={langId}>
            <span className="sp__label">{t('studio.print.language')}</span>
            <select
              id={langId}
              className="input"
              value={docLang}
              onChange={(e) => setLanguage(e.target.value)}
              data-testid="studio.print.language"
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, i18n.language)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button button--primary" onClick={print} data-testid="studio.print.print">
          {t('studio.print.print')}
        </button>
      </div>
      <p className="muted sp__hint">{t('studio.print.hint')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard */}
      <section className="sp__preview" tabIndex={0} aria-label={previewLabel} data-testid="studio.print.preview">
        {document_}
      </section>
      {printing && createPortal(<div className="sp-print-root">{document_}</div>, document.body)}
    </section>
  );
}

function localizeName(scenario: Scenario, id: string, lang: string): string {
  const d = scenario.delegations.find((x) => x.id === id);
  if (!d) return id;
  return typeof d.name === 'string'
    ? d.name
    : (d.name[lang] ?? d.name[scenario.fallbackLanguage] ?? Object.values(d.name)[0] ?? id);
}

function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function PrintDocument({ scenario, choice, language }: { scenario: Scenario; choice: DocChoice; language: string }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(UI_LANGUAGES.includes(language) ? language : 'en');
  const text = useScenarioText(scenario, language);
  const dir = RTL.has(language.split('-')[0] ?? language) ? 'rtl' : 'ltr';
  const delegations =
    choice === 'handouts' ? scenario.delegations : scenario.delegations.filter((d) => choice === `handout:${d.id}`);
  return (
    <div className="sp-doc" lang={language} dir={dir} data-doc={choice}>
      {choice === 'guide' ? (
        <Guide scenario={scenario} text={text} t={t} language={language} />
      ) : (
        delegations.map((d) => <Handout key={d.id} scenario={scenario} delegation={d.id} text={text} t={t} />)
      )}
    </div>
  );
}

function Tags({ norms, cbms, t }: { norms: readonly string[]; cbms: readonly number[]; t: TFunction }) {
  if (norms.length === 0 && cbms.length === 0) return null;
  return (
    <span className="sp-tags">
      {norms.map((n) => (
        <span key={`n${n}`} className="sp-tag">
          {t('studio.print.norm', { n })}
        </span>
      ))}
      {cbms.map((n) => (
        <span key={`c${n}`} className="sp-tag sp-tag--cbm">
          {t('studio.print.cbm', { n })}
        </span>
      ))}
    </span>
  );
}

function Handout({
  scenario,
  delegation,
  text,
  t,
}: {
  scenario: Scenario;
  delegation: string;
  text: TextOf;
  t: TFunction;
}) {
  const d = scenario.delegations.find((x) => x.id === delegation);
  if (!d) return null;
  return (
    <article className="sp-page sp-handout" data-testid={`studio.print.handout.${d.id}`}>
      <header className="sp-cover">
        <p className="sp-eyebrow">{t('studio.print.handoutEyebrow')}</p>
        <h1 className="sp-h1">{text(d.name)}</h1>
        <p className="sp-sub">{text(scenario.title)}</p>
        <p className="sp-seats">{t('studio.print.seats', { seats: d.seats.map((s) => text(s.title)).join(' · ') })}</p>
      </header>
      <section className="sp-section">
        <h2 className="sp-h2">{t('studio.print.publicBriefing')}</h2>
        <Markdown source={text(d.briefing.public)} />
      </section>
      <section className="sp-section sp-private">
        <h2 className="sp-h2">{t('studio.print.privateBriefing')}</h2>
        <p className="sp-private__note">{t('studio.print.privateNote')}</p>
        <Markdown source={text(d.briefing.private)} />
      </section>
    </article>
  );
}

function ruleMode(rule: Rule, t: TFunction): string {
  return t(`studio.print.mode.${rule.mode}`);
}

function Guide({ scenario, text, t, language }: { scenario: Scenario; text: TextOf; t: TFunction; language: string }) {
  const compiled = useMemo<CompiledScenario | null>(() => {
    try {
      return compileScenario(scenario);
    } catch {
      return null;
    }
  }, [scenario]);
  const tr = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const describe = (c: Condition) => conditionText(c, scenario, text, tr);
  const phaseTitle = phaseTitles(scenario, text);
  const partyName = (id: string) => {
    const p = scenario.delegations.find((d) => d.id === id) ?? scenario.actors.find((a) => a.id === id);
    return p ? text(p.name) : id;
  };
  const actionName = (id: string) =>
    text(scenario.actions.find((a) => a.id === id)?.label) ||
    t(`studio.print.builtin.${id.replace('.', '_')}`, { defaultValue: id });
  const objective = (id: string | undefined) =>
    id === undefined ? '' : text(scenario.objectives.find((o) => o.id === id)?.title) || id;
  const endingHow = (id: string): string[] => {
    const e = scenario.endings.find((x) => x.id === id);
    const out: string[] = [];
    if (e?.when) out.push(t('studio.print.endingWhen', { what: describe(e.when) }));
    const walk = (ps: Scenario['phases']) => {
      for (const p of ps) {
        for (const tr2 of p.transitions)
          if (tr2.end === id)
            out.push(
              t('studio.print.endingFrom', {
                phase: phaseTitle(p.id),
                what: tr2.label ? text(tr2.label) : describe(tr2.when),
              }),
            );
        if (p.onTimeout?.end === id)
          out.push(t('studio.print.endingTimeout', { phase: phaseTitle(p.id), minutes: p.timebox ?? 0 }));
        walk(p.phases);
      }
    };
    walk(scenario.phases);
    if (e?.default) out.push(t('studio.print.endingDefault'));
    return out;
  };
  const ruleWords = (rule: Rule): string => {
    if (rule.description) return text(rule.description);
    if (rule.type === 'deadline')
      return t('studio.print.deadline', {
        on: rule.on.map(actionName).join(', '),
        answers: rule.satisfiedBy.map(actionName).join(', '),
        minutes: rule.within,
      });
    const requirement =
      language.startsWith('en') && compiled ? describeCondition(compiled, rule.requires, {}) : describe(rule.requires);
    return t('studio.print.precondition', { on: rule.on.map(actionName).join(', '), requirement });
  };
  const renderPhase = (p: Scenario['phases'][number]) => (
    <li key={p.id} className="sp-phase">
      <p className="sp-phase__title">
        <strong>{text(p.title)}</strong>
        {p.timebox !== undefined && (
          <span className="sp-muted"> · {t('studio.print.timebox', { minutes: p.timebox })}</span>
        )}
      </p>
      {p.description && <p className="sp-phase__desc">{text(p.description)}</p>}
      {(p.transitions.length > 0 || p.onTimeout) && (
        <ul className="sp-phase__ways">
          {p.transitions.map((tr2, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: transitions of one phase, in document order
            <li key={i}>
              {t('studio.print.goes', {
                target:
                  tr2.to !== undefined
                    ? phaseTitle(tr2.to)
                    : t('studio.print.endingNamed', {
                        title: text(scenario.endings.find((e) => e.id === tr2.end)?.title),
                      }),
                why: tr2.label ? text(tr2.label) : describe(tr2.when),
              })}
            </li>
          ))}
          {p.onTimeout && p.timebox !== undefined && (
            <li>
              {t('studio.print.timeout', {
                minutes: p.timebox,
                target:
                  p.onTimeout.to !== undefined
                    ? phaseTitle(p.onTimeout.to)
                    : t('studio.print.endingNamed', {
                        title: text(scenario.endings.find((e) => e.id === p.onTimeout?.end)?.title),
                      }),
              })}
            </li>
          )}
        </ul>
      )}
      {p.phases.length > 0 && <ol className="sp-phases">{p.phases.map(renderPhase)}</ol>}
    </li>
  );

  return (
    <article className="sp-page sp-guide" data-testid="studio.print.guide">
      <header className="sp-cover">
        <p className="sp-eyebrow">{t('studio.print.guideEyebrow')}</p>
        <h1 className="sp-h1">{text(scenario.title)}</h1>
        <p className="sp-confidential">{t('studio.print.confidential')}</p>
      </header>

      <section className="sp-section">
        <h2 className="sp-h2">{t('studio.print.overview')}</h2>
        <Markdown source={text(scenario.summary)} />
        <dl className="sp-facts">
          <div>
            <dt>{t('studio.print.level')}</dt>
            <dd>{t(`studio.print.levels.${scenario.level}`)}</dd>
          </div>
          <div>
            <dt>{t('studio.print.duration')}</dt>
            <dd>{t('studio.print.minutes', { minutes: scenario.durationMinutes })}</dd>
          </div>
          {scenario.timeLimit !== undefined && (
            <div>
              <dt>{t('studio.print.timeLimit')}</dt>
              <dd>{t('studio.print.minutes', { minutes: scenario.timeLimit })}</dd>
            </div>
          )}
          <div>
            <dt>{t('studio.print.counts')}</dt>
            <dd>
              {t('studio.print.countsValue', {
                delegations: scenario.delegations.length,
                injects: scenario.injects.length,
                rules: scenario.rules.length,
              })}
            </dd>
          </div>
        </dl>
      </section>

      <section className="sp-section">
        <h2 className="sp-h2">{t('studio.print.objectives')}</h2>
        <ol className="sp-list">
          {scenario.objectives.map((o) => (
            <li key={o.id}>
              <strong>{text(o.title)}</strong> <Tags norms={o.norms} cbms={o.cbms} t={t} />
              {o.description && <p className="sp-muted">{text(o.description)}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section className="sp-section">
        <h2 className="sp-h2">{t('studio.print.delegations')}</h2>
        {scenario.delegations.map((d) => (
          <div key={d.id} className="sp-delegation">
            <h3 className="sp-h3">
              {text(d.name)}{' '}
              <span className="sp-muted">· {t(`studio.print.kinds.${d.kind}`, { defaultValue: d.kind })}</span>
            </h3>
            <p className="sp-muted">
              {t('studio.print.seats', { seats: d.seats.map((s) => text(s.title)).join(' · ') })}
            </p>
            <div className="sp-briefings">
              <div>
                <h4 className="sp-h4">{t('studio.print.publicBriefing')}</h4>
                <Markdown source={text(d.briefing.public)} />
              </div>
              <div className="sp-private">
                <h4 className="sp-h4">{t('studio.print.privateBriefing')}</h4>
                <Markdown source={text(d.briefing.private)} />
              </div>
            </div>
          </div>
        ))}
        {scenario.actors.length > 0 && (
          <>
            <h3 className="sp-h3">{t('studio.print.actors')}</h3>
            <ul className="sp-list">
              {scenario.actors.map((a) => (
                <li key={a.id}>
                  <strong>{text(a.name)}</strong>
                  {a.description && <> — {text(a.description)}</>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="sp-section">
        <h2 className="sp-h2">{t('studio.print.phases')}</h2>
        <ol className="sp-phases">{scenario.phases.map(renderPhase)}</ol>
      </section>

      <section className="sp-section sp-section--msel">
        <h2 className="sp-h2">{t('studio.print.msel')}</h2>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard */}
        <section className="sp-table-scroll" tabIndex={0} aria-label={t('studio.print.msel')}>
          <table className="sp-table" data-testid="studio.print.msel">
            <thead>
              <tr>
                <th scope="col">{t('studio.print.col.when')}</th>
                <th scope="col">{t('studio.print.col.inject')}</th>
                <th scope="col">{t('studio.print.col.expected')}</th>
                <th scope="col">{t('studio.print.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {scenario.injects.map((inj) => (
                <tr key={inj.id}>
                  <td className="sp-when">
                    {triggerText(inj, tr, phaseTitle, describe)}
                    {inj.phase && (
                      <span className="sp-muted sp-block">
                        {t('studio.print.onlyIn', { phase: phaseTitle(inj.phase) })}
                      </span>
                    )}
                  </td>
                  <td>
                    <strong className="sp-block">{text(inj.title)}</strong>
                    <span className="sp-muted sp-block">
                      {t('studio.print.route', {
                        from: inj.from ? partyName(inj.from) : t('studio.print.control'),
                        to: inj.to === 'all' ? t('studio.print.everyone') : inj.to.map(partyName).join(', '),
                        channel: t(`feed.channel.${inj.channel}`, { defaultValue: inj.channel }),
                      })}
                    </span>
                    <Markdown source={text(inj.body)} className="prose sp-body" />
                  </td>
                  <td>
                    {inj.expects ? (
                      <>
                        {text(inj.expects.text)}
                        {inj.expects.actions.length > 0 && (
                          <span className="sp-muted sp-block">{inj.expects.actions.map(actionName).join(', ')}</span>
                        )}
                      </>
                    ) : (
                      <span className="sp-muted">—</span>
                    )}
                    {inj.objective && (
                      <span className="sp-block sp-objective">
                        {t('studio.print.objective', { title: objective(inj.objective) })}
                      </span>
                    )}
                  </td>
                  <td>{inj.notes ? text(inj.notes) : <span className="sp-muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      <section className="sp-section">
        <h2 className="sp-h2">{t('studio.print.rules')}</h2>
        {scenario.rules.length === 0 ? (
          <p className="sp-muted">{t('studio.print.noRules')}</p>
        ) : (
          <ul className="sp-list">
            {scenario.rules.map((r) => (
              <li key={r.id}>
                <strong>{text(r.title)}</strong> <span className="sp-mode">{ruleMode(r, t)}</span>{' '}
                <Tags norms={r.norms} cbms={r.cbms} t={t} />
                <p>{ruleWords(r)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="sp-section">
        <h2 className="sp-h2">{t('studio.print.endings')}</h2>
        {scenario.endings.map((e) => (
          <div key={e.id} className={`sp-ending sp-ending--${e.tone}`}>
            <h3 className="sp-h3">
              {text(e.title)} <span className="sp-muted">· {t(`studio.print.tones.${e.tone}`)}</span>
            </h3>
            <ul className="sp-list sp-list--plain">
              {endingHow(e.id).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <Markdown source={text(e.narrative)} />
          </div>
        ))}
      </section>
    </article>
  );
}
