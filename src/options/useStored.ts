import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../shared/format';
import type { OptionsApi } from './optionsApi';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * Loads a value from storage and loads it again whenever stored data changes, so that what the popup or
 * another device writes shows here too. `reload` is for after this page's own writes.
 */
export function useStored<T>(api: OptionsApi, read: (api: OptionsApi) => Promise<T>) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  const generation = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const value = await readRef.current(api);
      if (mine === generation.current) setLoaded({ status: 'ready', value });
    } catch (error) {
      if (mine === generation.current) setLoaded({ status: 'error', message: errorText(error) });
    }
  }, [api]);

  useEffect(() => {
    void reload();
    const stop = api.onChange(() => void reload());
    return () => {
      generation.current++;
      stop();
    };
  }, [api, reload]);

  return { loaded, reload };
}
