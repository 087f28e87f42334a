/**
 * Whether the page's session has ended (an API call answered 401). Pages keep what they show and say so in a
 * banner; polling pauses. Client-side state, one per tab.
 */
let ended = false;
const listeners = new Set<() => void>();

export function markSessionEnded(): void {
  if (ended) return;
  ended = true;
  for (const listener of listeners) listener();
}

export function isSessionEnded(): boolean {
  return ended;
}

export function subscribeSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
