import type { Reason, Side } from './types';

/**
 * Evidence from how the user uses the page (labeling guide, "How the user uses the page"): typing in message,
 * reply or comment boxes and sending messages or requests is networking; sustained feed scrolling and watching
 * video is media. Only counts cross the content-script boundary, never what was typed or watched.
 */
export interface ActivityCounts {
  /** Keystrokes in message, comment or reply boxes, at most one per 500 ms of typing. */
  typing: number;
  /** Messages sent, connection requests sent, groups joined. */
  sends: number;
  /** Sustained feed-scrolling bursts (3 s of scrolling within 5 s). */
  scrolls: number;
  /** Seconds of video watched while the page was visible. */
  watchSeconds: number;
}

type ActivityKey = keyof ActivityCounts;
const KEYS: readonly ActivityKey[] = ['typing', 'sends', 'scrolls', 'watchSeconds'];

/**
 * Far above anything a person does on one page (a day of typing is about 10^5), low enough that a forged or
 * runaway count is refused instead of trusted. Sums are clamped here too, so they stay valid.
 */
export const MAX_ACTIVITY: Readonly<ActivityCounts> = {
  typing: 1_000_000,
  sends: 100_000,
  scrolls: 100_000,
  watchSeconds: 10_000_000,
};

interface ActivityRule {
  key: ActivityKey;
  leans: Side;
  /** The weight that sustained activity approaches: about a page signal, less than the page type (0.6). */
  maxWeight: number;
  /** The count at which the weight reaches 63% of its maximum. */
  scale: number;
  text: string;
}

/**
 * Typing and sending reach 0.5 so that a feed where the user keeps writing and sending messages gets close
 * enough to the feed's own evidence to be mixed; scrolling and watching stop at 0.4, since a media page is
 * mostly media already and passive use adds less than talking to people does.
 */
export const ACTIVITY_RULES: readonly ActivityRule[] = [
  // 200 counts = about 100 s of typing: near the maximum. One keystroke is noise.
  { key: 'typing', leans: 'networking', maxWeight: 0.5, scale: 50, text: 'you have been writing messages or replies' },
  // Each send is a deliberate act, so a handful already counts.
  { key: 'sends', leans: 'networking', maxWeight: 0.5, scale: 5, text: 'you sent messages or requests' },
  // 10 bursts = half a minute of continuous scrolling.
  { key: 'scrolls', leans: 'media', maxWeight: 0.4, scale: 10, text: 'you have been scrolling through the feed' },
  // Five minutes of video.
  { key: 'watchSeconds', leans: 'media', maxWeight: 0.4, scale: 300, text: 'you have been watching video' },
];

export function emptyActivity(): ActivityCounts {
  return { typing: 0, sends: 0, scrolls: 0, watchSeconds: 0 };
}

/** Sum of two valid counts, clamped to the bounds. */
export function addActivity(a: ActivityCounts, b: ActivityCounts): ActivityCounts {
  const sum = emptyActivity();
  for (const k of KEYS) sum[k] = Math.min(MAX_ACTIVITY[k], a[k] + b[k]);
  return sum;
}

/** Exactly the four counts, each a finite number from 0 to its bound: the worker's check on a message. */
export function isActivityCounts(value: unknown): value is ActivityCounts {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== KEYS.length) return false;
  return KEYS.every((k) => {
    const n = record[k];
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_ACTIVITY[k];
  });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** weight = max * (1 - e^(-count / scale)): grows with use and saturates, so no activity alone can run away. */
function activityWeight(rule: Pick<ActivityRule, 'maxWeight' | 'scale'>, count: number): number {
  if (!(Number.isFinite(count) && count > 0)) return 0;
  return round2(rule.maxWeight * (1 - Math.exp(-count / rule.scale)));
}

/**
 * Reasons for the classifier, strongest first. Activity too slight to round to 0.01 says nothing and is left
 * out, so the page's own signals decide until the user has done something.
 */
export function activityReasons(counts: ActivityCounts): Reason[] {
  const reasons: Reason[] = [];
  for (const rule of ACTIVITY_RULES) {
    const weight = activityWeight(rule, counts[rule.key]);
    if (weight > 0)
      reasons.push({ signal: `activity.${signalName(rule.key)}`, leans: rule.leans, weight, text: rule.text });
  }
  return reasons.sort((a, b) => b.weight - a.weight);
}

function signalName(key: ActivityKey): string {
  return key === 'scrolls' ? 'scrolling' : key === 'watchSeconds' ? 'watching' : key;
}

// ---- Content-script side -------------------------------------------------------------------------------

interface ActivityClock {
  now(): number;
}

interface ActivityMeterOptions {
  /** One typing count per this much time while keys keep coming. */
  typingIntervalMs: number;
  /** Two send notifications this close are one action (an Enter key and the form submit it causes). */
  sendDedupMs: number;
  /** Scrolling must cover this much time... */
  scrollBurstMs: number;
  /** ...within this window to count as one burst. */
  scrollWindowMs: number;
  /** Scroll time is measured in slots of this length: a slot with any scroll event counts as scrolled. */
  scrollSlotMs: number;
}

const DEFAULT_METER_OPTIONS: ActivityMeterOptions = {
  typingIntervalMs: 500,
  sendDedupMs: 1000,
  scrollBurstMs: 3000,
  scrollWindowMs: 5000,
  scrollSlotMs: 500,
};

/**
 * Turns raw DOM notifications into counts, cheaply: each call is constant work (scroll keeps at most ten
 * slots). Calls may come in any order and repeat (a pause without a play, two plays, a clock that steps
 * back) without producing negative or doubled counts. The content script decides which events qualify (keys
 * in a message box, not in the search field); the meter only throttles and counts.
 */
export class ActivityMeter {
  private counts = emptyActivity();
  private lastTyping = Number.NEGATIVE_INFINITY;
  private lastSend = Number.NEGATIVE_INFINITY;
  private scrollSlots = new Set<number>();
  private burstSlot = Number.NEGATIVE_INFINITY;
  private watchingSince: number | null = null;
  private playing = false;
  private hidden = false;

  constructor(
    private readonly clock: ActivityClock,
    private readonly options: ActivityMeterOptions = DEFAULT_METER_OPTIONS,
  ) {}

  /** A key pressed in a message, comment or reply box. */
  noteKeystroke(): void {
    const now = this.clock.now();
    // `now < lastTyping`: the clock stepped back; start measuring from the new time rather than never again.
    if (now - this.lastTyping >= this.options.typingIntervalMs || now < this.lastTyping) {
      this.lastTyping = now;
      this.bump('typing', 1);
    }
  }

  /** A message sent, a connection request sent, a group joined. */
  noteSend(): void {
    const now = this.clock.now();
    if (Math.abs(now - this.lastSend) < this.options.sendDedupMs) return;
    this.lastSend = now;
    this.bump('sends', 1);
  }

  /** A scroll event on the feed (call it from a passive listener; it is cheap enough for every event). */
  noteScroll(): void {
    const { scrollSlotMs, scrollWindowMs, scrollBurstMs } = this.options;
    const now = this.clock.now();
    const slot = Math.floor(now / scrollSlotMs);
    // The slot that completed a burst belongs to it; counting it again would make the next burst shorter.
    if (slot === this.burstSlot) return;
    const oldest = slot - Math.ceil(scrollWindowMs / scrollSlotMs) + 1;
    for (const s of this.scrollSlots) if (s < oldest || s > slot) this.scrollSlots.delete(s);
    this.scrollSlots.add(slot);
    if (this.scrollSlots.size * scrollSlotMs >= scrollBurstMs) {
      this.bump('scrolls', 1);
      // The next burst needs its own three seconds: continuous scrolling counts once every three seconds.
      this.scrollSlots.clear();
      this.burstSlot = slot;
    }
  }

  /** Whether any video on the page is playing; repeated calls with the same value change nothing. */
  setVideoPlaying(playing: boolean): void {
    this.settleWatch();
    this.playing = playing;
    this.resumeWatch();
  }

  /** Page visibility: a video playing in a hidden tab is not being watched. */
  setHidden(hidden: boolean): void {
    this.settleWatch();
    this.hidden = hidden;
    this.resumeWatch();
  }

  /** Counts so far on this page, including the video time still running. */
  snapshot(): ActivityCounts {
    this.settleWatch();
    this.resumeWatch();
    return { ...this.counts };
  }

  /** A new page (a route change in a single-page app): its activity starts from nothing. */
  reset(): void {
    this.counts = emptyActivity();
    this.lastTyping = Number.NEGATIVE_INFINITY;
    this.lastSend = Number.NEGATIVE_INFINITY;
    this.scrollSlots.clear();
    this.burstSlot = Number.NEGATIVE_INFINITY;
    this.watchingSince = null;
    this.resumeWatch();
  }

  private bump(key: ActivityKey, by: number): void {
    this.counts[key] = Math.min(MAX_ACTIVITY[key], this.counts[key] + by);
  }

  private settleWatch(): void {
    if (this.watchingSince === null) return;
    const now = this.clock.now();
    if (now > this.watchingSince) this.bump('watchSeconds', (now - this.watchingSince) / 1000);
    this.watchingSince = null;
  }

  private resumeWatch(): void {
    if (this.playing && !this.hidden && this.watchingSince === null) this.watchingSince = this.clock.now();
  }
}
