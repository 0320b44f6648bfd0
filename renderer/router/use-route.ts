/** The current hash route as React state. */
import { useMemo, useSyncExternalStore } from 'react';
import { parseHash, type Route } from './hash-route.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** Re-renders on every fragment change; undefined means the home route. */
export function useRoute(): Route | undefined {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parseHash(hash), [hash]);
}
