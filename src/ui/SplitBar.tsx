import { COUNTED_LABELS, type SiteUsage } from '../usage/schema';

/**
 * Time as one horizontal bar, media, networking and mixed side by side in their colours; `width` (0..1) is
 * how much of the row the whole bar takes, so rows of a list compare. A drawing only: the same figures are
 * always in words beside it.
 */
export function SplitBar({ usage, width = 1 }: { usage: SiteUsage; width?: number }) {
  const total = usage.media + usage.networking + usage.mixed;
  return (
    <div class="usage__bar" aria-hidden="true">
      <div class="usage__fill" style={{ width: `${Math.max(0, Math.min(1, width)) * 100}%` }}>
        {COUNTED_LABELS.map((part) =>
          usage[part] > 0 && total > 0 ? (
            <span
              key={part}
              class={`usage__part usage__part--${part}`}
              data-part={part}
              style={{ width: `${(100 * usage[part]) / total}%` }}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}
