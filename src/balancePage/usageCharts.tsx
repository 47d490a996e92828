import { useEffect, useRef, useState } from 'preact/hooks';
import { type DayFormat, formatDuration, formatList, formatUnit, MS_PER_MINUTE } from '../shared/format';
import { catalogueDir, t } from '../shared/i18n';
import type { CountedLabel } from '../usage/schema';
import type { DayUsage } from '../usage/totals';

/**
 * The dashboard's drawing: stacked bars per day as inline SVG. No chart library: a few rectangles, lines and
 * labels. Durations and dates are written by src/shared/format.ts, as in the tables beside the chart.
 */

export const PARTS: readonly CountedLabel[] = ['media', 'networking', 'mixed'];

export function legendName(part: CountedLabel): string {
  if (part === 'media') return t('label_media');
  if (part === 'networking') return t('label_networking');
  return t('label_mixed');
}

interface Scale {
  /** Top of the axis, in minutes. */
  max: number;
  /** Distance between gridlines, in minutes. */
  step: number;
}

const STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

/** A round axis for the busiest day: at most five gridlines above zero, in steps people read easily. */
export function niceScale(maxMinutes: number): Scale {
  if (!(maxMinutes > 0)) return { max: 60, step: 15 };
  const step = STEPS.find((s) => Math.ceil(maxMinutes / s) <= 5) ?? 1440 * Math.ceil(maxMinutes / (5 * 1440));
  return { max: step * Math.max(1, Math.ceil(maxMinutes / step)), step };
}

/** Axis label for a gridline: minutes below an hour's step, whole hours above. */
export function tickLabel(minutes: number, step: number): string {
  return step >= 60 ? formatUnit(minutes / 60, 'hour') : formatUnit(minutes, 'minute');
}

export function dayTotal(day: DayUsage): number {
  return day.media + day.networking + day.mixed;
}

// Drawing units are CSS pixels: the chart takes the width it is given (measured), so text keeps its size on a
// narrow window instead of shrinking with the drawing.
const DEFAULT_WIDTH = 680;
const MIN_WIDTH = 300;
const HEIGHT = 250;
const LEFT = 64;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 40;
export const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

/** The rendered width of an element, following resizes; `fallback` until it is known (and in tests). */
function useWidth(fallback: number) {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface DailyChartProps {
  series: DayUsage[];
  today: string;
  format: DayFormat;
  /** The summary a screen reader reads instead of the drawing. */
  label: string;
}

/**
 * Stacked bars, one group per day, media at the bottom, then networking, then mixed. Bar heights are
 * proportional to minutes on a shared axis. The drawing is one image to assistive technology (role="img"
 * with a summary); the same figures are in a table next to it.
 */
export function DailyChart({ series, today, format, label }: DailyChartProps) {
  const [ref, width] = useWidth(DEFAULT_WIDTH);
  const plotWidth = width - LEFT - RIGHT;
  const scale = niceScale(Math.max(0, ...series.map((d) => dayTotal(d) / MS_PER_MINUTE)));
  const y = (minutes: number) => TOP + PLOT_HEIGHT - (minutes / scale.max) * PLOT_HEIGHT;
  const slot = plotWidth / Math.max(1, series.length);
  const barWidth = Math.min(44, slot * 0.64);
  const many = series.length > 7;
  // Week view on a narrow window: "03/03" under the weekday instead of "3 Mar".
  const tight = slot < 52;
  const ticks = Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
  // Right to left, time runs from right to left and the axis stands on the right: every x is mirrored, and
  // text-anchor, being logical in SVG (the end of right-to-left text is its left edge), stays as it is.
  const rtl = catalogueDir() === 'rtl';
  const mx = (value: number) => round2(rtl ? width - value : value);

  return (
    <svg
      ref={ref}
      class="usage-chart"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      height={HEIGHT}
      role="img"
      aria-label={label}
      data-scale-max={scale.max}
      preserveAspectRatio="xMidYMid meet"
    >
      <g class="usage-chart__grid">
        {ticks.map((minutes) => (
          <g key={minutes}>
            <line
              class={minutes === 0 ? 'usage-chart__baseline' : 'usage-chart__gridline'}
              x1={mx(LEFT)}
              x2={mx(width - RIGHT)}
              y1={round2(y(minutes))}
              y2={round2(y(minutes))}
            />
            <text class="usage-chart__tick" x={mx(LEFT - 8)} y={round2(y(minutes))} text-anchor="end" dy="0.32em">
              {tickLabel(minutes, scale.step)}
            </text>
          </g>
        ))}
      </g>
      {series.map((day, i) => {
        const x = LEFT + i * slot + (slot - barWidth) / 2;
        const centre = mx(LEFT + i * slot + slot / 2);
        // Every day in the week view; in the month view every seventh, ending today, so weeks line up.
        const labelled = !many || (series.length - 1 - i) % 7 === 0;
        let base = 0;
        return (
          <g
            key={day.day}
            class={`usage-chart__day${day.day === today ? ' usage-chart__day--today' : ''}`}
            data-day={day.day}
          >
            <title>
              {`${format.longOf(day.day)}: ${formatList(
                PARTS.map((p) => `${legendName(p)} ${formatDuration(day[p])}`),
                'unit',
              )}`}
            </title>
            {PARTS.map((part) => {
              if (day[part] <= 0) return null;
              const minutes = day[part] / MS_PER_MINUTE;
              const top = y(base + minutes);
              const height = (minutes / scale.max) * PLOT_HEIGHT;
              base += minutes;
              return (
                <rect
                  key={part}
                  class={`usage-chart__bar usage-chart__bar--${part}`}
                  data-part={part}
                  data-minutes={round2(minutes)}
                  x={rtl ? mx(x + barWidth) : round2(x)}
                  y={round2(top)}
                  width={round2(barWidth)}
                  height={round2(height)}
                />
              );
            })}
            {many && (
              <line
                class="usage-chart__mark"
                x1={centre}
                x2={centre}
                y1={TOP + PLOT_HEIGHT}
                y2={TOP + PLOT_HEIGHT + 4}
              />
            )}
            {labelled && (
              <text class="usage-chart__date" x={centre} y={TOP + PLOT_HEIGHT + (many ? 18 : 16)} text-anchor="middle">
                {many ? (
                  format.shortOf(day.day)
                ) : (
                  <>
                    <tspan x={centre}>{format.weekdayOf(day.day)}</tspan>
                    <tspan x={centre} dy="1.25em">
                      {tight ? format.numericOf(day.day) : format.shortOf(day.day)}
                    </tspan>
                  </>
                )}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
