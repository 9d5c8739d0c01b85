import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> { data: T | undefined; error: unknown; loading: boolean; reload(): void }

/** Run `load` now and whenever `deps` change; the latest answer wins, earlier ones are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const seq = useRef(0);
  // The caller lists what `load` depends on, as with useEffect.
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    run().then(
      (data) => { if (mine === seq.current) setState({ data, error: undefined, loading: false }); },
      (error: unknown) => { if (mine === seq.current) setState((s) => ({ data: s.data, error, loading: false })); },
    );
  }, [run]);
  useEffect(() => { reload(); }, [reload]);
  return { ...state, reload };
}
