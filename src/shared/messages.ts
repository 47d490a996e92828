import * as v from 'valibot';
import type { BalanceStatus } from '../background/balance';
import { BudgetsSchema, CHOICE_IDS } from '../balance/schema';
import { type ActivityCounts, isActivityCounts } from '../core/activity';
import { PAGE_TYPES } from '../core/types';
import { BACKUP_KEY } from '../storage/keys';
import type { SaveNoteResult, SyncSwitchResult } from '../storage/notes';
import {
  Bool,
  type CustomSite,
  Domain,
  NotePath,
  NoteText,
  type ResolvedSitePrefs,
  RetentionDays,
  type Settings,
  SitePrefsChange,
  type TabState,
  UserCustomSite,
} from '../storage/schema';
import type { ApplyResult } from '../storage/transfer';
import type { SiteUsage } from '../usage/schema';

/**
 * The one message contract between content script, worker and extension pages: each message type names who
 * may send it, the schema its request must pass and (as a type) what the worker answers. The worker checks
 * the request and its sender before a handler sees it (background/index.ts), and every answer is an
 * {@link Answer}: a refusal says why instead of leaving the sender with `undefined`.
 *
 * Senders use `send` (shared/send.ts), which imports this file for its types only: the content script must
 * not carry valibot.
 */

/** Feature reports larger than this are refused: a real report is well under 4 KB. */
export const MAX_FEATURES_BYTES = 16 * 1024;
/** An import file is re-read by the worker; ten megabytes is far beyond any real export. */
const MAX_IMPORT_MESSAGE_CHARS = 10 * 1024 * 1024;
const MAX_SIGNALS = 64;
const MAX_URL_LENGTH = 4096;

const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

const PageFeaturesSchema = v.object({
  url: shortText(MAX_URL_LENGTH),
  siteId: v.nullable(shortText(64)),
  detectedBy: v.nullable(v.picklist(['domain', 'fingerprint'])),
  signalPageType: v.nullable(v.picklist(PAGE_TYPES)),
  signals: v.pipe(v.array(shortText(64)), v.maxLength(MAX_SIGNALS)),
  embeds: v.pipe(v.number(), v.finite()),
  hasDocument: v.boolean(),
});

const ActivitySchema = v.custom<ActivityCounts>(isActivityCounts, 'not activity counts');

/** Who may send a message: the extension's content script in a tab's top frame, or an extension page. */
type SenderKind = 'tab' | 'page';

type RequestSchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

/** One entry of the protocol: the reply type exists for the compiler only. */
interface MessageSpec<From extends SenderKind, S extends v.GenericSchema, Reply> {
  from: From;
  request: S;
  readonly reply?: [Reply];
}

function message<Reply>() {
  return <From extends SenderKind, S extends RequestSchema>(from: From, request: S) =>
    ({ from, request }) as MessageSpec<From, S, Reply>;
}

/** What the worker answers a feature report with: a reminder to show, once per visit. */
export interface FeaturesReply {
  reminder?: { text: string; dismiss: string };
}

/** What turning sync on or off did, and the settings as they now stand. */
interface SettingsReply {
  settings: Settings;
  /** Present when the change asked to turn sync on or off. */
  sync?: SyncSwitchResult;
}

type SaveNoteReply = SaveNoteResult | { deleted: boolean };

export const PROTOCOL = {
  'page-features': message<FeaturesReply>()(
    'tab',
    v.object({
      features: v.pipe(
        PageFeaturesSchema,
        v.check((features) => JSON.stringify(features).length <= MAX_FEATURES_BYTES, 'report too large'),
      ),
      activity: v.optional(ActivitySchema),
    }),
  ),
  'get-tab-state': message<TabState | null>()('page', v.object({ tabId: TabId })),
  'classify-tab': message<boolean>()('page', v.object({ tabId: TabId })),
  'get-usage-today': message<SiteUsage & { total: number }>()('page', v.object({ domain: Domain })),
  'set-site-prefs': message<ResolvedSitePrefs>()('page', v.object({ domain: Domain, change: SitePrefsChange })),
  'save-note': message<SaveNoteReply>()(
    'page',
    v.object({ domain: Domain, path: NotePath, text: NoteText, reminder: Bool }),
  ),
  'delete-note': message<boolean>()('page', v.object({ domain: Domain, path: NotePath })),
  'set-settings': message<SettingsReply>()(
    'page',
    v.object({ change: v.strictObject({ sync: v.optional(Bool), retentionDays: v.optional(RetentionDays) }) }),
  ),
  'save-custom-site': message<CustomSite[]>()(
    'page',
    v.object({
      site: v.strictObject({ ...UserCustomSite.entries, managed: v.optional(v.literal(false)) }),
    }),
  ),
  'remove-custom-site': message<boolean>()('page', v.object({ domain: Domain })),
  /**
   * Sent by the popup just before it asks for one host's permission to label the site automatically: Chrome
   * closes the popup as its permission prompt opens, so the worker keeps the site once the permission arrives.
   */
  'expect-host-grant': message<null>()(
    'page',
    v.object({
      host: Domain,
      site: v.strictObject({ ...UserCustomSite.entries, managed: v.optional(v.literal(false)) }),
    }),
  ),
  /** The page showed the plan; the worker reads the file again and never trusts a plan from a page. */
  'apply-import': message<ApplyResult>()('page', v.object({ text: shortText(MAX_IMPORT_MESSAGE_CHARS) })),
  'delete-usage': message<null>()('page', v.object({})),
  /** A button of the in-page nudge (src/nudge), from the tab it shows in; the worker knows the tab's site. */
  'nudge-action': message<null>()(
    'tab',
    v.object({ action: v.picklist(['choose', 'snooze', 'stop']), choice: v.optional(v.picklist(CHOICE_IDS)) }),
  ),
  'get-balance': message<BalanceStatus>()('page', v.object({ domain: Domain })),
  'set-intentions-on': message<null>()('page', v.object({ domain: Domain, on: Bool })),
  'set-budgets': message<null>()('page', v.object({ budgets: BudgetsSchema })),
  'delete-backup': message<null>()('page', v.object({ key: BACKUP_KEY })),
} as const;

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;

/** A message as the worker's handlers receive it, after its schema. */
export type RequestOf<K extends MessageType> = { type: K } & v.InferOutput<Protocol[K]['request']>;
/** A message as a sender writes it, before the schema. */
export type MessageOf<K extends MessageType> = { type: K } & v.InferInput<Protocol[K]['request']>;
export type ReplyOf<K extends MessageType> = NonNullable<Protocol[K]['reply']>[0];

/** Every answer of the worker. `error` is a sentence for a person (an import's problem) or a refusal's reason. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

type TypesFrom<From extends SenderKind> = {
  [K in MessageType]: Protocol[K]['from'] extends From ? K : never;
}[MessageType];

export type PageMessageType = TypesFrom<'page'>;
type ContentMessage = RequestOf<'page-features'> | RequestOf<'nudge-action'>;
export type PageMessage = { [K in PageMessageType]: RequestOf<K> }[PageMessageType];
type ExtensionMessage = ContentMessage | PageMessage;

/** Worker -> content script. */
export type ToContentMessage = { type: 'hide-reminder' } | import('../nudge/types').ShowNudgeMessage;

export type { TabState };

type ParsedMessage = { ok: true; message: ExtensionMessage } | { ok: false; error: string };

/** Narrows an untrusted runtime message to the contract, or says what is wrong with it. */
export function checkMessage(value: unknown): ParsedMessage {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refused('not a message');
  if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) return refused('unknown message type');
  const parsed = v.safeParse(PROTOCOL[type as MessageType].request, value, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    return refused(`invalid ${type}: ${path ? `${path} ` : ''}${issue.message}`);
  }
  return { ok: true, message: { ...parsed.output, type } as ExtensionMessage };
}

function refused(error: string): ParsedMessage {
  return { ok: false, error };
}

/** {@link checkMessage} for callers that need only the message. */
export function parseMessage(value: unknown): ExtensionMessage | null {
  const checked = checkMessage(value);
  return checked.ok ? checked.message : null;
}

/** Who may send a message of this type. */
export function senderOf(type: MessageType): SenderKind {
  return PROTOCOL[type].from;
}
