import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const TABS = ['overview', 'world', 'comms', 'seats', 'end'] as const;
export type Tab = (typeof TABS)[number];

export const tabId = (tab: Tab) => `control-tab-${tab}`;
export const panelId = (tab: Tab) => `control-panel-${tab}`;

/**
 * The console's sections as tabs (WAI-ARIA tabs: arrow keys, Home and End move between them; Tab goes into the
 * panel). A badge can flag a section (the number of rule breaches on the overview). On a narrow screen the tabs
 * stay on one row that scrolls sideways, the chosen tab kept in view.
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
  const list = useRef<HTMLDivElement | null>(null);
  // Which sides of a scrolling row hide tabs (they fade out there, so the row reads as "more this way").
  const [hidden, setHidden] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const row = list.current;
    if (!row) return;
    const r = row.getBoundingClientRect();
    const tabs = Object.values(refs.current).flatMap((b) => (b ? [b.getBoundingClientRect()] : []));
    const left = tabs.some((b) => b.left < r.left - 1);
    const right = tabs.some((b) => b.right > r.right + 1);
    setHidden((h) => (h.left === left && h.right === right ? h : { left, right }));
  }, []);
  useEffect(() => {
    const row = list.current;
    if (!row) return;
    const observer = new ResizeObserver(measure);
    observer.observe(row);
    return () => observer.disconnect();
  }, [measure]);
  useEffect(() => {
    const row = list.current;
    const tab = refs.current[current];
    if (!row || !tab || row.scrollWidth <= row.clientWidth) return;
    // Scroll the row only (scrollIntoView would also scroll the page), leaving the neighbour peeking in.
    const r = row.getBoundingClientRect();
    const b = tab.getBoundingClientRect();
    if (b.left < r.left) row.scrollBy({ left: b.left - r.left - 40 });
    else if (b.right > r.right) row.scrollBy({ left: b.right - r.right + 40 });
    measure();
  }, [current, measure]);
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
    <div
      ref={list}
      className="control-tabs"
      data-hidden-left={hidden.left || undefined}
      data-hidden-right={hidden.right || undefined}
      onScroll={measure}
      role="tablist"
      aria-label={t('control.tabs.label')}
      data-testid="control.tabs"
    >
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
