import { choiceLabel } from '../background/balance';
import { intentionToday, siteIntention } from '../balance/intentions';
import type { Intentions } from '../balance/schema';
import type { Note } from '../storage/schema';

/** What the Balance page says about a site beside its time: its note and its intention, from storage. */

/** The site's own note (not a page's), when it has words. */
export function siteNote(notes: readonly Note[] | undefined): Note | null {
  return notes?.find((note) => note.path === null && note.text.trim() !== '') ?? null;
}

/** The notes of single pages of the site. */
export function pageNotes(notes: readonly Note[] | undefined): Note[] {
  return (notes ?? []).filter((note) => note.path !== null && note.text.trim() !== '');
}

/** Intentions on or off for the site, and today's choice in words, when one was made today. */
export function intentionOf(
  intentions: Intentions,
  domain: string,
  today: string,
): { on: boolean; choice: string | null } {
  const chosen = intentionToday(intentions, domain, today);
  return { on: siteIntention(intentions, domain).on, choice: chosen ? choiceLabel(chosen.choice) : null };
}
