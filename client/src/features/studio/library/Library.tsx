import { type DragEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation.ts';
import { type Listing, pickText, studioApi } from '../studioApi.ts';
import { failureText } from './errors.ts';
import { NewScenario } from './NewScenario.tsx';
import { StudioFrame, useStudioTitle } from './StudioFrame.tsx';

const MAX_IMPORT_BYTES = 512 * 1024;

/** `/studio`: the trainer's scenarios: search, new (template or a shipped scenario), import, duplicate, delete. */
export function Library() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [documents, setDocuments] = useState<readonly Listing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; undo?: () => void } | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const generation = useRef(0);
  useStudioTitle(t('studio.library.title'));

  const refresh = useCallback(
    async (q: string, onlyDeleted: boolean) => {
      const mine = ++generation.current;
      const r = await studioApi.list(q, onlyDeleted ? 'only' : 'exclude');
      if (mine !== generation.current) return;
      if (!r.ok) return setError(failureText(t, r));
      setError(null);
      setDocuments(r.value.documents);
    },
    [t],
  );

  useEffect(() => {
    const timer = setTimeout(() => void refresh(query, deleted), query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [query, deleted, refresh]);

  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const titleOf = (d: Listing) => pickText(d.latest.scenario.title, i18n.language) || d.latest.scenario.id || d.id;

  const importFile = async (file: File) => {
    setNotice(null);
    if (file.size > MAX_IMPORT_BYTES) return setError(t('studio.library.import.tooLarge', { name: file.name }));
    setBusy('import');
    const text = await file.text().catch(() => null);
    if (text === null) {
      setBusy(null);
      return setError(t('studio.library.import.unreadable', { name: file.name }));
    }
    const r = await studioApi.importYaml(text, file.name);
    setBusy(null);
    if (!r.ok) return setError(failureText(t, r));
    navigate({ name: 'studio', documentId: r.value.document.id });
  };

  const duplicate = async (d: Listing) => {
    setBusy(d.id);
    const r = await studioApi.duplicate(d.id);
    setBusy(null);
    if (!r.ok) return setError(failureText(t, r));
    setNotice({ text: t('studio.library.duplicated', { title: titleOf(d) }) });
    void refresh(query, deleted);
  };

  const restore = async (d: Listing) => {
    const r = await studioApi.restore(d.id);
    if (!r.ok) return setError(failureText(t, r));
    setNotice({ text: t('studio.library.restored', { title: titleOf(d) }) });
    void refresh(query, deleted);
  };

  const remove = async (d: Listing) => {
    setBusy(d.id);
    const r = await studioApi.remove(d.id);
    setBusy(null);
    if (!r.ok) return setError(failureText(t, r));
    setNotice({ text: t('studio.library.deleted', { title: titleOf(d) }), undo: () => void restore(d) });
    void refresh(query, deleted);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <StudioFrame wide>
      <section
        className={dragging ? 'studio-library studio-library--dragging' : 'studio-library'}
        data-testid="studio.library"
        aria-labelledby={`${id}-title`}
        onDragOver={(e) => {
          if (![...e.dataTransfer.types].includes('Files')) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <div className="studio-library__head">
          <div>
            <p className="eyebrow">{t('studio.title')}</p>
            <h1 id={`${id}-title`} className="page__title studio-library__title">
              {t('studio.library.title')}
            </h1>
            <p className="muted">{t('studio.library.intro')}</p>
          </div>
          <div className="studio-library__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="studio.library.new"
              onClick={() => setCreating(true)}
            >
              {t('studio.library.new')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="studio.library.import"
              disabled={busy === 'import'}
              onClick={() => fileInput.current?.click()}
            >
              {busy === 'import' ? t('studio.library.import.busy') : t('studio.library.import.action')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              data-testid="studio.library.importFile"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </div>
        </div>
        <p className="studio-library__drop" aria-hidden={!dragging}>
          {dragging ? t('studio.library.import.dropNow') : t('studio.library.import.dropHint')}
        </p>

        <div className="studio-library__filters">
          <div className="studio-search">
            <label htmlFor={`${id}-q`} className="visually-hidden">
              {t('studio.library.search')}
            </label>
            <input
              id={`${id}-q`}
              type="search"
              className="input"
              placeholder={t('studio.library.searchPlaceholder')}
              data-testid="studio.library.search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <fieldset className="studio-segmented">
            <legend className="visually-hidden">{t('studio.library.show')}</legend>
            <button
              type="button"
              aria-pressed={!deleted}
              className="chip"
              data-testid="studio.library.showCurrent"
              onClick={() => setDeleted(false)}
            >
              {t('studio.library.current')}
            </button>
            <button
              type="button"
              aria-pressed={deleted}
              className="chip"
              data-testid="studio.library.showDeleted"
              onClick={() => setDeleted(true)}
            >
              {t('studio.library.deletedOnes')}
            </button>
          </fieldset>
        </div>

        <div aria-live="polite">
          {notice && (
            <p className="studio-notice studio-notice--ok studio-notice--inline" data-testid="studio.library.notice">
              <span>{notice.text}</span>
              {notice.undo && (
                <button
                  type="button"
                  className="button button--link"
                  data-testid="studio.library.undo"
                  onClick={() => {
                    notice.undo?.();
                  }}
                >
                  {t('studio.library.undo')}
                </button>
              )}
            </p>
          )}
        </div>
        {error && (
          <p className="form__error" role="alert" data-testid="studio.library.error">
            {error}
          </p>
        )}

        {documents === null && !error && <p className="muted">{t('studio.library.loading')}</p>}
        {documents?.length === 0 && (
          <div className="studio-empty" data-testid="studio.library.empty">
            <p className="studio-empty__title">
              {query
                ? t('studio.library.noMatch', { query })
                : deleted
                  ? t('studio.library.noDeleted')
                  : t('studio.library.empty')}
            </p>
            {!query && !deleted && <p className="muted">{t('studio.library.emptyHint')}</p>}
          </div>
        )}
        {documents && documents.length > 0 && (
          <table className="studio-docs" data-testid="studio.library.list">
            <caption className="visually-hidden">{t('studio.library.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('studio.library.col.scenario')}</th>
                <th scope="col">{t('studio.library.col.languages')}</th>
                <th scope="col">{t('studio.library.col.level')}</th>
                <th scope="col">{t('studio.library.col.saved')}</th>
                <th scope="col">{t('studio.library.col.check')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('studio.library.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => {
                const counts = d.latest.counts;
                return (
                  <tr key={d.id} className="studio-doc" data-testid="studio.library.doc" data-document={d.id}>
                    <td className="studio-doc__main">
                      {deleted ? (
                        <span className="studio-doc__title">{titleOf(d)}</span>
                      ) : (
                        <a
                          className="studio-doc__title"
                          href={`/studio/${encodeURIComponent(d.id)}`}
                          data-testid="studio.library.open"
                          onClick={(e) => {
                            e.preventDefault();
                            navigate({ name: 'studio', documentId: d.id });
                          }}
                        >
                          {titleOf(d)}
                        </a>
                      )}
                      {d.latest.scenario.id && (
                        <code className="studio-doc__id" dir="ltr">
                          {d.latest.scenario.id}
                        </code>
                      )}
                    </td>
                    <td data-label={t('studio.library.col.languages')}>
                      <span className="studio-doc__langs" dir="ltr">
                        {d.latest.scenario.languages.join(' · ') || '—'}
                      </span>
                    </td>
                    <td data-label={t('studio.library.col.level')}>
                      {d.latest.scenario.level ? levelText(t, d.latest.scenario.level) : '—'}
                    </td>
                    <td data-label={t('studio.library.col.saved')}>
                      <span className="studio-doc__saved">
                        {date(d.updatedAt)}
                        <span className="muted">
                          {d.latest.author
                            ? t('studio.library.versionBy', { version: d.latestVersion, author: d.latest.author })
                            : t('studio.library.version', { version: d.latestVersion })}
                        </span>
                      </span>
                    </td>
                    <td data-label={t('studio.library.col.check')}>
                      {d.latest.valid ? (
                        <span className="studio-badge studio-badge--ok">{t('studio.shell.check.valid')}</span>
                      ) : (
                        <span className="studio-badge studio-badge--error">
                          {t('studio.shell.check.errors', { count: counts.errors })}
                        </span>
                      )}
                    </td>
                    <td className="studio-doc__actions">
                      {deleted ? (
                        <button
                          type="button"
                          className="button"
                          data-testid="studio.library.restore"
                          onClick={() => void restore(d)}
                        >
                          {t('studio.library.restore')}
                        </button>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="button studio-button--small"
                            data-testid="studio.library.duplicate"
                            disabled={busy === d.id}
                            aria-label={t('studio.library.duplicateLabel', { title: titleOf(d) })}
                            onClick={() => void duplicate(d)}
                          >
                            {t('studio.library.duplicate')}
                          </button>
                          <button
                            type="button"
                            className="button studio-button--small studio-button--danger"
                            data-testid="studio.library.delete"
                            disabled={busy === d.id}
                            aria-label={t('studio.library.deleteLabel', { title: titleOf(d) })}
                            onClick={() => void remove(d)}
                          >
                            {t('studio.library.delete')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {creating && <NewScenario onClose={() => setCreating(false)} />}
    </StudioFrame>
  );
}

const LEVELS = new Set(['introductory', 'intermediate', 'advanced']);

export function levelText(t: (key: string) => string, level: string): string {
  return LEVELS.has(level) ? t(`studio.library.level.${level}`) : level;
}
