import { useStore } from 'zustand';
import { sessionStore, type SessionState } from '../stores/sessionStore';

export function useSession(): SessionState {
  return useStore(sessionStore);
}
