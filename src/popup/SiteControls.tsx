import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { OVERRIDES, type Override } from '../storage/schema';
import { Choices } from '../ui/Choices';
import { Switch } from '../ui/Switch';

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
      <Switch checked={state.prefs.labeling} onChange={(labeling) => onChange({ labeling })}>
        {t('labelingToggle', [domain])}
      </Switch>
      {state.prefs.labeling ? (
        <Choices
          legend={t('overrideLegend')}
          name="override"
          choices={OVERRIDES}
          value={state.prefs.override}
          text={(value) => t(`override_${value}`)}
          onChange={(override) => onChange({ override })}
        />
      ) : null}
    </section>
  );
}
