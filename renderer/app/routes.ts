import { useEffect, useState } from 'react';

/** The app's screens, addressed by hash routes so the same build works from file:// and from the preview. */
export type Route =
  | { name: 'sites' }
  | { name: 'site'; siteId: number }
  | { name: 'new-review'; siteId: number }
  | { name: 'site-compare'; siteId: number }
  | { name: 'review'; reviewId: number }
  | { name: 'consensus'; reviewId: number }
  | { name: 'visit-plan'; reviewId: number }
  | { name: 'report'; reviewId: number }
  | { name: 'action-plan'; reviewId: number }
  | { name: 'laptops'; reviewId: number }
  | { name: 'verify' }
  | { name: 'compare' }
  | { name: 'exchange' }
  | { name: 'settings' }
  | { name: 'trusted-signers' }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/' || path === '/sites') return { name: 'sites' };
  if (path === '/verify') return { name: 'verify' };
  if (path === '/compare') return { name: 'compare' };
  if (path === '/exchange') return { name: 'exchange' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/settings/trusted-signers') return { name: 'trusted-signers' };
  const site = /^\/sites\/([1-9]\d{0,15})$/.exec(path);
  if (site?.[1]) return { name: 'site', siteId: Number(site[1]) };
  const newReview = /^\/sites\/([1-9]\d{0,15})\/new-review$/.exec(path);
  if (newReview?.[1]) return { name: 'new-review', siteId: Number(newReview[1]) };
  const siteCompare = /^\/sites\/([1-9]\d{0,15})\/compare$/.exec(path);
  if (siteCompare?.[1]) return { name: 'site-compare', siteId: Number(siteCompare[1]) };
  const review = /^\/reviews\/([1-9]\d{0,15})(?:\/(consensus|plan|report|actions|laptops))?$/.exec(path);
  if (review?.[1]) {
    const reviewId = Number(review[1]);
    if (review[2] === 'consensus') return { name: 'consensus', reviewId };
    if (review[2] === 'plan') return { name: 'visit-plan', reviewId };
    if (review[2] === 'report') return { name: 'report', reviewId };
    if (review[2] === 'actions') return { name: 'action-plan', reviewId };
    if (review[2] === 'laptops') return { name: 'laptops', reviewId };
    return { name: 'review', reviewId };
  }
  return { name: 'not-found' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'sites':
      return '#/sites';
    case 'site':
      return `#/sites/${route.siteId}`;
    case 'new-review':
      return `#/sites/${route.siteId}/new-review`;
    case 'site-compare':
      return `#/sites/${route.siteId}/compare`;
    case 'review':
      return `#/reviews/${route.reviewId}`;
    case 'consensus':
      return `#/reviews/${route.reviewId}/consensus`;
    case 'visit-plan':
      return `#/reviews/${route.reviewId}/plan`;
    case 'report':
      return `#/reviews/${route.reviewId}/report`;
    case 'action-plan':
      return `#/reviews/${route.reviewId}/actions`;
    case 'laptops':
      return `#/reviews/${route.reviewId}/laptops`;
    case 'verify':
      return '#/verify';
    case 'compare':
      return '#/compare';
    case 'exchange':
      return '#/exchange';
    case 'settings':
      return '#/settings';
    case 'trusted-signers':
      return '#/settings/trusted-signers';
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
