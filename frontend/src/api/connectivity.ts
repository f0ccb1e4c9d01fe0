// Is the server reachable? navigator.onLine only knows about the local link; a call that fails
// with a network error (server down, proxy gone, Wi-Fi without internet) says more. Every answer
// from the server, whatever its status, means reachable again.

let reachable = true;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (next === reachable) return;
  reachable = next;
  listeners.forEach((listener) => listener());
}

export const connectivity = {
  isReachable: (): boolean => reachable,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** A call could not reach the server. */
  failed: (): void => set(false),
  /** The server answered. */
  answered: (): void => set(true),
};
