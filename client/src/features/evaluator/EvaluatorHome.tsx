import type { EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../state/store.ts';
import { DelegationActivity } from './DelegationActivity.tsx';
import { ObservationForm } from './ObservationForm.tsx';
import { ObservationList } from './ObservationList.tsx';
import { EMPTY_DRAFT, type ObservationDraft } from './observations.ts';
import './evaluator.css';

const asEvaluator = (v: unknown) => v as EvaluatorView;

/** Whether a key press belongs to a field (typing "/" there is just typing). */
function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * The evaluator's console: the quick observation form always at hand (press "/" anywhere to write), the observations
 * recorded so far, and beside them what the watched delegations did.
 */
export function EvaluatorHome() {
  const view = useSession((s) => (s.view?.role === 'evaluator' ? asEvaluator(s.view) : null));
  const [draft, setDraft] = useState<ObservationDraft>(EMPTY_DRAFT);
  const textRef = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || inField(e.target)) return;
      e.preventDefault();
      textRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!view) return null;
  const observe = (delegation: string) => {
    setDraft((d) => ({ ...d, delegation }));
    textRef.current?.focus();
  };
  return (
    <div className="layout layout--evaluator" data-testid="evaluator.home">
      <div className="layout__main">
        <ObservationForm view={view} draft={draft} onDraft={setDraft} textRef={textRef} />
        <ObservationList view={view} />
      </div>
      <div className="layout__side">
        <DelegationActivity view={view} onObserve={observe} />
      </div>
    </div>
  );
}
