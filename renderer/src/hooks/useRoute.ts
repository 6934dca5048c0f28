import { useStore } from 'zustand';
import { routeStore } from '../stores/routeStore';
import type { Route } from '../stores/routes';

export function useRoute(): Route {
  return useStore(routeStore, (s) => s.route);
}

export function usePageVisit(): number {
  return useStore(routeStore, (s) => s.pageVisit);
}
