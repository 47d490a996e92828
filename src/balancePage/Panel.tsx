import { useEffect, useState } from 'preact/hooks';
import { BADGE_TEXT } from '../background/badge';
import { isCurrent } from '../shared/currentState';
import { describeVerdict } from '../shared/describe';
import { formatMinutes } from '../shared/format';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { BALANCE_PAGE } from '../shared/pages';
import { SplitBar } from '../ui/SplitBar';
import { type TodayUsage, UsageBar } from '../ui/UsageBar';
import { COUNTED_LABELS, type SiteUsage } from '../usage/schema';
import { browserPanelApi, type PanelApi } from './panelApi';

interface View {
  state: TabState | null;
  usage: TodayUsage | null;
  all: TodayUsage;
}

function sum(sites: Record<string, SiteUsage>): TodayUsage {
  const all = { media: 0, networking: 0, mixed: 0, total: 0 };
  for (const site of Object.values(sites)) {
    for (const part of COUNTED_LABELS) {
      all[part] += site[part];
      all.total += site[part];
    }
  }
  return all;
}

/** The tab in front in a sentence, with its badge: the words of the toolbar's tooltip. */
function TabLabel({ state }: { state: TabState | null }) {
  if (!state) return <p data-testid="panel-label">{t('headline_none')}</p>;
  if (!state.prefs.labeling) return <p data-testid="panel-label">{t('labelingOffHeadline', [state.domain ?? ''])}</p>;
  const { label } = state.verdict;
  return (
    <p class="panel__label">
      {BADGE_TEXT[label] && (
        <span class={`chip chip--${label}`} aria-hidden="true">
          {BADGE_TEXT[label]}
        </span>
      )}
      <span data-testid="panel-label">{describeVerdict(state.verdict)}</span>
    </p>
  );
}

/**
 * The side panel (Chrome) and sidebar (Firefox): the label of the tab in front and today's split, on its site
 * and on all social sites, following the browser as the person moves (PanelApi.subscribe), and the way to the
 * full Balance page.
 */
export function Panel({ api = browserPanelApi }: { api?: PanelApi }) {
  const [view, setView] = useState<View | null>(null);

  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    const read = async (): Promise<View> => {
      const tab = await api.currentTab().catch(() => null);
      const stored = tab ? await api.getState(tab.id).catch(() => null) : null;
      const state = isCurrent(stored, tab?.url) ? stored : null;
      const domain = state?.verdict.platform ? state.domain : null;
      const usage = domain ? await api.usageToday(domain).catch(() => null) : null;
      return { state, usage, all: sum(await api.readToday().catch(() => ({}))) };
    };
    // Events come in bursts (a tab switch changes the state and the time at once): one read at a time, and
    // one more after it when anything happened meanwhile, so the last event is always answered.
    const refresh = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        const next = await read();
        if (live) setView(next);
      } while (again && live);
      running = false;
    };
    const unsubscribe = api.subscribe(() => void refresh());
    void refresh();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  const domain = view?.state?.verdict.platform ? view.state.domain : null;
  return (
    <main class="panel" aria-busy={view === null}>
      <section aria-labelledby="panel-tab-heading">
        <h1 id="panel-tab-heading">{t('panel_thisTab')}</h1>
        {view && <TabLabel state={view.state} />}
      </section>
      {view && domain ? <UsageBar domain={domain} usage={view.usage} /> : null}
      {view && (
        <section class="usage" aria-labelledby="panel-all-heading">
          <h2 id="panel-all-heading">{t('panel_allToday')}</h2>
          {view.all.total === 0 ? (
            <p class="muted">{t('balance_todayEmpty')}</p>
          ) : (
            <>
              <SplitBar usage={view.all} />
              <p class="usage__words" data-testid="panel-all">
                {t('usageSummary', [
                  formatMinutes(view.all.total),
                  formatMinutes(view.all.media),
                  formatMinutes(view.all.networking),
                  formatMinutes(view.all.mixed),
                ])}
              </p>
            </>
          )}
        </section>
      )}
      <footer>
        <a
          href={`/${BALANCE_PAGE}`}
          target="_blank"
          rel="noopener"
          onClick={(event) => {
            // A tab of its own, not the panel navigating away from what it follows.
            event.preventDefault();
            api.openBalance();
          }}
        >
          {t('openBalance')}
        </a>
      </footer>
    </main>
  );
}
