import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';

/** Always visible: is this console live, and if not, what is it doing about it. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const status = useSession((s) => s.connection);
  return (
    <span
      className={`connection connection--${status}`}
      role="status"
      aria-live="polite"
      data-testid="shell.connection"
      data-status={status}
    >
      <span className="connection__dot" aria-hidden="true" />
      {t(`shell.connection.${status}`)}
    </span>
  );
}
