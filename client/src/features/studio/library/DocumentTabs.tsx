import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const STUDIO_TABS = ['yaml', 'tables', 'diagram', 'dryrun', 'print', 'history'] as const;
export type StudioTab = (typeof STUDIO_TABS)[number];

/** The document's views as tabs (WAI-ARIA: arrow keys, Home, End); one row that scrolls sideways on a phone. */
export function DocumentTabs({
  current,
  onChange,
}: {
  readonly current: StudioTab;
  readonly onChange: (tab: StudioTab) => void;
}) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<StudioTab, HTMLButtonElement | null>>>({});
  const move = (e: KeyboardEvent, index: number) => {
    const rtl = document.documentElement.dir === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number | null = null;
    if (e.key in step) next = (index + (step[e.key] ?? 0) + STUDIO_TABS.length) % STUDIO_TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = STUDIO_TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const tab = STUDIO_TABS[next] as StudioTab;
    onChange(tab);
    refs.current[tab]?.focus();
  };
  return (
    <div className="studio-tabs" role="tablist" aria-label={t('studio.shell.tabs.label')} data-testid="studio.tabs">
      {STUDIO_TABS.map((tab, i) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[tab] = el;
          }}
          type="button"
          role="tab"
          id={`studio-tab-${tab}`}
          aria-selected={current === tab}
          aria-controls={`studio-panel-${tab}`}
          tabIndex={current === tab ? 0 : -1}
          className="studio-tab"
          data-testid={`studio.tab.${tab}`}
          onClick={() => onChange(tab)}
          onKeyDown={(e) => move(e, i)}
        >
          {t(`studio.shell.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
