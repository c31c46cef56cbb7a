/**
 * Master and detail for the delegations, actions and rules: the list of items on one side (choose one; add a new
 * one), the chosen item's form on the other, with its tools (move, copy, remove). Stacks on a phone.
 */
import { duplicateItem, moveItem, removeItem } from '@parley/shared/studio/yamlEdit.ts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Section, useEditing } from './context.ts';
import { freshId } from './edits.ts';
import { Errors, IconButton } from './fields.tsx';

export type Listed = { readonly id: string; readonly label: string; readonly meta?: string };

export function ItemList({
  section,
  title,
  intro,
  items,
  addButtons,
  children,
}: {
  readonly section: Section;
  readonly title: string;
  readonly intro: string;
  readonly items: readonly Listed[];
  /** Buttons that add an item: each gets a way to report the change's problems and to select the new item. */
  readonly addButtons: (done: (problems: readonly string[], id: string) => void) => ReactNode;
  /** The chosen item's form. */
  readonly children: (id: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { change, readOnly } = useEditing();
  const [chosen, setChosen] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const selected = items.find((i) => i.id === chosen) ?? items[0];
  const index = selected === undefined ? -1 : items.indexOf(selected);
  const ids = items.map((i) => i.id);
  const done = (p: readonly string[], id: string) => {
    setProblems(p);
    if (p.length === 0) setChosen(id);
  };
  const headingId = `${section}-title`;
  return (
    <section className="sx-section" aria-labelledby={headingId} data-testid={`studio.${section}`}>
      <div className="sx-toolbar">
        <div>
          <h2 id={headingId} className="sx-title">
            {title}
          </h2>
          <p className="sx-hint">{intro}</p>
        </div>
        <div className="sx-toolbar__actions">{addButtons(done)}</div>
      </div>
      <Errors id={`${section}-problems`} errors={problems} />
      <div className="sx-master">
        <nav className="sx-master__list" aria-label={title}>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="sx-master__item"
                  aria-current={item.id === selected?.id ? 'true' : undefined}
                  onClick={() => setChosen(item.id)}
                  data-testid={`${section}.item.${item.id}`}
                >
                  <span className="sx-master__label">{item.label}</span>
                  <span className="sx-master__meta">{item.meta ?? item.id}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {selected === undefined ? (
          <p className="empty">{t('studio.structured.emptyList')}</p>
        ) : (
          <div className="sx-master__detail" data-testid={`${section}.detail`}>
            <div className="sx-detail__head">
              <h3 className="sx-detail__title">
                {selected.label} <code className="msel__id">{selected.id}</code>
              </h3>
              {!readOnly && (
                <div className="sx-tools">
                  <IconButton
                    glyph="↑"
                    label={t('studio.structured.moveUp', { name: selected.label })}
                    disabled={index <= 0}
                    onClick={() =>
                      setProblems(
                        change(
                          section,
                          (s) => moveItem(s, section, selected.id, index - 1),
                          t('studio.structured.moved'),
                        ),
                      )
                    }
                  />
                  <IconButton
                    glyph="↓"
                    label={t('studio.structured.moveDown', { name: selected.label })}
                    disabled={index >= items.length - 1}
                    onClick={() =>
                      setProblems(
                        change(
                          section,
                          (s) => moveItem(s, section, selected.id, index + 1),
                          t('studio.structured.moved'),
                        ),
                      )
                    }
                  />
                  <IconButton
                    glyph="copy"
                    label={t('studio.structured.duplicate', { name: selected.label })}
                    onClick={() => {
                      const id = freshId(`${selected.id}-2`, ids);
                      done(
                        change(
                          section,
                          (s) => duplicateItem(s, section, selected.id, id),
                          t('studio.structured.copied'),
                        ),
                        id,
                      );
                    }}
                    testid={`${section}.duplicate`}
                  />
                  <IconButton
                    glyph="✕"
                    danger
                    label={t('studio.structured.remove', { name: selected.label })}
                    onClick={() =>
                      setProblems(
                        change(section, (s) => removeItem(s, section, selected.id), t('studio.structured.removed')),
                      )
                    }
                    testid={`${section}.remove`}
                  />
                </div>
              )}
            </div>
            {children(selected.id)}
          </div>
        )}
      </div>
    </section>
  );
}
