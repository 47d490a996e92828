import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import type { Override } from '../storage/schema';

const OVERRIDES: Override[] = ['auto', 'media', 'networking'];

interface Props {
  state: TabState;
  onChange: (change: { labeling?: boolean; override?: Override }) => void;
  /** The note editor, given by the popup (it owns the storage access). */
  note?: ComponentChildren;
}

export function SiteControls({ state, onChange, note }: Props) {
  const domain = state.domain ?? '';
  return (
    <section class="site" aria-labelledby="site-heading">
      <h2 id="site-heading">{t('siteHeading', [domain])}</h2>
      {note}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={state.prefs.labeling}
          aria-checked={state.prefs.labeling}
          onChange={(e) => onChange({ labeling: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t('labelingToggle', [domain])}</span>
      </label>
      {state.prefs.labeling ? (
        <fieldset class="override">
          <legend>{t('overrideLegend')}</legend>
          {OVERRIDES.map((value) => (
            <label key={value} class="override__option">
              <input
                type="radio"
                name="override"
                value={value}
                checked={state.prefs.override === value}
                onChange={() => onChange({ override: value })}
              />
              <span>{t(`override_${value}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}
