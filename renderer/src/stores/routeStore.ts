import { createStore } from 'zustand/vanilla';
import { hrefFor, parseHash, type Route } from './routes';

interface RouteState {
  route: Route;
  /**
   * Bumped when the user moves to another page (a link, Back/Forward), not when a page only
   * changes its own filters; the app moves focus to the new page's heading when it changes.
   */
  pageVisit: number;
}

export const routeStore = createStore<RouteState>()(() => ({
  route: parseHash(window.location.hash) ?? { name: 'overview' },
  pageVisit: 0,
}));

function onHashChange(): void {
  const route = parseHash(window.location.hash);
  // A hash that is not a route (an in-page anchor) leaves the current page alone.
  if (!route) return;
  routeStore.setState((s) => ({ route, pageVisit: s.pageVisit + 1 }));
}

/** Follows the location hash; returns the function that stops following it. */
export function startRouter(): () => void {
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}

/**
 * Go to a route. `replace` updates the address without a new Back step and keeps focus where
 * it is: for a page changing its own state (filters, sort, paging).
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (options.replace) {
    window.history.replaceState(window.history.state, '', href);
    routeStore.setState({ route });
  } else if (href !== window.location.hash) {
    window.location.hash = href;
  }
}
