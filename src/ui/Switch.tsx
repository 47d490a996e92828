import type { ComponentChildren } from 'preact';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  /** Cannot be changed at all (a policy, nothing loaded yet). */
  disabled?: boolean;
  /**
   * A write is under way: said to assistive technology, while the switch stays focusable (disabling the
   * focused control would drop focus). The caller ignores a second change meanwhile.
   */
  busy?: boolean;
  describedBy?: string;
}

/** An on/off setting: a checkbox with the switch role, as the popup and the options page draw it. */
export function Switch({ checked, onChange, children, disabled, busy, describedBy }: Props) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        disabled={disabled}
        aria-disabled={busy}
        aria-describedby={describedBy}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{children}</span>
    </label>
  );
}
