/**
 * Hash routes of the side panel: deep links such as `#/entry/<id>`, `#/source/<id>` and
 * `#/notes` work, and the browser's back and forward buttons move between views.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'page' }
  | { view: 'glossary' }
  | { view: 'timeline' }
  | { view: 'sources' }
  | { view: 'notes' }
  | { view: 'source'; id: string; at?: number }
  | { view: 'entry'; id: string };

const SIMPLE = new Set(['page', 'glossary', 'timeline', 'sources', 'notes']);

/** Parses a location hash into a route; anything unknown opens "This page". */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [view, id, at] = parts;
  if (view === 'source' && id) {
    const n = Number(at);
    return at !== undefined && Number.isInteger(n) && n >= 0
      ? { view: 'source', id, at: n }
      : { view: 'source', id };
  }
  if (view === 'entry' && id) return { view: 'entry', id };
  if (view && SIMPLE.has(view)) return { view } as Route;
  return { view: 'page' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.view === 'source') {
    return `#/source/${encodeURIComponent(route.id)}${route.at !== undefined ? `/${route.at}` : ''}`;
  }
  return 'id' in route ? `#/${route.view}/${encodeURIComponent(route.id)}` : `#/${route.view}`;
}

/** The current route, following `hashchange`. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
