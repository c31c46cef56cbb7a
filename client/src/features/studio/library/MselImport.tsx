import type { Inject } from '@parley/shared/scenario/schema.ts';
import { type MselError, mselFromCsv, replaceInjects } from '@parley/shared/studio/index.ts';
import { useTranslation } from 'react-i18next';
import { draft } from '../draft.ts';
import { Dialog } from './Dialog.tsx';

export type MselReading = {
  readonly fileName: string;
  readonly result: { ok: true; injects: Inject[] } | { ok: false; errors: MselError[] };
  readonly before: number;
};

/** Reads a CSV file of injects against the working scenario (nothing is applied yet). */
export function readMsel(fileName: string, text: string): MselReading | null {
  const parsed = draft.getState().parsed;
  if (!parsed?.ok) return null;
  const result = mselFromCsv(text, parsed.scenario);
  return {
    fileName,
    result: result.ok ? { ok: true, injects: result.injects } : { ok: false, errors: result.errors },
    before: parsed.scenario.injects.length,
  };
}

/** What a CSV import would do: its row/column errors (nothing applied), or the injects that would replace the MSEL. */
export function MselImport({ reading, onClose }: { readonly reading: MselReading; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const { result } = reading;
  return (
    <Dialog title={t('studio.shell.msel.importTitle')} onClose={onClose} testId="studio.msel" wide>
      <p className="muted studio-msel__file">{reading.fileName}</p>
      {result.ok ? (
        <>
          <p data-testid="studio.msel.summary">
            {t('studio.shell.msel.ready', { count: result.injects.length, before: reading.before })}
          </p>
          <p className="muted">{t('studio.shell.msel.readyHint')}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="studio.msel.apply"
              onClick={() => {
                const { source, edit, validate } = draft.getState();
                edit(replaceInjects(source, result.injects));
                validate();
                onClose();
              }}
            >
              {t('studio.shell.msel.apply')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('studio.shell.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="form__error" role="alert" data-testid="studio.msel.errors">
            {t('studio.shell.msel.errors', { count: result.errors.length })}
          </p>
          <div className="studio-msel__table">
            <table className="studio-table">
              <thead>
                <tr>
                  <th scope="col">{t('studio.shell.msel.row')}</th>
                  <th scope="col">{t('studio.shell.msel.column')}</th>
                  <th scope="col">{t('studio.shell.msel.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr key={`${e.row}:${e.column}:${e.message}`} data-testid="studio.msel.error">
                    <td>{e.row}</td>
                    <td>
                      <code dir="ltr">{e.column ?? '—'}</code>
                    </td>
                    <td dir="ltr" lang="en">
                      {e.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('studio.shell.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
