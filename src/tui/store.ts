/** A small store outside React: one state, one reducer, listeners told after every change.
 * Middleware runs synchronously inside `dispatch`, after the reducer and before any listener, so
 * what it does (saving decisions) has happened by the time `dispatch` returns: a kill right after
 * a key press loses nothing, and a test that dispatched can assert at once. */
export interface Store<S, A> {
  // Properties, not methods: React and the tests take them off the store (`useSyncExternalStore`).
  getState: () => S;
  dispatch: (action: A) => void;
  subscribe: (listener: () => void) => () => void;
}

/** Sees each change: the state before, the action, and the state after. */
export type Middleware<S, A> = (before: S, action: A, after: S) => void;

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S, middleware: Array<Middleware<S, A>> = []): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const before = state;
      state = reducer(state, action);
      if (state === before) return;
      for (const m of middleware) m(before, action, state);
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
