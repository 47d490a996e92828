/**
 * What the worker sends the in-page nudge: every word already in the user's language (the worker reads the
 * catalogue), so the injected script carries no catalogue and no valibot.
 */
export interface NudgePayload {
  /** `prompt` asks what the user is here for; `cover` is the optional "pause the feed" cover. */
  kind: 'prompt' | 'nudge' | 'cover';
  /** "Reach or Relate · linkedin.com": whom it is from, and for which site. */
  header: string;
  text: string;
  /** The one-click choices (the prompt, and Edit). */
  choices: Array<{ id: string; label: string }>;
  labels: { close: string; snooze: string; edit: string; stop: string; pass: string };
}

/** The message the worker sends after injecting the nudge's script. */
export interface ShowNudgeMessage {
  type: 'show-nudge';
  nudge: NudgePayload;
}

export type NudgeAction = 'choose' | 'snooze' | 'stop';
