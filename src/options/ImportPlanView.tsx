import { formatTime } from '../shared/format';
import { formatCount, t, tn } from '../shared/i18n';
import type { CustomSite, Note, ResolvedSitePrefs } from '../storage/schema';
import type { ImportPlan, PlanEntry } from '../storage/transfer';
import { leanText, noteName, overrideText } from './wording';

/** What an import would change, before anything does: grouped by kind, each entry added or replaced. */

const PREVIEW_CHARS = 80;
/** Groups of a plan longer than this start folded. */
const OPEN_GROUP_MAX = 20;

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line;
}

function actionText(action: 'add' | 'replace'): string {
  return action === 'add' ? t('opt_planAdd') : t('opt_planReplace');
}

function noteLine(entry: PlanEntry<Note>): string {
  const { domain, path, text } = entry.incoming;
  return t('opt_planNote', [noteName(domain, path), preview(text)]);
}

function siteLine(entry: PlanEntry<ResolvedSitePrefs>): string {
  const prefs = entry.incoming;
  const labeling = prefs.labeling ? t('opt_planLabelingOn') : t('opt_planLabelingOff');
  return t('opt_planSite', [entry.key, labeling, overrideText(prefs.override)]);
}

function customSiteLine(entry: PlanEntry<CustomSite>): string {
  return t('opt_planCustomSite', [entry.incoming.name, entry.key, leanText(entry.incoming.lean)]);
}

function PlanGroup<T>({
  id,
  title,
  entries,
  line,
}: {
  id: string;
  title: string;
  entries: PlanEntry<T>[];
  line: (entry: PlanEntry<T>) => string;
}) {
  if (entries.length === 0) return null;
  const adds = entries.filter((e) => e.action === 'add').length;
  return (
    <details class="plan__group" open={entries.length <= OPEN_GROUP_MAX}>
      <summary id={id}>{t('opt_planGroup', [title, formatCount(adds), formatCount(entries.length - adds)])}</summary>
      <ul aria-labelledby={id}>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span class={`tag tag--${entry.action}`}>{actionText(entry.action)}</span> {line(entry)}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function PlanView({ plan }: { plan: ImportPlan }) {
  return (
    <div class="plan">
      <p>
        <strong>{t('opt_planSummary', [formatCount(plan.adds), formatCount(plan.replaces)])}</strong>
      </p>
      {plan.exportedAt !== null ? <p class="muted">{t('opt_planExportedAt', [formatTime(plan.exportedAt)])}</p> : null}
      {plan.unchanged.notes + plan.unchanged.sites + plan.unchanged.customSites > 0 ? (
        <p class="muted">
          {tn('opt_planUnchanged', plan.unchanged.notes + plan.unchanged.sites + plan.unchanged.customSites)}
        </p>
      ) : null}
      {plan.skippedNotes > 0 ? <p class="notice">{tn('opt_planSkippedNotes', plan.skippedNotes)}</p> : null}
      <PlanGroup id="plan-notes" title={t('opt_planNotes')} entries={plan.notes} line={noteLine} />
      <PlanGroup id="plan-sites" title={t('opt_planSites')} entries={plan.sites} line={siteLine} />
      <PlanGroup id="plan-custom" title={t('opt_planCustomSites')} entries={plan.customSites} line={customSiteLine} />
      {plan.usage && plan.usage.addDays + plan.usage.replaceDays > 0 ? (
        <p>{t('opt_planUsage', [formatCount(plan.usage.addDays), formatCount(plan.usage.replaceDays)])}</p>
      ) : null}
      {plan.usage && plan.usage.tooOldDays > 0 ? (
        <p class="notice">{tn('opt_planUsageTooOld', plan.usage.tooOldDays)}</p>
      ) : null}
      {plan.settings.length > 0 ? (
        <ul>
          {plan.settings.map((change) => (
            <li key={change.field}>
              <span class="tag tag--replace">{actionText('replace')}</span>{' '}
              {tn('opt_planRetention', change.incoming, [formatCount(change.current)])}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
