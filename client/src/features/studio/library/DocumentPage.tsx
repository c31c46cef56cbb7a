import { mselToCsv } from '@parley/shared/studio/index.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation.ts';
import { pathOf } from '../../../app/routes.ts';
import { CodesPanel } from '../../run/CodesPanel.tsx';
import { PhaseDiagram } from '../diagram/PhaseDiagram.tsx';
import { draft, isDirty, useDraft } from '../draft.ts';
import { DryRun } from '../dryrun/DryRun.tsx';
import { ScenarioEditor } from '../editor/ScenarioEditor.tsx';
import { Handouts } from '../print/Handouts.tsx';
import { StructuredEditors } from '../structured/StructuredEditors.tsx';
import { download, pickText, type StartedExercise, studioApi, type VersionInfo } from '../studioApi.ts';
import { Dialog } from './Dialog.tsx';
import { DocumentTabs, type StudioTab } from './DocumentTabs.tsx';
import { failureText } from './errors.ts';
import { Findings } from './Findings.tsx';
import { History } from './History.tsx';
import { MselImport, type MselReading, readMsel } from './MselImport.tsx';
import { parsedSource } from './parsedSource.ts';
import { StartExercise } from './StartExercise.tsx';
import { StudioFrame, useStudioTitle } from './StudioFrame.tsx';
import { dropUnsaved, keepUnsaved, readUnsaved, type UnsavedCopy } from './unsaved.ts';

type Loaded = { readonly info: VersionInfo; readonly valid: boolean };
type Conflict = { readonly latestVersion: number; readonly mine: string };

const VALIDATE_MS = 700;
const KEEP_MS = 800;

/** `/studio/:id`: one scenario document: its header (save, start, files, state), the editors in tabs, findings. */
export function DocumentPage({ documentId }: { readonly documentId: string }) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<StudioTab>('yaml');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [buffer, setBuffer] = useState<string | null>(null);
  const [offer, setOffer] = useState<UnsavedCopy | null>(null);
  const [starting, setStarting] = useState(false);
  const [started, setStarted] = useState<StartedExercise | null>(null);
  const [msel, setMsel] = useState<MselReading | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const csvInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);

  const source = useDraft((s) => s.source);
  const dirty = useDraft(isDirty);
  const parsed = useDraft((s) => s.parsed);
  const baseVersion = useDraft((s) => s.baseVersion);
  const open = useDraft((s) => s.documentId === documentId);

  // ── Loading ──
  useEffect(() => {
    let live = true;
    void studioApi.get(documentId).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoadError(failureText(t, r));
      const { version, check } = r.value;
      draft.getState().load(documentId, version.version, version.source);
      setLoaded({ info: version, valid: check.valid });
      const copy = readUnsaved(documentId);
      if (copy && copy.source !== version.source) setOffer(copy);
      else if (copy) dropUnsaved(documentId);
    });
    return () => {
      live = false;
    };
  }, [documentId, t]);

  // ── Validate as the trainer types (debounced), keep a copy of unsaved text on this device ──
  useEffect(() => {
    if (!open) return;
    const timers = [
      // The code editor validates as the trainer types; this catches any other change (it skips a text parsed).
      setTimeout(() => {
        if (parsedSource() !== source) draft.getState().validate();
      }, VALIDATE_MS),
      setTimeout(() => {
        const s = draft.getState();
        if (isDirty(s)) keepUnsaved(documentId, { baseVersion: s.baseVersion, source });
        else dropUnsaved(documentId);
      }, KEEP_MS),
    ];
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [source, open, documentId]);

  // Whatever takes this page away (signing out, a refused passphrase, another route), unsaved text stays here.
  useEffect(
    () => () => {
      const s = draft.getState();
      if (s.documentId === documentId && isDirty(s)) {
        keepUnsaved(documentId, { baseVersion: s.baseVersion, source: s.source });
      }
    },
    [documentId],
  );

  // ── Leaving with unsaved changes ──
  const mayLeave = useCallback(() => !isDirty(draft.getState()) || window.confirm(t('studio.shell.leaveConfirm')), [t]);
  useEffect(() => {
    const here = pathOf({ name: 'studio', documentId });
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!isDirty(draft.getState())) return;
      keepUnsaved(documentId, { baseVersion: draft.getState().baseVersion, source: draft.getState().source });
      e.preventDefault();
    };
    const popState = () => {
      if (location.pathname === here || !isDirty(draft.getState())) return;
      if (!window.confirm(t('studio.shell.leaveConfirm'))) navigate({ name: 'studio', documentId });
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('popstate', popState);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('popstate', popState);
    };
  }, [documentId, t]);

  // ── Saving ──
  const save = useCallback(
    async (over?: number) => {
      const s = draft.getState();
      if (s.documentId !== documentId) return;
      const text = s.source;
      setSaving(true);
      setSaveError(null);
      setAnnounce('');
      const r = await studioApi.save(documentId, text, over ?? s.baseVersion);
      setSaving(false);
      if (!r.ok) {
        if (r.code === 'version-conflict' && r.latestVersion !== undefined) {
          return setConflict({ latestVersion: r.latestVersion, mine: text });
        }
        return setSaveError(failureText(t, r));
      }
      const { version, check } = r.value;
      draft.setState({ baseVersion: version.version, savedSource: text });
      if (draft.getState().source === text) dropUnsaved(documentId);
      setLoaded({ info: version, valid: check.valid });
      setConflict(null);
      setAnnounce(
        r.value.unchanged
          ? t('studio.shell.save.unchanged', { version: version.version })
          : t('studio.shell.save.done', { version: version.version }),
      );
    },
    [documentId, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const loadLatest = async (keep: string) => {
    const r = await studioApi.get(documentId);
    if (!r.ok) return setSaveError(failureText(t, r));
    draft.getState().load(documentId, r.value.version.version, r.value.version.source);
    setLoaded({ info: r.value.version, valid: r.value.check.valid });
    setBuffer(keep);
    setConflict(null);
  };

  const restoreCopy = async (copy: UnsavedCopy) => {
    setOffer(null);
    if (copy.baseVersion !== draft.getState().baseVersion) {
      // Edited from an older version: open that one, so saving meets the newer version instead of overwriting it.
      const r = await studioApi.get(documentId, copy.baseVersion);
      if (r.ok) draft.getState().load(documentId, copy.baseVersion, r.value.version.source);
    }
    draft.getState().edit(copy.source);
    draft.getState().validate();
  };

  // ── Files ──
  const closeMenu = () => menu.current?.removeAttribute('open');
  useEffect(() => {
    // The Files menu closes on a click elsewhere and on Escape, as menus do.
    const onClick = (e: MouseEvent) => {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) menu.current.removeAttribute('open');
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !menu.current?.open) return;
      menu.current.removeAttribute('open');
      menu.current.querySelector('summary')?.focus();
    };
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  const scenarioId = (parsed?.ok ? parsed.scenario.id : loaded?.info.scenario.id) ?? 'scenario';
  const exportYaml = () => {
    closeMenu();
    download(draft.getState().source, `${scenarioId}.yaml`, 'application/yaml');
  };
  const exportCsv = () => {
    closeMenu();
    const p = draft.getState().parsed;
    if (!p?.ok) return setFileError(t('studio.shell.msel.needsValid'));
    setFileError(null);
    download(mselToCsv(p.scenario), `${scenarioId}-msel.csv`, 'text/csv');
  };
  const importCsv = async (file: File) => {
    const text = await file.text().catch(() => null);
    if (text === null) return setFileError(t('studio.library.import.unreadable', { name: file.name }));
    const reading = readMsel(file.name, text);
    if (!reading) return setFileError(t('studio.shell.msel.needsValid'));
    setFileError(null);
    setMsel(reading);
  };

  // ── What the header shows ──
  const title =
    (parsed?.ok ? pickText(parsed.scenario.title, i18n.language) : '') ||
    (loaded ? pickText(loaded.info.scenario.title, i18n.language) : '') ||
    t('studio.shell.untitled');
  const errors = parsed && !parsed.ok ? parsed.errors.length : 0;
  const warnings = parsed ? parsed.warnings.length : 0;
  useStudioTitle(loaded ? `${dirty ? '● ' : ''}${title}` : null);
  const savedValid = loaded?.valid === true;
  const canStart = !dirty && savedValid && loaded !== null;
  const startHint = dirty
    ? t('studio.shell.start.saveFirst')
    : !savedValid
      ? t('studio.shell.start.invalid')
      : t('studio.shell.start.hint', { version: baseVersion });

  if (started) {
    return (
      <StudioFrame wide>
        <div className="studio-started" data-testid="studio.started">
          <button type="button" className="button studio-started__back" onClick={() => setStarted(null)}>
            {t('studio.shell.start.back')}
          </button>
          <p className="studio-notice studio-notice--ok">
            {t('studio.shell.start.done', { version: started.from.version })}
          </p>
          <CodesPanel created={started} />
        </div>
      </StudioFrame>
    );
  }

  if (loadError) {
    return (
      <StudioFrame>
        <h1 className="page__title">{t('studio.shell.loadFailed')}</h1>
        <p className="form__error" role="alert" data-testid="studio.document.error">
          {loadError}
        </p>
        <p className="studio-dialog__gap">
          <a
            className="button"
            href="/studio"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'studio', documentId: null });
            }}
          >
            {t('studio.shell.backToLibrary')}
          </a>
        </p>
      </StudioFrame>
    );
  }

  return (
    <StudioFrame wide mayLeave={mayLeave}>
      {!loaded || !open ? (
        <p className="muted" role="status">
          {t('studio.library.loading')}
        </p>
      ) : (
        <div className="studio-document" data-testid="studio.document" data-document={documentId}>
          <header className="studio-document__head">
            <div className="studio-document__identity">
              <h1 className="studio-document__title" data-testid="studio.document.title">
                {title}
              </h1>
              <p className="studio-document__facts">
                <code dir="ltr">{scenarioId}</code>
                <span data-testid="studio.document.version">
                  {t('studio.shell.versionN', { version: baseVersion })}
                </span>
                <span
                  className={dirty ? 'studio-state studio-state--dirty' : 'studio-state studio-state--saved'}
                  data-testid="studio.document.state"
                  data-dirty={dirty}
                >
                  {dirty ? t('studio.shell.state.unsaved') : t('studio.shell.state.saved')}
                </span>
                <button
                  type="button"
                  className={
                    errors > 0
                      ? 'studio-badge studio-badge--error studio-badge--link'
                      : 'studio-badge studio-badge--ok studio-badge--link'
                  }
                  data-testid="studio.document.validity"
                  data-valid={parsed?.ok === true}
                  onClick={() => {
                    document.getElementById('studio-findings')?.focus();
                  }}
                >
                  {errors > 0 ? t('studio.shell.check.errors', { count: errors }) : t('studio.shell.check.valid')}
                  {warnings > 0 ? ` · ${t('studio.shell.check.warnings', { count: warnings })}` : ''}
                </button>
              </p>
            </div>
            <div className="studio-document__actions">
              <button
                type="button"
                className="button button--primary"
                data-testid="studio.save"
                disabled={saving}
                aria-keyshortcuts="Control+S"
                onClick={() => void save()}
              >
                {saving ? t('studio.shell.save.busy') : t('studio.shell.save.action')}
              </button>
              <button
                type="button"
                className="button"
                data-testid="studio.start"
                disabled={!canStart}
                aria-describedby="studio-start-hint"
                onClick={() => setStarting(true)}
              >
                {t('studio.shell.start.action')}
              </button>
              <details className="studio-menu" ref={menu}>
                <summary className="button" data-testid="studio.files">
                  {t('studio.shell.files.title')}
                </summary>
                <div className="studio-menu__list">
                  <button type="button" data-testid="studio.files.yaml" onClick={exportYaml}>
                    {t('studio.shell.files.exportYaml')}
                  </button>
                  <button type="button" data-testid="studio.files.csvExport" onClick={exportCsv}>
                    {t('studio.shell.files.exportCsv')}
                  </button>
                  <button
                    type="button"
                    data-testid="studio.files.csvImport"
                    onClick={() => {
                      closeMenu();
                      csvInput.current?.click();
                    }}
                  >
                    {t('studio.shell.files.importCsv')}
                  </button>
                </div>
              </details>
              <input
                ref={csvInput}
                type="file"
                accept=".csv,text/csv"
                className="visually-hidden"
                tabIndex={-1}
                aria-hidden="true"
                data-testid="studio.files.csvFile"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void importCsv(file);
                }}
              />
            </div>
            <p id="studio-start-hint" className="studio-document__hint">
              {startHint}
            </p>
          </header>

          <div className="visually-hidden" role="status" aria-live="polite" data-testid="studio.announce">
            {announce}
          </div>
          {saveError && (
            <p className="form__error" role="alert" data-testid="studio.save.error">
              {saveError}
            </p>
          )}
          {fileError && (
            <p className="form__error" role="alert" data-testid="studio.files.error">
              {fileError}
            </p>
          )}
          {offer && (
            <section className="studio-notice studio-notice--warn" aria-label={t('studio.shell.copy.title')}>
              <p className="studio-notice__title">{t('studio.shell.copy.title')}</p>
              <p>
                {t('studio.shell.copy.text', {
                  time: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
                    new Date(offer.keptAt),
                  ),
                  version: offer.baseVersion,
                })}
              </p>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="studio.copy.restore"
                  onClick={() => void restoreCopy(offer)}
                >
                  {t('studio.shell.copy.restore')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setOffer(null);
                    dropUnsaved(documentId);
                  }}
                >
                  {t('studio.shell.copy.discard')}
                </button>
              </div>
            </section>
          )}
          {buffer !== null && <UnsavedBuffer text={buffer} onDismiss={() => setBuffer(null)} />}

          <div className="studio-document__body">
            <div className="studio-document__work">
              <DocumentTabs current={tab} onChange={setTab} />
              <div
                role="tabpanel"
                id="studio-panel-yaml"
                aria-labelledby="studio-tab-yaml"
                hidden={tab !== 'yaml'}
                className="studio-tabpanel"
              >
                <ScenarioEditor />
              </div>
              {tab !== 'yaml' && (
                <div
                  role="tabpanel"
                  id={`studio-panel-${tab}`}
                  aria-labelledby={`studio-tab-${tab}`}
                  className="studio-tabpanel"
                >
                  {tab === 'tables' && <StructuredEditors />}
                  {tab === 'diagram' && <PhaseDiagram />}
                  {tab === 'dryrun' && <DryRun />}
                  {tab === 'print' && <Handouts />}
                  {tab === 'history' && <History documentId={documentId} latest={baseVersion} />}
                </div>
              )}
            </div>
            <aside className="studio-document__side">
              <Findings onReveal={() => setTab('yaml')} />
            </aside>
          </div>
        </div>
      )}
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          base={baseVersion}
          onCancel={() => setConflict(null)}
          onOverwrite={() => void save(conflict.latestVersion)}
          onLoadLatest={() => void loadLatest(conflict.mine)}
        />
      )}
      {starting && loaded && (
        <StartExercise
          documentId={documentId}
          version={baseVersion}
          title={title}
          onClose={() => setStarting(false)}
          onStarted={(s) => {
            setStarting(false);
            setStarted(s);
          }}
        />
      )}
      {msel && <MselImport reading={msel} onClose={() => setMsel(null)} />}
    </StudioFrame>
  );
}

/** What to do when a newer version was saved meanwhile; the trainer's text is never dropped. */
function ConflictDialog({
  conflict,
  base,
  onCancel,
  onOverwrite,
  onLoadLatest,
}: {
  readonly conflict: Conflict;
  readonly base: number;
  readonly onCancel: () => void;
  readonly onOverwrite: () => void;
  readonly onLoadLatest: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('studio.shell.conflict.title')} onClose={onCancel} testId="studio.conflict">
      <p>{t('studio.shell.conflict.text', { latest: conflict.latestVersion, base })}</p>
      <p className="muted studio-dialog__gap">{t('studio.shell.conflict.safe')}</p>
      <div className="studio-conflict__choices">
        <button
          type="button"
          className="button button--primary"
          data-testid="studio.conflict.load"
          onClick={onLoadLatest}
        >
          {t('studio.shell.conflict.load', { latest: conflict.latestVersion })}
        </button>
        <button type="button" className="button" data-testid="studio.conflict.overwrite" onClick={onOverwrite}>
          {t('studio.shell.conflict.overwrite', { next: conflict.latestVersion + 1 })}
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          {t('studio.shell.conflict.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** The trainer's own text kept aside after loading a newer version: to copy from, download or put back. */
function UnsavedBuffer({ text, onDismiss }: { readonly text: string; readonly onDismiss: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <section className="panel studio-buffer" aria-labelledby="studio-buffer-title" data-testid="studio.buffer">
      <div className="panel__head">
        <h2 id="studio-buffer-title" className="panel__title">
          {t('studio.shell.buffer.title')}
        </h2>
        <span className="studio-buffer__actions">
          <button
            type="button"
            className="button studio-button--small"
            onClick={() =>
              void navigator.clipboard?.writeText(text).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? t('studio.shell.buffer.copied') : t('studio.shell.buffer.copy')}
          </button>
          <button
            type="button"
            className="button studio-button--small"
            onClick={() => download(text, 'my-unsaved-text.yaml', 'application/yaml')}
          >
            {t('studio.shell.buffer.download')}
          </button>
          <button
            type="button"
            className="button studio-button--small"
            onClick={() => {
              draft.getState().edit(text);
              draft.getState().validate();
              onDismiss();
            }}
          >
            {t('studio.shell.buffer.putBack')}
          </button>
          <button type="button" className="button button--link" onClick={onDismiss}>
            {t('studio.shell.buffer.dismiss')}
          </button>
        </span>
      </div>
      <p className="muted">{t('studio.shell.buffer.hint')}</p>
      <textarea
        className="input studio-buffer__text"
        readOnly
        dir="ltr"
        rows={8}
        value={text}
        aria-label={t('studio.shell.buffer.title')}
        data-testid="studio.buffer.text"
      />
    </section>
  );
}
