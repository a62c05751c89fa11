import { useEffect, useState } from 'react';

/** The app's screens, addressed by hash routes so the same build works from file:// and from the preview. */
export type Route = { name: 'sites' } | { name: 'site'; siteId: number } | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/' || path === '/sites') return { name: 'sites' };
  const site = /^\/sites\/([1-9]\d{0,15})$/.exec(path);
  if (site?.[1]) return { name: 'site', siteId: Number(site[1]) };
  return { name: 'not-found' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'sites':
      return '#/sites';
    case 'site':
      return `#/sites/${route.siteId}`;
    case 'not-found':
      return '#/';
  }
}

/** The current route; follows hashchange (links, back and forward). */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
