import { useEffect, useState } from 'preact/hooks';
import type { Intentions } from '../balance/schema';
import type { Note } from '../storage/schema';
import type { UsageTotals } from '../usage/schema';
import type { UsageApi } from './balanceApi';

/** What the Balance page shows, read from storage and kept up to date with it. */
export interface BalanceData {
  /** null until the first read answers. */
  totals: UsageTotals | null;
  retentionDays: number | null;
  /** Notes by domain: the site note first, then the page notes (storage/notes sorts them so). */
  notes: ReadonlyMap<string, readonly Note[]>;
  intentions: Intentions;
}

function byDomain(notes: readonly Note[]): Map<string, Note[]> {
  const map = new Map<string, Note[]>();
  for (const note of notes) map.set(note.domain, [...(map.get(note.domain) ?? []), note]);
  return map;
}

export function useBalanceData(api: UsageApi): [BalanceData, (totals: UsageTotals) => void] {
  const [totals, setTotals] = useState<UsageTotals | null>(null);
  const [retentionDays, setRetentionDays] = useState<number | null>(null);
  const [notes, setNotes] = useState<ReadonlyMap<string, readonly Note[]>>(new Map());
  const [intentions, setIntentions] = useState<Intentions>({});

  useEffect(() => {
    // Subscribe first, so that a change between the read and the subscription is not lost; a change that
    // arrives before the first read answers is newer, and the read must not overwrite it.
    let totalsChanged = false;
    let retentionChanged = false;
    let live = true;
    const readNotes = () =>
      api.readNotes().then(
        (read) => live && setNotes(byDomain(read)),
        () => {},
      );
    const readIntentions = () =>
      api.readIntentions().then(
        (read) => live && setIntentions(read),
        () => {},
      );
    const unsubscribe = api.subscribe((change) => {
      if (change.totals !== undefined) {
        totalsChanged = true;
        setTotals(change.totals);
      }
      if (change.retentionDays !== undefined) {
        retentionChanged = true;
        setRetentionDays(change.retentionDays);
      }
      if (change.notes) void readNotes();
      if (change.intentions) void readIntentions();
    });
    api.readTotals().then(
      (read) => totalsChanged || setTotals(read),
      () => totalsChanged || setTotals({}),
    );
    api.readRetentionDays().then(
      (days) => retentionChanged || setRetentionDays(days),
      () => {},
    );
    void readNotes();
    void readIntentions();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  return [{ totals, retentionDays, notes, intentions }, setTotals];
}
