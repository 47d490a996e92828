/**
 * Every limit on what the extension keeps, written once: the schemas (schema.ts), the options page's inputs and
 * the managed policy's JSON schema (public/managed_schema.json, checked against these by a unit test) use them.
 * No dependency here, so the popup and the content script can import a number without valibot.
 */

/** A note's text, counted in UTF-16 code units, as a textarea's `maxlength` counts. */
export const NOTE_MAX_LENGTH = 2000;
/** Longer paths are rare and would crowd a sync item: its key holds the path too. */
export const PATH_MAX_LENGTH = 2048;
/** The longest host name DNS allows (RFC 1035, 2.3.4). */
export const MAX_DOMAIN_LENGTH = 253;
export const CUSTOM_SITE_NAME_MAX_LENGTH = 100;
export const CUSTOM_SITES_MAX = 500;
/** How long usage records are kept, in days. */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;
export const RETENTION_DAYS_DEFAULT = 90;
/** Notices about notes kept on this device; older ones fall off. */
export const MAX_NOTICES = 20;
/** A long note in sync is split into at most this many parts (64 x 8 KB is far beyond NOTE_MAX_LENGTH). */
export const MAX_NOTE_CHUNKS = 64;
/** Ten times what a full sync area holds, plus usage records: a larger import file is not one of ours. */
export const MAX_IMPORT_CHARS = 10 * 1024 * 1024;
