import { formatDuration } from '../shared/format';
import { formatCount, t } from '../shared/i18n';
import type { Balance } from '../usage/totals';

/** Small whole numbers close to `value` (>= 1), as people say a ratio: 3 to 2, 3 to 1, 12 to 1. */
const SIMPLE_RATIOS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [5, 4],
  [4, 3],
  [3, 2],
  [5, 3],
  [2, 1],
  [5, 2],
  [3, 1],
];

export function approximateRatio(value: number): [number, number] {
  if (value < 1) {
    const [a, b] = approximateRatio(1 / value);
    return [b, a];
  }
  if (value >= 3) return [Math.round(value), 1];
  let best = SIMPLE_RATIOS[0] as readonly [number, number];
  for (const candidate of SIMPLE_RATIOS) {
    const distance = Math.abs(Math.log(value) - Math.log(candidate[0] / candidate[1]));
    if (distance < Math.abs(Math.log(value) - Math.log(best[0] / best[1]))) best = candidate;
  }
  return [best[0], best[1]];
}

/** "Media 3 h 10 min, networking 1 h 5 min: about 3 to 1." plus mixed time, if any. */
export function ratioWords(balance: Balance): string {
  const media = formatDuration(balance.media);
  const networking = formatDuration(balance.networking);
  let words: string;
  if (balance.media > 0 && balance.networking > 0) {
    const [a, b] = approximateRatio(balance.media / balance.networking);
    words =
      a === b
        ? t('usage_ratioEven', [media, networking])
        : t('usage_ratio', [media, networking, formatCount(a), formatCount(b)]);
  } else if (balance.media > 0) {
    words = t('usage_onlyMedia', [media]);
  } else if (balance.networking > 0) {
    words = t('usage_onlyNetworking', [networking]);
  } else {
    return t('usage_onlyMixed', [formatDuration(balance.mixed)]);
  }
  return balance.mixed > 0 ? `${words} ${t('usage_mixedToo', [formatDuration(balance.mixed)])}` : words;
}

/** Which way the period leaned, in the guide's spirit: a description, not a verdict. */
export function leanWords(balance: Balance): string | null {
  if (balance.mediaShare === null) return null;
  // 0.6 is media 3 to networking 2: beyond that, "balanced" would no longer be honest.
  if (balance.mediaShare > 0.6) return t('usage_leanMedia');
  if (balance.mediaShare < 0.4) return t('usage_leanNetworking');
  return t('usage_leanEven');
}
