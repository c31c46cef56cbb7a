import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draft, isDirty } from '../draft.ts';
import { download, studioApi, type VersionDiff, type VersionInfo } from '../studioApi.ts';
import { failureText } from './errors.ts';

/** The document's versions (newest first) and what changed between any two. */
export function History({ documentId, latest }: { readonly documentId: string; readonly latest: number }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<readonly VersionInfo[] | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();

  const compare = useCallback(
    async (a: number, b: number) => {
      if (!a || !b) return;
      const r = await studioApi.diff(documentId, a, b);
      if (!r.ok) return setError(failureText(t, r));
      setError(null);
      setDiff(r.value);
    },
    [documentId, t],
  );

  useEffect(() => {
    if (latest < 1) return;
    void studioApi.history(documentId).then((r) => {
      if (!r.ok) return setError(failureText(t, r));
      setVersions(r.value.versions);
      const newest = r.value.versions[0]?.version ?? 0;
      const before = r.value.versions[1]?.version ?? newest;
      setFrom(before);
      setTo(newest);
      if (before !== newest) void compare(before, newest);
    });
  }, [documentId, latest, t, compare]);

  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const size = (bytes: number) => t('studio.shell.history.size', { kb: Math.max(1, Math.round(bytes / 1024)) });

  const fetchSource = async (version: number) => {
    const r = await studioApi.get(documentId, version);
    if (!r.ok) {
      setError(failureText(t, r));
      return null;
    }
    return r.value.version.source;
  };

  const downloadVersion = async (v: VersionInfo) => {
    const source = await fetchSource(v.version);
    if (source !== null) download(source, `${v.scenario.id ?? 'scenario'}-v${v.version}.yaml`, 'application/yaml');
  };

  const adoptVersion = async (v: VersionInfo) => {
    if (isDirty(draft.getState()) && !window.confirm(t('studio.shell.history.replaceConfirm'))) return;
    const source = await fetchSource(v.version);
    if (source === null) return;
    draft.getState().edit(source);
    draft.getState().validate();
    setNotice(t('studio.shell.history.used', { version: v.version }));
  };

  return (
    <section className="studio-history" data-testid="studio.history" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('studio.shell.tabs.history')}
      </h2>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">{notice && <p className="studio-notice studio-notice--ok">{notice}</p>}</div>
      {versions === null && !error && <p className="muted">{t('studio.library.loading')}</p>}
      {versions && (
        <div className="panel">
          <h3 className="panel__title">{t('studio.shell.history.versions')}</h3>
          <ol className="studio-versions">
            {versions.map((v) => (
              <li key={v.version} className="studio-version" data-testid="studio.history.version">
                <span className="studio-version__number">{t('studio.shell.versionN', { version: v.version })}</span>
                <span className="studio-version__meta">
                  {date(v.createdAt)}
                  {v.author ? ` · ${v.author}` : ''} · {size(v.size)}
                </span>
                {v.valid ? (
                  <span className="studio-badge studio-badge--ok">{t('studio.shell.check.valid')}</span>
                ) : (
                  <span className="studio-badge studio-badge--error">
                    {t('studio.shell.check.errors', { count: v.counts.errors })}
                  </span>
                )}
                <span className="studio-version__actions">
                  <button
                    type="button"
                    className="button button--link"
                    aria-label={t('studio.shell.history.downloadLabel', { version: v.version })}
                    onClick={() => void downloadVersion(v)}
                  >
                    {t('studio.shell.history.download')}
                  </button>
                  <button
                    type="button"
                    className="button button--link"
                    aria-label={t('studio.shell.history.useLabel', { version: v.version })}
                    onClick={() => void adoptVersion(v)}
                  >
                    {t('studio.shell.history.use')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {versions && versions.length > 1 && (
        <div className="panel">
          <h3 className="panel__title">{t('studio.shell.history.compare')}</h3>
          <form
            className="studio-compare"
            onSubmit={(e) => {
              e.preventDefault();
              void compare(from, to);
            }}
          >
            <label className="studio-compare__field">
              <span>{t('studio.shell.history.from')}</span>
              <select
                className="input"
                value={from}
                data-testid="studio.history.from"
                onChange={(e) => setFrom(Number(e.target.value))}
              >
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('studio.shell.versionN', { version: v.version })}
                  </option>
                ))}
              </select>
            </label>
            <label className="studio-compare__field">
              <span>{t('studio.shell.history.to')}</span>
              <select
                className="input"
                value={to}
                data-testid="studio.history.to"
                onChange={(e) => setTo(Number(e.target.value))}
              >
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('studio.shell.versionN', { version: v.version })}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button" data-testid="studio.history.compare">
              {t('studio.shell.history.show')}
            </button>
          </form>
          {diff && <DiffView diff={diff} />}
        </div>
      )}
    </section>
  );
}

function DiffView({ diff }: { readonly diff: VersionDiff }) {
  const { t } = useTranslation();
  const same = diff.hunks.length === 0;
  return (
    <div className="studio-diff" data-testid="studio.history.diff">
      <p className="studio-diff__summary" data-testid="studio.history.diffSummary">
        {same
          ? t('studio.shell.history.same', { from: diff.from.version, to: diff.to.version })
          : t('studio.shell.history.summary', {
              from: diff.from.version,
              to: diff.to.version,
              added: diff.added,
              removed: diff.removed,
            })}
      </p>
      {diff.hunks.map((h) => (
        <table key={`${h.oldStart}:${h.newStart}`} className="studio-diff__hunk" dir="ltr">
          <caption className="studio-diff__where">
            {t('studio.shell.history.hunk', { from: h.oldStart, to: h.newStart })}
          </caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('studio.shell.history.oldLine', { version: diff.from.version })}</th>
              <th scope="col">{t('studio.shell.history.newLine', { version: diff.to.version })}</th>
              <th scope="col">{t('studio.shell.history.change')}</th>
              <th scope="col">{t('studio.shell.history.text')}</th>
            </tr>
          </thead>
          <tbody>
            {h.lines.map((l) => (
              <tr key={`${l.oldLine}:${l.newLine}`} className={`studio-diff__line studio-diff__line--${l.kind}`}>
                <td className="studio-diff__num">{l.oldLine ?? ''}</td>
                <td className="studio-diff__num">{l.newLine ?? ''}</td>
                <td className="studio-diff__mark">
                  <span aria-hidden="true">{l.kind === 'added' ? '+' : l.kind === 'removed' ? '−' : ''}</span>
                  {l.kind !== 'same' && <span className="visually-hidden">{t(`studio.shell.history.${l.kind}`)}</span>}
                </td>
                <td className="studio-diff__text">
                  <pre>{l.text || ' '}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
