import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TABS, type Tab, tabAfter } from './tabs.ts';

export const tabId = (tab: Tab) => `delegation-tab-${tab}`;
export const panelId = (tab: Tab) => `delegation-panel-${tab}`;

/** The console's sections as a tab bar (arrow keys, Home, End), each with what waits there. */
export function ConsoleTabs({
  active,
  onChange,
  labels,
  counts,
}: {
  readonly active: Tab;
  readonly onChange: (tab: Tab) => void;
  readonly labels: Readonly<Record<Tab, string>>;
  /** What waits in each section (new items, proposals to answer); 0 shows nothing. */
  readonly counts: Readonly<Record<Tab, { readonly value: number; readonly words: string }>>;
}) {
  const { t, i18n } = useTranslation();
  const buttons = useRef(new Map<Tab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabAfter(active, event.key, i18n.dir() === 'rtl');
    if (!next) return;
    event.preventDefault();
    onChange(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('actions.tabs.label')} onKeyDown={onKeyDown}>
      {TABS.map((tab) => {
        const count = counts[tab];
        return (
          <button
            key={tab}
            ref={(el) => {
              if (el) buttons.current.set(tab, el);
              else buttons.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            className="tab"
            aria-selected={tab === active}
            aria-controls={panelId(tab)}
            tabIndex={tab === active ? 0 : -1}
            onClick={() => onChange(tab)}
            data-testid={`tab.${tab}`}
          >
            {labels[tab]}
            {count.value > 0 && (
              <span className="tab__count" data-testid={`tab.${tab}.count`}>
                <span aria-hidden="true">{count.value}</span>
                <span className="visually-hidden">{count.words}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
