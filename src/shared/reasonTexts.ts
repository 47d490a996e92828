import { ACTIVITY_RULES } from '../core/activity';
import { GENERIC_SIGNALS } from '../core/genericSignals';
import { PAGE_TYPE_INFO } from '../core/pageTypes';
import { sites } from '../core/sites';
import { CONTENT_SIGNAL, OPEN_WEB, STANDARD_SIGNALS } from '../core/standards';
import { reasonKey } from './i18n';

/** Every reason text the site knowledge can produce, by message key: the English catalogue's source. */
export function reasonMessages(): Map<string, string> {
  const texts = [
    ...Object.values(PAGE_TYPE_INFO).map((info) => info.text),
    ...GENERIC_SIGNALS.map((s) => s.text),
    ...ACTIVITY_RULES.map((rule) => rule.text),
    ...sites.flatMap((site) => (site.signals ?? []).map((s) => s.text)),
    ...STANDARD_SIGNALS.map((s) => s.text),
    CONTENT_SIGNAL.text,
    OPEN_WEB.text,
  ];
  return new Map(texts.map((text) => [reasonKey(text), text]));
}
