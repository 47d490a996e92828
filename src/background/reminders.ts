import { t } from '../shared/i18n';
import type { FeaturesReply, ToContentMessage } from '../shared/messages';
import { FAMILIES, item, readItem, type StorageAreaLike, visitKey } from '../storage/keys';
import { getNote, type NoteAreas } from '../storage/notes';
import type { Note, Visit } from '../storage/schema';
import type { Areas } from './areas';
import type { TabsEnv } from './env';
import type { StoredDataCache } from './storedData';
import type { TabStates } from './tabState';

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

export interface Reminders {
  reminderFor(tabId: number, domain: string | null, url: string): Promise<FeaturesReply['reminder']>;
  /** After a reminder is switched off or its note deleted, open tabs of the site drop it at once. */
  hideReminders(domain: string): Promise<void>;
  forgetReminder(tabId: number): Promise<void>;
  hasNote(domain: string | null): Promise<boolean>;
}

interface Deps {
  session: StorageAreaLike;
  tabs: Pick<TabsEnv, 'sendMessage'>;
  areas: Pick<Areas, 'noteAreas'>;
  stored: Pick<StoredDataCache, 'storedData'>;
  tabStates: Pick<TabStates, 'allTabStates'>;
}

export function createReminders({ session, tabs, areas, stored, tabStates }: Deps): Reminders {
  /** The note areas, with the settings the worker already holds: these reads happen on page reports. */
  const readingAreas = async (): Promise<NoteAreas> => ({
    ...(await areas.noteAreas()),
    settings: async () => (await stored.storedData()).settings,
  });

  /** The page note wins over the site note: it is the more specific intention. */
  const reminderNote = async (domain: string, url: string): Promise<Note | null> => {
    const noteAreas = await readingAreas();
    if (noteAreas.policy?.disableNotes) return null;
    const path = pathOf(url);
    const pageNote = path ? await getNote(noteAreas, domain, path) : null;
    if (pageNote?.reminder && pageNote.text.trim()) return pageNote;
    const siteNote = await getNote(noteAreas, domain, null);
    return siteNote?.reminder && siteNote.text.trim() ? siteNote : null;
  };

  return {
    async reminderFor(tabId, domain, url) {
      const key = visitKey(tabId);
      if (!domain) {
        await session.remove(key);
        return undefined;
      }
      const read = readItem({ key, schema: FAMILIES.visit.schema }, await session.get(key));
      // A report from another site than the tab's last one starts a new visit (so does a damaged entry).
      const visit: Visit =
        read.status === 'ok' && read.value.domain === domain ? read.value : { domain, reminded: false };
      if (visit.reminded) return undefined;
      const note = await reminderNote(domain, url);
      await session.set(item({ key, schema: FAMILIES.visit.schema }, { domain, reminded: Boolean(note) }));
      return note ? { text: note.text, dismiss: t('reminderDismiss') } : undefined;
    },

    async hideReminders(domain) {
      const message: ToContentMessage = { type: 'hide-reminder' };
      for (const state of await tabStates.allTabStates()) {
        if (state.domain === domain) await tabs.sendMessage(state.tabId, message).catch(() => {});
      }
    },

    async forgetReminder(tabId) {
      await session.remove(visitKey(tabId));
    },

    async hasNote(domain) {
      if (!domain) return false;
      return Boolean((await getNote(await readingAreas(), domain, null))?.text.trim());
    },
  };
}
