import * as v from 'valibot';
import {
  isCustomSiteName,
  isDomainShape,
  isNotePath,
  isRetentionDays,
  isTimestamp,
  LEANS,
  NOTE_MAX_LENGTH,
  OVERRIDES,
  PATH_MAX_LENGTH,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
} from './schema';

/**
 * The valibot schemas of the values the extension keeps and passes around, each written once: messages
 * (shared/messages.ts), imports (transfer.ts) and stored data use these. Their messages are written for
 * people, since an import shows the first one ("notes[2].text is 2400 characters long; …").
 */

export const Domain = v.pipe(
  v.string('must be text'),
  v.check((input: string) => isDomainShape(input), 'must be a registrable domain such as example.com'),
);
export const Timestamp = v.pipe(
  v.number('must be a time in milliseconds'),
  v.check((input: number) => isTimestamp(input), 'must be a time in milliseconds'),
);
export const Bool = v.boolean('must be true or false');

export const NotePath = v.nullable(
  v.pipe(
    v.string('must be null or a URL path'),
    v.check(
      (input: string) => isNotePath(input),
      `must be a URL path starting with "/", without "?" or "#", of at most ${PATH_MAX_LENGTH} characters`,
    ),
  ),
);
export const NoteText = v.pipe(
  v.string('must be text'),
  v.maxLength(
    NOTE_MAX_LENGTH,
    (issue) => `is ${issue.input.length} characters long; a note holds at most ${NOTE_MAX_LENGTH}`,
  ),
);
export const RetentionDays = v.pipe(
  v.number('must be a number'),
  v.check(
    (input: number) => isRetentionDays(input),
    `must be a whole number of days from ${RETENTION_DAYS_MIN} to ${RETENTION_DAYS_MAX}`,
  ),
);
export const OverrideSchema = v.picklist(OVERRIDES, `must be one of ${OVERRIDES.join(', ')}`);
export const LeanSchema = v.picklist(LEANS, `must be one of ${LEANS.join(', ')}`);
export const CustomSiteName = v.pipe(
  v.string('must be text'),
  v.check((input: string) => isCustomSiteName(input), 'must be a name of 1 to 100 characters'),
);

/** Valibot reports a missing key with the message of the object that lacks it. */
export const objectMessage = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? 'is missing' : 'must be an object';

/** A change to one site's preferences: only the fields it names, nothing else. */
export const SitePrefsChange = v.strictObject({
  labeling: v.optional(Bool),
  override: v.optional(OverrideSchema),
  reminder: v.optional(Bool),
});

/** A custom site as a user enters it (an administrator's come from the managed policy only). */
export const UserCustomSite = v.object({ domain: Domain, name: CustomSiteName, lean: LeanSchema }, objectMessage);
