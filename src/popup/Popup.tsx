import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabState } from '../shared/messages';
import { describeVerdict } from '../shared/describe';

async function activeTabState(): Promise<TabState | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return (await browser.runtime.sendMessage({ type: 'get-tab-state', tabId: tab.id })) as TabState | null;
}

export function Popup() {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    activeTabState().then(setState, () => setState(null));
  }, []);
  return (
    <main>
      <h1>Reach or Relate</h1>
      {state === undefined ? null : <p data-testid="headline">{state ? describeVerdict(state.verdict) : 'Not a social page'}</p>}
    </main>
  );
}
