import type { ParseResult } from '@parley/shared/scenario/parse.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draft, useDraft } from '../draft.ts';
import { countFindings, type Finding, lintFindings, sortFindings, validatorFindings } from './findings.ts';
import type { FindingsReply, FindingsRequest } from './findings.worker.ts';
import { parsedSource } from './parsedSource.ts';

/** Lint waits for a pause in typing a little longer than validation does. */
const LINT_MS = 600;

type Lint = { readonly parsed: ParseResult; readonly findings: readonly Finding[] };

/** Lint's findings for the current parse, from a worker; the previous ones stay until fresh ones arrive. */
function useLint(parsed: ParseResult | null, language: string): Lint | null {
  const [lint, setLint] = useState<Lint | null>(null);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const pending = useRef(new Map<number, ParseResult>());
  useEffect(() => {
    let w: Worker | null = null;
    try {
      w = new Worker(new URL('./findings.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      w = null;
    }
    if (w) {
      w.onmessage = (event: MessageEvent<FindingsReply>) => {
        const p = pending.current.get(event.data.seq);
        pending.current.delete(event.data.seq);
        if (p && event.data.seq === seq.current) setLint({ parsed: p, findings: event.data.findings });
      };
    }
    worker.current = w;
    return () => {
      w?.terminate();
      worker.current = null;
    };
  }, []);
  useEffect(() => {
    if (!parsed?.ok) return;
    const source = parsedSource() ?? draft.getState().source;
    const timer = setTimeout(() => {
      const mine = ++seq.current;
      const w = worker.current;
      if (w) {
        pending.current.set(mine, parsed);
        const request: FindingsRequest = { seq: mine, source, scenario: parsed.scenario, language };
        w.postMessage(request);
      } else {
        setLint({ parsed, findings: lintFindings(source, parsed.scenario, language) });
      }
    }, LINT_MS);
    return () => clearTimeout(timer);
  }, [parsed, language]);
  return lint;
}

/** The validator's errors and warnings and the lint findings on the working text; a click shows the line. */
export function Findings({ onReveal }: { readonly onReveal: () => void }) {
  const { t, i18n } = useTranslation();
  const parsed = useDraft((s) => s.parsed);
  const lint = useLint(parsed, i18n.language);
  // Lint is only for a valid text; until it answers for this parse, its previous advice stays.
  const findings = useMemo<Finding[]>(
    () =>
      parsed === null ? [] : sortFindings([...validatorFindings(parsed), ...(parsed.ok && lint ? lint.findings : [])]),
    [parsed, lint],
  );
  const counts = countFindings(findings);
  return (
    <section
      id="studio-findings"
      className="panel studio-findings"
      aria-labelledby="studio-findings-title"
      tabIndex={-1}
      data-testid="studio.findings"
    >
      <div className="panel__head">
        <h2 id="studio-findings-title" className="panel__title">
          {t('studio.shell.findings.title')}
        </h2>
        <span className="studio-findings__counts" data-testid="studio.findings.counts">
          {t('studio.shell.findings.counts', { errors: counts.error, warnings: counts.warning, notes: counts.info })}
        </span>
      </div>
      {parsed === null && <p className="muted">{t('studio.shell.findings.checking')}</p>}
      {parsed !== null && findings.length === 0 && (
        <p className="studio-findings__none" data-testid="studio.findings.none">
          <span className="studio-badge studio-badge--ok">{t('studio.shell.check.valid')}</span>
          {t('studio.shell.findings.none')}
        </p>
      )}
      {findings.length > 0 && (
        <ol className="studio-findings__list">
          {findings.map((f) => (
            <li key={`${f.line}:${f.column}:${f.field}:${f.message}`}>
              <button
                type="button"
                className={`studio-finding studio-finding--${f.severity}`}
                data-testid="studio.finding"
                data-severity={f.severity}
                data-line={f.line}
                onClick={() => {
                  onReveal();
                  draft.getState().reveal(f.line, f.column);
                }}
              >
                <span className="studio-finding__where">
                  <span className={`studio-badge studio-badge--${f.severity}`}>
                    {t(`studio.shell.findings.${f.severity}`)}
                  </span>
                  <span>{t('studio.shell.findings.line', { line: f.line })}</span>
                  {f.field && (
                    <code className="studio-finding__field" dir="ltr">
                      {f.field}
                    </code>
                  )}
                </span>
                <span className="studio-finding__message" dir="ltr" lang="en">
                  {f.message}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
