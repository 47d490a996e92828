import type { ComponentChildren } from 'preact';

interface Props {
  /** Names the fold for styles and tests (`data-fold`). */
  id: string;
  summary: ComponentChildren;
  children: ComponentChildren;
  open?: boolean;
}

/**
 * A section that folds away: native `<details>`, so the keyboard, screen readers and find-in-page all work
 * without a script, and the popup stays short with everything one click away.
 */
export function Fold({ id, summary, children, open = false }: Props) {
  return (
    <details class="fold" data-fold={id} open={open}>
      <summary class="fold__summary">{summary}</summary>
      <div class="fold__body">{children}</div>
    </details>
  );
}
