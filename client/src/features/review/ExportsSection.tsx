/** Downloads (JSON, each CSV: fetched with this tab's credential, then saved) and the printed report. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview } from './ReviewContext.ts';
import { downloadExport, type ExportFile } from './reviewApi.ts';

const FILES: readonly ExportFile[] = ['json', 'timeline', 'compliance', 'observations'];

export function ExportsSection() {
  const { t } = useTranslation();
  const { exerciseId, auth } = useReview();
  const ids = useId();
  const [busy, setBusy] = useState<ExportFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (file: ExportFile) => {
    setBusy(file);
    setError(null);
    const problem = await downloadExport(exerciseId, auth, file);
    setBusy(null);
    if (problem) setError(problem.message ?? t('review.exports.failed'));
  };

  return (
    <section className="report__section report__exports" id="review-exports" aria-labelledby={`${ids}-title`}>
      <div className="report__section-head">
        <h2 className="report__h2" id={`${ids}-title`}>
          {t('review.exports.title')}
        </h2>
      </div>
      <p className="report__intro">{t('review.exports.intro')}</p>
      <div className="exports">
        {FILES.map((file) => (
          <button
            key={file}
            type="button"
            className="button"
            data-testid={`review.export.${file}`}
            disabled={busy !== null}
            aria-busy={busy === file}
            onClick={() => void save(file)}
          >
            <span className="exports__icon" aria-hidden="true">
              ↓
            </span>
            {t(`review.exports.${file}`)}
          </button>
        ))}
        <button
          type="button"
          className="button button--primary"
          data-testid="review.print"
          onClick={() => window.print()}
        >
          {t('review.exports.print')}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert" data-testid="review.export.error">
          {error}
        </p>
      )}
    </section>
  );
}
