import type { Runtime } from 'webextension-polyfill';
import { errorText } from '../shared/format';
import {
  type Answer,
  checkMessage,
  type MessageType,
  type PageMessageType,
  type ReplyOf,
  type RequestOf,
  senderOf,
} from '../shared/messages';
import { isExtensionPage, type SenderEnv, trustedTabSender } from './senders';

/** One handler per message type, bound to return that type's reply. */
export type Handlers = {
  [K in PageMessageType]: (message: RequestOf<K>) => Promise<ReplyOf<K>>;
} & {
  /** Feature reports carry the tab they came from, as the sender check established it. */
  'page-features': (message: RequestOf<'page-features'>, tabId: number) => Promise<ReplyOf<'page-features'>>;
  'nudge-action': (message: RequestOf<'nudge-action'>, tabId: number) => Promise<null>;
};

/**
 * The worker's side of the protocol: checks a raw message against its schema and its sender against the
 * type's allowed sender, runs the handler and answers `{ ok: true, value }`, or `{ ok: false, error }` for a
 * refusal or a failure. It always answers: a sender is never left with `undefined`.
 */
export function createDispatcher(env: SenderEnv, handlers: Handlers) {
  return async (raw: unknown, sender: Runtime.MessageSender): Promise<Answer<unknown>> => {
    const checked = checkMessage(raw);
    if (!checked.ok) return { ok: false, error: checked.error };
    const { message } = checked;
    try {
      if (message.type === 'page-features') {
        const tabId = trustedTabSender(env, sender, message.features.url);
        if (tabId === null) return { ok: false, error: 'sender not allowed' };
        return { ok: true, value: await handlers['page-features'](message, tabId) };
      }
      if (message.type === 'nudge-action') {
        // From the nudge's script in a tab: the same checks as a report, for the page the sender is on.
        const tabId = trustedTabSender(env, sender, sender.url ?? '');
        if (tabId === null) return { ok: false, error: 'sender not allowed' };
        return { ok: true, value: await handlers['nudge-action'](message, tabId) };
      }
      if (senderOf(message.type as MessageType) !== 'page' || !isExtensionPage(env, sender)) {
        return { ok: false, error: 'sender not allowed' };
      }
      const handler = handlers[message.type] as (m: typeof message) => Promise<unknown>;
      return { ok: true, value: await handler(message) };
    } catch (error) {
      return { ok: false, error: errorText(error) };
    }
  };
}
