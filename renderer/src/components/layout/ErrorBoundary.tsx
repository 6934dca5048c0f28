import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-panel" role="alert">
        <h1 className="page-title" tabIndex={-1}>
          This page could not be shown
        </h1>
        <p>Something in Sightline went wrong while drawing this page. Your data is safe.</p>
        <p>
          <a href="#/">Go to the overview</a> or{' '}
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload Sightline
          </button>
        </p>
      </div>
    );
  }
}
