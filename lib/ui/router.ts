/**
 * Hash routes of the side panel: deep links such as `#/source/<id>` work, and the browser's
 * back and forward buttons move between views.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'page' }
  | { view: 'sources' }
  | { view: 'source'; id: string }
  | { view: 'glossary' }
  | { view: 'entry'; id: string };

/** Parses a location hash into a route; anything unknown opens "On this page". */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [view, id] = parts;
  if (view === 'source' && id) return { view: 'source', id };
  if (view === 'entry' && id) return { view: 'entry', id };
  if (view === 'glossary') return { view: 'glossary' };
  if (view === 'sources') return { view: 'sources' };
  return { view: 'page' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
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
