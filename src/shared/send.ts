import type { Answer, MessageOf, MessageType, ReplyOf } from './messages';

/** `runtime.sendMessage` of the polyfill, of Chrome or of a test. */
type SendMessage = (message: unknown) => Promise<unknown>;

/** The worker refused a message or failed to carry it out; `message` is its reason. */
export class MessageRefused extends Error {
  override name = 'MessageRefused';
}

export type Send = <K extends MessageType>(message: MessageOf<K>) => Promise<ReplyOf<K>>;

/**
 * The one way popup, options page and content script talk to the worker: typed by the protocol
 * (messages.ts), it resolves to the handler's reply and rejects with MessageRefused when the worker says no.
 * An answer that is not an {@link Answer} (no worker listening, an older worker) is a refusal too.
 */
export function createSend(sendMessage: SendMessage): Send {
  return async (message) => {
    const answer = (await sendMessage(message)) as Answer<never> | undefined;
    if (answer?.ok === true) return answer.value;
    throw new MessageRefused(answer?.ok === false ? answer.error : 'no answer');
  };
}
