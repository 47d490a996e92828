import { useCallback, useRef, useState } from 'preact/hooks';

/**
 * One write at a time from a control: `run(work)` ignores a call while an earlier one is under way (a second
 * click), and `busy` says so meanwhile. Controls stay enabled (disabling the focused one would drop focus).
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run] as const;
}
