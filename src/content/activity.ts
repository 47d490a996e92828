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
 * Scrolling counts only this soon after the user's own input that scrolls (wheel, touch, a key) or while a
 * pointer is held down (a scrollbar dragged): a page's `scrollBy` fires scroll events the browser marks as
 * trusted, with nobody behind them. Longer than a smooth scroll's animation after the last wheel tick.
 */
const SCROLL_INPUT_MS = 1000;
/** A form's submit counts as a send this soon after a click or key of the user's inside that form. */
const SUBMIT_INPUT_MS = 1000;

/**
 * Counts what the user does, never what they write: keys in message, comment and reply boxes, sends,
 * sustained scrolling, video playing. Each listener is passive and does constant work; `changed` lets the
 * caller schedule a report within its budget.
 *
 * Only the user's own input counts. The page can dispatch any event it likes, so every listener ignores
 * events that are not `isTrusted` (UI Events: only the browser creates trusted events). The page can also
 * make the browser fire trusted events without the user: `form.requestSubmit()` fires `submit`, `scrollBy`
 * fires `scroll`, `video.play()` fires `play`. So a send by form needs the user's click or key in that form
 * just before, scrolling needs recent scrolling input, and watching needs the user to have interacted with
 * the page at all (sticky activation, HTML's user activation model).
 *
 * Until the user's first input nothing can count, so a page load sets up only the four listeners that see it
 * (keys, pointer, wheel, touch); the others come with that first input, before the events it causes (a click
 * follows its pointerdown, a scroll its wheel). In a page already in use when the script arrives (a check from
 * the toolbar), a video started before the user's next input is not counted.
 */
export function watchActivity(meter: ActivityMeter, changed: () => void): void {
  const options = { capture: true, passive: true } as const;
  const on = (type: string, listener: (event: Event) => void) =>
    addEventListener(type, (event) => event.isTrusted && listener(event), options);
  let inputAt = Number.NEGATIVE_INFINITY;
  let held = false;
  let actedAt = Number.NEGATIVE_INFINITY;
  let actedOn: EventTarget | null = null;
  let armed = false;
  const arm = () => {
    if (armed) return;
    armed = true;
    for (const type of ['pointerup', 'pointercancel']) on(type, () => (held = false));
    on('click', act);
    on('submit', (event) => {
      const form = event.target;
      if (
        form instanceof HTMLFormElement &&
        event.timeStamp - actedAt < SUBMIT_INPUT_MS &&
        actedOn instanceof Node &&
        form.contains(actedOn) &&
        form.querySelector('textarea, [contenteditable]')
      ) {
        meter.noteSend();
        changed();
      }
    });
    on('scroll', (event) => {
      if (!held && event.timeStamp - inputAt > SCROLL_INPUT_MS) return;
      meter.noteScroll();
      changed();
    });
    const playing = (value: boolean) => (event: Event) => {
      if (!(event.target instanceof HTMLVideoElement) || (value && !navigator.userActivation.hasBeenActive)) return;
      meter.setVideoPlaying(value);
      changed();
    };
    on('play', playing(true));
    on('pause', playing(false));
    on('ended', playing(false));
  };
  const act = (event: Event) => {
    actedAt = event.timeStamp;
    actedOn = event.target;
  };
  const input = (event: Event) => {
    arm();
    inputAt = event.timeStamp;
  };
  on('wheel', input);
  on('touchmove', input);
  on('pointerdown', () => {
    arm();
    held = true;
  });
  on('keydown', (event) => {
    input(event);
    act(event);
    if (!isConversationBox(event.target)) return;
    const key = event as KeyboardEvent;
    // Enter without Shift sends in chat boxes; in a textarea-based comment form the submit event says it.
    if (key.key === 'Enter' && !key.shiftKey && !key.isComposing) meter.noteSend();
    else meter.noteKeystroke();
    changed();
  });
}
