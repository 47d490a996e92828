import { useCallback, useEffect, useState } from 'preact/hooks';
import { isCurrent } from '../shared/currentState';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import type { Override } from '../storage/schema';
import { type TodayUsage, UsageBar } from '../ui/UsageBar';
import { AutoLabel } from './AutoLabel';
import type { PopupApi } from './api';
import { canCheck } from './checkable';
import { IntentionLine } from './IntentionLine';
import { NoteEditor } from './NoteEditor';
import { type CheckFailure, NotSocial } from './NotSocial';
import { SiteControls } from './SiteControls';
import { VerdictDetails } from './VerdictDetails';
import { VerdictView } from './VerdictView';

type Phase = 'loading' | 'ready' | 'checking';

/**
 * A check the browser allowed reports within a second; one that has not after this long never will (a
 * page that stopped loading, a frozen tab), and the popup says so instead of waiting forever.
 */
export const CHECK_TIMEOUT_MS = 8000;

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

export function Popup({ api }: { api: PopupApi }) {
  const [tab, setTab] = useState<{ id: number; url?: string } | null>(null);
  const [state, setState] = useState<TabState | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [failed, setFailed] = useState<CheckFailure>(null);
  const [usage, setUsage] = useState<TodayUsage | null>(null);
  const [hasNote, setHasNote] = useState(false);
  /** A check ran in this popup: what it found is said, not only the page's state. */
  const [checked, setChecked] = useState(false);

  const check = useCallback(
    async (tabId: number) => {
      setPhase('checking');
      setFailed(null);
      setChecked(true);
      const ok = await api.classify(tabId).catch(() => false);
      if (!ok) {
        setFailed('refused');
        setPhase('ready');
      }
      // On success the stored state changes and the subscription below shows it.
    },
    [api],
  );

  useEffect(() => {
    let unsubscribe = () => {};
    (async () => {
      const active = await api.activeTab().catch(() => null);
      setTab(active);
      if (!active) {
        setPhase('ready');
        return;
      }
      unsubscribe = api.onStateChange(active.id, (next) => {
        setState(next);
        setPhase('ready');
      });
      const stored = await api.getState(active.id).catch(() => null);
      const current = isCurrent(stored, active.url) ? stored : null;
      setState(current);
      // A site that is not on the list: the toolbar click itself is the request to look at it.
      if (!current && canCheck(active.url)) await check(active.id);
      else setPhase('ready');
    })();
    return () => unsubscribe();
  }, [api, check]);

  useEffect(() => {
    if (phase !== 'checking') return;
    const timer = setTimeout(() => {
      setFailed('timeout');
      setPhase('ready');
    }, CHECK_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [phase]);

  const domain = state?.domain ?? null;
  useEffect(() => {
    if (!domain) return;
    api.usageToday(domain).then(setUsage, () => setUsage(null));
    api.getNote(domain, null).then(
      (note) => setHasNote(Boolean(note?.text.trim())),
      () => setHasNote(false),
    );
  }, [api, domain]);

  const changePrefs = async (change: { labeling?: boolean; override?: Override }) => {
    if (!state?.domain) return;
    const prefs = await api.setPrefs(state.domain, change);
    setState((prev) => (prev ? { ...prev, prefs } : prev));
  };

  // A page of a known social site, also where it is no social activity (settings, help): the neutral state.
  const social = Boolean(state?.verdict.platform);
  return (
    <main class="popup" aria-busy={phase !== 'ready'}>
      {phase === 'loading' ? null : phase === 'checking' ? (
        <p class="status" role="status">
          {t('checking')}
        </p>
      ) : social && state ? (
        <>
          <VerdictView state={state} hasNote={hasNote} />
          <AutoLabel state={state} hasAccess={api.hasHostAccess} label={api.labelAutomatically} />
          {state.domain && api.balance ? <IntentionLine domain={state.domain} api={api} /> : null}
          {state.domain ? (
            <NoteEditor
              domain={state.domain}
              path={pathOf(state.url)}
              load={(d, p) => api.getNote(d, p)}
              save={(draft) => api.saveNote(draft)}
              onSaved={(draft) => {
                if (draft.path === null) setHasNote(draft.text.trim() !== '');
              }}
            />
          ) : null}
          {state.domain ? (
            <UsageBar domain={state.domain} usage={usage}>
              <button type="button" class="link" onClick={() => api.openBalance()}>
                {t('openBalance')}
              </button>
            </UsageBar>
          ) : null}
          <VerdictDetails state={state} />
          <SiteControls state={state} onChange={changePrefs} />
        </>
      ) : (
        <NotSocial
          state={state}
          failed={failed}
          checked={checked}
          canCheck={Boolean(tab) && canCheck(tab?.url)}
          onCheck={() => tab && check(tab.id)}
        />
      )}
      <footer>
        <button type="button" class="link" onClick={() => api.openOptions()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
