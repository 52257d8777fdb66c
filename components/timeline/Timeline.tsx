import type { TimelinePoint } from '@/lib/timeline';
import { byYear, shortDate } from '@/lib/timeline';
import { useT } from '@/lib/i18n/context';
import { routeHash } from '@/lib/ui/router';

/** A strip of years with a bar per year: the shape of the history at a glance. */
function Overview({ points }: { points: readonly TimelinePoint[] }) {
  const { t, plural } = useT();
  const groups = byYear(points);
  if (groups.length === 0) return null;
  const first = groups[0]!.year;
  const last = groups[groups.length - 1]!.year;
  const span = Math.max(1, last - first);
  const width = 280;
  const max = Math.max(...groups.map((g) => g.points.length));
  return (
    <svg
      class="overview"
      viewBox={`0 0 ${width + 20} 64`}
      role="img"
      aria-label={t('timeline.overview', { first, last })}
    >
      <line x1="10" x2={width + 10} y1="48" y2="48" class="axis" />
      {groups.map((g) => {
        const x = 10 + ((g.year - first) / span) * width;
        const h = 4 + (g.points.length / max) * 34;
        return (
          <rect
            key={g.year}
            x={x - 3}
            y={48 - h}
            width="6"
            height={h}
            rx="2"
            class={`bar kind-${g.points[0]!.kind}`}
            onClick={() => document.getElementById(`year-${g.year}`)?.scrollIntoView({ behavior: 'smooth' })}
          >
            <title>{plural('timeline.yearEvents', g.points.length, { year: g.year })}</title>
          </rect>
        );
      })}
      <text x="10" y="62" class="tick">
        {first}
      </text>
      <text x={width + 10} y="62" class="tick" text-anchor="end">
        {last}
      </text>
    </svg>
  );
}

/** The forum's history as a vertical timeline; each point links to its entry. */
export function Timeline({ points }: { points: readonly TimelinePoint[] }) {
  const { t, tag } = useT();
  return (
    <div class="timeline">
      <Overview points={points} />
      <ol class="years" aria-label={t('tabs.timeline')}>
        {byYear(points).map((g) => (
          <li key={g.year} class="year" id={`year-${g.year}`}>
            <h3 class="year-label">{g.year}</h3>
            <ol class="events">
              {g.points.map((p, i) => (
                <li key={`${p.termId}-${i}`} class={`event kind-${p.kind}`} data-term-id={p.termId}>
                  <span class="dot" aria-hidden="true" />
                  <time dateTime={p.date}>{shortDate(p.date, tag)}</time>
                  <a href={routeHash({ view: 'entry', id: p.termId })}>{p.label}</a>
                  <span class="event-entry">{p.name}</span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}
