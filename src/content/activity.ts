import type { ActivityMeter } from '../core/activity';

/** Search fields are not conversations: typing there says nothing about relating to people. */
function isConversationBox(target: EventTarget | null): target is HTMLElement {
  if (!(target instanceof HTMLElement)) return false;
  const role = target.getAttribute('role');
  if (role === 'combobox' || role === 'searchbox' || target.closest('[role="search"], form[action*="search"]')) {
    return false;
  }
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return target.type === 'text' && role === 'textbox';
  return target.isContentEditable;
}

/**
 * Counts what the user does, never what they write: keys in message, comment and reply boxes, sends,
 * sustained scrolling, video playing. Each listener is passive and does constant work; `changed` lets the
 * caller schedule a report within its budget.
 */
export function watchActivity(meter: ActivityMeter, changed: () => void): void {
  const options = { capture: true, passive: true } as const;
  addEventListener(
    'keydown',
    (event) => {
      if (!isConversationBox(event.target)) return;
      // Enter without Shift sends in chat boxes; in a textarea-based comment form the submit event says it.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) meter.noteSend();
      else meter.noteKeystroke();
      changed();
    },
    options,
  );
  addEventListener(
    'submit',
    (event) => {
      if (event.target instanceof HTMLFormElement && event.target.querySelector('textarea, [contenteditable]')) {
        meter.noteSend();
        changed();
      }
    },
    options,
  );
  addEventListener(
    'scroll',
    () => {
      meter.noteScroll();
      changed();
    },
    options,
  );
  const playing = (value: boolean) => (event: Event) => {
    if (!(event.target instanceof HTMLVideoElement)) return;
    meter.setVideoPlaying(value);
    changed();
  };
  addEventListener('play', playing(true), options);
  addEventListener('pause', playing(false), options);
  addEventListener('ended', playing(false), options);
}
