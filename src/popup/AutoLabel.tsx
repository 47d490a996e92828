import { useEffect, useState } from 'preact/hooks';
import { OPEN_WEB_SITE_ID } from '../core/pageTypes';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import type { AutoLabelSite } from './api';

/** The host of a page the popup may offer to label automatically: a community found by a check, on https. */
export function autoLabelHost(state: TabState): string | null {
  const { verdict } = state;
  if (!verdict.platform || verdict.label === 'none' || !state.domain) return null;
  // Found by the page itself (software fingerprints or open standards), not by a domain on the list.
  const found = verdict.reasons.some((r) => r.signal === 'software' || r.signal === OPEN_WEB_SITE_ID);
  if (!found) return null;
  try {
    const url = new URL(state.url);
    return url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
}

interface Props {
  state: TabState;
  hasAccess(host: string): Promise<boolean>;
  /** Asks for the host's permission (from this click: the browser wants a user gesture) and keeps the site. */
  label(site: AutoLabelSite): Promise<boolean>;
}

type Phase = 'unknown' | 'offer' | 'done' | 'refused' | 'failed';

/**
 * "Label <site> automatically": after a check found a community on a site that is not on the list, one click
 * asks for that host's permission and has the content script run there from then on (the site is listed with
 * the user's custom sites in the options page, where removing it gives the permission back).
 */
export function AutoLabel({ state, hasAccess, label }: Props) {
  const host = autoLabelHost(state);
  const [phase, setPhase] = useState<Phase>('unknown');
  useEffect(() => {
    if (!host) return;
    hasAccess(host).then(
      (has) => setPhase(has ? 'done' : 'offer'),
      () => setPhase('offer'),
    );
    // Asked once per host: the functions come from the popup's one API object.
  }, [host]);
  if (!host || !state.domain || !state.verdict.platform || phase === 'unknown') return null;
  const site: AutoLabelSite = { host, domain: state.domain, name: host, lean: state.verdict.platform.lean };
  const click = () => {
    label(site).then(
      (granted) => setPhase(granted ? 'done' : 'refused'),
      () => setPhase('failed'),
    );
  };
  return (
    <section class="auto-label" aria-live="polite">
      {phase === 'done' ? (
        <p class="muted" data-testid="auto-label-done">
          {t('autoLabelDone', [host])}
        </p>
      ) : (
        <>
          <button type="button" class="secondary" onClick={click}>
            {t('autoLabelOffer', [host])}
          </button>
          {phase === 'refused' ? <p class="muted">{t('autoLabelRefused')}</p> : null}
          {phase === 'failed' ? <p role="alert">{t('autoLabelFailed')}</p> : null}
        </>
      )}
    </section>
  );
}
