import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Failed() {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid="section.failed">
      <p className="form__error" role="alert">
        {t('actions.sectionFailed')}
      </p>
    </section>
  );
}

/** Keeps the rest of the console working when one section fails to draw (a bug): that section says so instead. */
export class SectionBoundary extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Parley: a console section failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <Failed /> : this.props.children;
  }
}
