import type { DayFormat } from '../shared/format';
import type { PeriodSummary } from '../usage/periods';
import type { UsageTotals } from '../usage/schema';
import type { UsageApi } from './balanceApi';
import type { BalanceData } from './useBalanceData';

/** What every section of the Balance page's overview is given (BalancePage.tsx lists the sections). */
export interface SectionProps {
  data: BalanceData & { totals: UsageTotals };
  /** All sites over the chosen period, and the period before it. */
  summary: PeriodSummary;
  /** The local day now, as the worker names days. */
  today: string;
  format: DayFormat;
  api: UsageApi;
  /** Nothing was ever recorded (or it was all deleted). */
  empty: boolean;
  /** Replaces the totals on screen (after a deletion, before storage says so). */
  setTotals(totals: UsageTotals): void;
}
