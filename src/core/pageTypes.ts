import type { PageType, Side } from './types';

interface PageTypeInfo {
  /** The side the guide gives this kind of page, or null where it is not a social activity. */
  side: Side | null;
  /** Plain words for the popup: what the user is looking at. */
  text: string;
}

/** The guide's "page types and their usual label" table, as data. */
export const PAGE_TYPE_INFO: Record<PageType, PageTypeInfo> = {
  feed: { side: 'media', text: 'a feed of posts picked for a broad audience' },
  'short-video': { side: 'media', text: 'short videos, one after another' },
  video: { side: 'media', text: 'a video watch page' },
  live: { side: 'media', text: 'a live stream' },
  stories: { side: 'media', text: 'stories' },
  explore: { side: 'media', text: 'explore and trending content' },
  search: { side: null, text: 'search results' },
  post: { side: 'media', text: 'a single post' },
  'creator-profile': { side: 'media', text: "a creator's profile or channel" },
  'person-profile': { side: 'networking', text: "a person's profile" },
  messages: { side: 'networking', text: 'direct messages' },
  connections: { side: 'networking', text: 'connections and requests' },
  group: { side: 'networking', text: 'a group or community' },
  thread: { side: 'networking', text: 'a discussion thread' },
  forum: { side: 'networking', text: 'a forum' },
  event: { side: 'networking', text: 'an event' },
  jobs: { side: 'networking', text: 'job search' },
  company: { side: 'networking', text: 'a company page' },
  notifications: { side: null, text: 'notifications' },
  marketplace: { side: null, text: 'a marketplace' },
  settings: { side: null, text: 'account settings' },
  info: { side: null, text: 'a sign-in, help or information page' },
  unknown: { side: null, text: 'a page of this site' },
};

/** Pages that are part of a social site but not a social activity: the popup says so. */
export function isActivityPage(pageType: PageType): boolean {
  return PAGE_TYPE_INFO[pageType].side !== null;
}

/**
 * Pages of a social site that the guide's table puts outside social activity ("marketplace, settings, help,
 * login, ads tools"): labelled `none` whatever the platform's lean, never `mixed`, and kept out of the balance.
 * Search and notifications are not among them: their pages show posts or conversations, which decide.
 */
export function isNeutralPage(pageType: PageType): boolean {
  return pageType === 'info' || pageType === 'settings' || pageType === 'marketplace';
}

/**
 * The reason a verdict carries when a known site's page showed none of the site's page signals and the address
 * named no page type (classify.ts); the popup says it on a line of its own.
 */
export const UNFAMILIAR_SIGNAL = 'unfamiliar-page';

/** The platform id of a community recognised from open standards alone (standards.ts), and its reason's signal. */
export const OPEN_WEB_SITE_ID = 'open-web';
