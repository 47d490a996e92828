import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { FeaturesReply, ToContentMessage } from '../shared/messages';
import { FAMILIES, item, readItem, visitKey } from '../storage/keys';
import { getNote, type NoteAreas } from '../storage/notes';
import type { Note, Visit } from '../storage/schema';
import { noteAreas } from './areas';
import { storedData } from './storedData';
import { allTabStates } from './tabState';

/**
 * A note with "remind me" shows once per visit: the first report from a tab on the site gets it, later ones
 * (reloads, in-app navigation) do not. A visit ends when the tab reports from another site the extension
 * covers, or closes; a detour through a site it does not cover cannot be seen without the `tabs` permission.
 * Each tab's current visit lives in storage.session, so a restarted worker does not remind again.
 */

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** The note areas, with the settings the worker already holds: these reads happen on page reports. */
async function readingAreas(): Promise<NoteAreas> {
  return { ...(await noteAreas()), settings: async () => (await storedData()).settings };
}

/** The page note wins over the site note: it is the more specific intention. */
async function reminderNote(domain: string, url: string): Promise<Note | null> {
  const areas = await readingAreas();
  if (areas.policy?.disableNotes) return null;
  const path = pathOf(url);
  const pageNote = path ? await getNote(areas, domain, path) : null;
  if (pageNote?.reminder && pageNote.text.trim()) return pageNote;
  const siteNote = await getNote(areas, domain, null);
  return siteNote?.reminder && siteNote.text.trim() ? siteNote : null;
}

export async function reminderFor(
  tabId: number,
  domain: string | null,
  url: string,
): Promise<FeaturesReply['reminder']> {
  const key = visitKey(tabId);
  if (!domain) {
    await browser.storage.session.remove(key);
    return undefined;
  }
  const read = readItem({ key, schema: FAMILIES.visit.schema }, await browser.storage.session.get(key));
  // A report from another site than the tab's last one starts a new visit (so does a damaged entry).
  const visit: Visit = read.status === 'ok' && read.value.domain === domain ? read.value : { domain, reminded: false };
  if (visit.reminded) return undefined;
  const note = await reminderNote(domain, url);
  await browser.storage.session.set(item({ key, schema: FAMILIES.visit.schema }, { domain, reminded: Boolean(note) }));
  return note ? { text: note.text, dismiss: t('reminderDismiss') } : undefined;
}

/** After a reminder is switched off or its note deleted, open tabs of the site drop it at once. */
export async function hideReminders(domain: string): Promise<void> {
  const message: ToContentMessage = { type: 'hide-reminder' };
  for (const state of await allTabStates()) {
    if (state.domain === domain) await browser.tabs.sendMessage(state.tabId, message).catch(() => {});
  }
}

export async function forgetReminder(tabId: number): Promise<void> {
  await browser.storage.session.remove(visitKey(tabId));
}

export async function hasNote(domain: string | null): Promise<boolean> {
  if (!domain) return false;
  const areas = await readingAreas();
  return Boolean((await getNote(areas, domain, null))?.text.trim());
}
