import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const TABS = ['overview', 'world', 'comms', 'seats', 'end'] as const;
export type Tab = (typeof TABS)[number];

export const tabId = (tab: Tab) => `control-tab-${tab}`;
export const panelId = (tab: Tab) => `control-panel-${tab}`;

/**
 * The console's sections as tabs (WAI-ARIA tabs: arrow keys, Home and End move between them; Tab goes into the
 * panel). A badge can flag a section (the number of rule breaches on the overview).
 */
export function ControlTabs({
  current,
  onChange,
  badges,
}: {
  readonly current: Tab;
  readonly onChange: (tab: Tab) => void;
  readonly badges: Partial<Record<Tab, number>>;
}) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const move = (e: KeyboardEvent, index: number) => {
    const rtl = document.documentElement.dir === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number | null = null;
    if (e.key in step) next = (index + (step[e.key] ?? 0) + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const tab = TABS[next] as Tab;
    onChange(tab);
    refs.current[tab]?.focus();
  };
  return (
    <div className="control-tabs" role="tablist" aria-label={t('control.tabs.label')} data-testid="control.tabs">
      {TABS.map((tab, i) => {
        const badge = badges[tab] ?? 0;
        return (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={current === tab}
            aria-controls={panelId(tab)}
            tabIndex={current === tab ? 0 : -1}
            className="control-tab"
            data-testid={`control.tab.${tab}`}
            onClick={() => onChange(tab)}
            onKeyDown={(e) => move(e, i)}
          >
            {t(`control.tabs.${tab}`)}
            {badge > 0 && (
              <>
                <span className="control-tab__badge" aria-hidden="true">
                  {badge}
                </span>
                <span className="visually-hidden">{t('control.tabs.breaches', { number: badge })}</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
