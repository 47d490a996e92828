/**
 * Why an import file is refused, as a code and its data (a part of the file, a version, a count), never as an
 * English sentence: the options page words each code in the user's language (options/refusalText.ts), as it
 * does for the reasons of backups (storage/problems.ts).
 */
export type ImportRefusalCode =
  /** Longer than any export can be. */
  | 'tooLarge'
  /** Not JSON at all (an empty file too). */
  | 'notJson'
  /** JSON, but not an object (a list, a number). */
  | 'notObject'
  /** An object that names no format: another tool's file. */
  | 'noFormat'
  /** Another tool's format; `params[0]` is the name it gives, quoted and cut short. */
  | 'otherFormat'
  /** `formatVersion` is not a whole number from 1. */
  | 'badFormatVersion'
  /** Written by a newer version; `params` are its format version and the highest this one reads. */
  | 'newerFormat'
  /** A part does not have its shape; `params[0]` names it (`notes[2].text`). */
  | 'invalid'
  /** A note appears twice; `params` are its position, the first one's and its site. */
  | 'repeatedNote'
  /** A custom site appears twice; `params` are its position, the first one's and its domain. */
  | 'repeatedCustomSite'
  /** Importing would pass the custom sites' limit; `params` are the count it would make and the limit. */
  | 'tooManyCustomSites';

export interface ImportRefusal {
  code: ImportRefusalCode;
  params: string[];
}

export function refusal(code: ImportRefusalCode, ...params: Array<string | number>): ImportRefusal {
  return { code, params: params.map(String) };
}

/** For logs and the worker's refusal of a message: the code and its data, not for people. */
export function refusalSummary(refused: ImportRefusal): string {
  return [refused.code, ...refused.params].join(' ');
}
