import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal dialog (the browser's own <dialog>: focus kept inside, Escape closes) with a title and a close button. */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId: string;
  readonly wide?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'studio-dialog studio-dialog--wide' : 'studio-dialog'}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="studio-dialog__head">
        <h2 id={`${id}-title`} className="studio-dialog__title">
          {title}
        </h2>
        <button type="button" className="studio-dialog__close" onClick={onClose} data-testid={`${testId}.close`}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('studio.shell.close')}</span>
        </button>
      </div>
      {children}
    </dialog>
  );
}
