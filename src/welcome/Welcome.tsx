import { useEffect, useState } from 'preact/hooks';
import { BADGE_COLOR, BADGE_TEXT } from '../background/badge';
import type { Label } from '../core/types';
import { t } from '../shared/i18n';
import { SiteAccessBox } from './SiteAccessBox';
import type { BrowserKind, WelcomeApi } from './welcomeApi';

const BADGE_LABELS = ['media', 'networking', 'mixed'] as const satisfies readonly Label[];

/**
 * How to pin the button, in each browser's own words for its menus. Chrome: the Extensions (puzzle-piece) menu
 * right of the address bar, with a pin beside each extension (Chrome Web Store Help, "Install and manage
 * extensions", https://support.google.com/chrome_webstore/answer/2664769). Firefox: the Extensions button and
 * the extension's context menu item "Pin to Toolbar" (Firefox's browser/locales/en-US/browser/unifiedExtensions.ftl,
 * unified-extensions-context-menu-pin-to-toolbar). Firefox for Android has no toolbar buttons for extensions:
 * they are in the main menu's Extensions item.
 */
const PIN_TEXT: Record<BrowserKind, () => string> = {
  chrome: () => t('welcome_pinChrome'),
  firefox: () => t('welcome_pinFirefox'),
  'firefox-android': () => t('welcome_pinAndroid'),
};

/** Where the browser lets a person change the shortcut (same sources as the README's). */
const SHORTCUT_CHANGE_TEXT: Record<BrowserKind, () => string> = {
  chrome: () => t('welcome_shortcutChangeChrome'),
  firefox: () => t('welcome_shortcutChangeFirefox'),
  'firefox-android': () => '',
};

/** Each label's name with its colour in words (not everyone tells the colours apart), and what it means. */
const BADGE_WORDS: Record<(typeof BADGE_LABELS)[number], () => [string, string]> = {
  media: () => [t('welcome_mediaName'), t('welcome_media')],
  networking: () => [t('welcome_networkingName'), t('welcome_networking')],
  mixed: () => [t('welcome_mixedName'), t('welcome_mixed')],
};

function Badges() {
  return (
    <ul class="badges">
      {BADGE_LABELS.map((label) => (
        <li key={label} class="badges__item" data-testid={`badge-${label}`}>
          {/* The toolbar badge's own colours (background/badge.ts), the same in light and dark. */}
          <span class="badge" style={{ backgroundColor: BADGE_COLOR[label] }}>
            {BADGE_TEXT[label]}
          </span>
          <span>
            <strong>{BADGE_WORDS[label]()[0]}</strong> {BADGE_WORDS[label]()[1]}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Shortcut({ keys, kind }: { keys: string | null; kind: BrowserKind }) {
  // No commands API (Firefox for Android): no keyboard, nothing to say.
  if (keys === null || kind === 'firefox-android') return null;
  return (
    <section aria-labelledby="shortcut-heading">
      <h2 id="shortcut-heading">{t('welcome_shortcutHeading')}</h2>
      {keys ? (
        <p data-testid="shortcut">
          {t('welcome_shortcut')} <kbd>{keys}</kbd>
        </p>
      ) : (
        <p data-testid="shortcut">{t('welcome_shortcutNone')}</p>
      )}
      <p class="muted">{SHORTCUT_CHANGE_TEXT[kind]()}</p>
    </section>
  );
}

/** The page a first install opens: what the badge says, where things are, and what stays private. */
export function Welcome({ api }: { api: WelcomeApi }) {
  const [kind, setKind] = useState<BrowserKind | null>(null);
  const [keys, setKeys] = useState<string | null>(null);

  useEffect(() => {
    void api.browserKind().then(setKind);
    void api
      .shortcut()
      .then(setKeys)
      .catch(() => setKeys(null));
  }, [api]);

  return (
    <main class="welcome">
      <h1 data-testid="welcome-title">{t('welcome_title')}</h1>
      <p class="welcome__lead">{t('welcome_intro')}</p>

      <SiteAccessBox api={api} />

      <section aria-labelledby="badges-heading">
        <h2 id="badges-heading">{t('welcome_badgesHeading')}</h2>
        <Badges />
        <p class="muted">{t('welcome_badgeNone')}</p>
      </section>

      <section aria-labelledby="pin-heading">
        <h2 id="pin-heading">{t('welcome_pinHeading')}</h2>
        {kind && <p data-testid="pin">{PIN_TEXT[kind]()}</p>}
      </section>

      <section aria-labelledby="where-heading">
        <h2 id="where-heading">{t('welcome_whereHeading')}</h2>
        <p>{t('welcome_wherePopup')}</p>
        <p>{t('welcome_whereOptions')}</p>
        <ul class="welcome__links">
          <li>
            <a href={api.optionsUrl('notes')}>{t('welcome_openNotes')}</a>
          </li>
          <li>
            <a href={api.balanceUrl()}>{t('welcome_openBalance')}</a>
          </li>
        </ul>
      </section>

      {kind && <Shortcut keys={keys} kind={kind} />}

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('welcome_privacyHeading')}</h2>
        <p data-testid="privacy">{t('welcome_privacy')}</p>
      </section>
    </main>
  );
}
