import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';

interface State {
  failed: boolean;
}

/** If a page fails to draw, say so and offer a way back instead of leaving a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Sightline could not draw this page', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed)
      this.setState({ failed: false });
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation('layout');
  return (
    <div className="error-panel" role="alert">
      <h1 className="page-title" tabIndex={-1}>
        {t('errorBoundary.title')}
      </h1>
      <p>{t('errorBoundary.body')}</p>
      <p>
        <Trans
          t={t}
          i18nKey="errorBoundary.wayBack"
          components={{
            overview: <a href="#/" />,
            reload: (
              <button type="button" className="button" onClick={() => window.location.reload()} />
            ),
          }}
        />
      </p>
    </div>
  );
}
