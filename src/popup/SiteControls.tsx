import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { OVERRIDES, type Override } from '../storage/schema';
import { Choices } from '../ui/Choices';
import { Fold } from '../ui/Fold';
import { Switch } from '../ui/Switch';

interface Props {
  state: TabState;
  onChange: (change: { labeling?: boolean; override?: Override }) => void;
}

/** Labeling on or off for the site and the user's own label for it: folded, since they are rarely changed. */
export function SiteControls({ state, onChange }: Props) {
  const domain = state.domain ?? '';
  // Open when labeling is off: the switch that turns it back on is the one thing to do here.
  return (
    <Fold id="site" summary={t('siteHeading', [domain])} open={!state.prefs.labeling}>
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
    </Fold>
  );
}
