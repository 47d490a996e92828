import { t } from '../shared/i18n';
import type { AreaName } from '../storage/problems';
import type { Lean, Notice, Override } from '../storage/schema';

/**
 * Stored values in the user's words, for every section of the options page that shows them (the lists, the
 * import plan, the backups), so that a value reads the same wherever it appears.
 */

/** The label a site is given: chosen by the user, or worked out from the page. */
export function overrideText(value: Override): string {
  switch (value) {
    case 'media':
      return t('override_media');
    case 'networking':
      return t('override_networking');
    default:
      return t('override_auto');
  }
}

/** What a custom site is usually used for. */
export function leanText(lean: Lean): string {
  switch (lean) {
    case 'media':
      return t('opt_leanMedia');
    case 'networking':
      return t('opt_leanNetworking');
    default:
      return t('opt_leanBoth');
  }
}

/** Where a note or a backup is kept. */
export function areaText(area: AreaName | undefined): string {
  return area === 'sync' ? t('opt_storedSync') : t('opt_storedLocal');
}

/** A note's name: its site, or its site and page. */
export function noteName(domain: string, path: string | null): string {
  return path === null ? domain : `${domain}${path}`;
}

/** Why notes are kept on this device although sync is on. */
export function noticeReason(notice: Notice): string {
  if (notice.kind === 'sync-error') return t('opt_noticeSyncError', [notice.message ?? '']);
  switch (notice.quota) {
    case 'QUOTA_BYTES_PER_ITEM':
      return t('opt_noticeTooLarge');
    case 'MAX_ITEMS':
      return t('opt_noticeTooMany');
    case 'MAX_WRITE_OPERATIONS_PER_MINUTE':
    case 'MAX_WRITE_OPERATIONS_PER_HOUR':
      return t('opt_noticeTooFast');
    default:
      return t('opt_noticeFull');
  }
}
