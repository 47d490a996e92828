import type { Label, PageType, Verdict } from '../core/types';

const LABEL_NAME: Record<Label, string> = {
  media: 'Social media',
  networking: 'Social networking',
  mixed: 'Social media and networking',
  none: 'Not a social page',
};

/** Short nouns for one-line summaries ("Social networking: connection requests on LinkedIn"). */
const PAGE_NOUN: Record<PageType, string> = {
  feed: 'the feed',
  'short-video': 'short videos',
  video: 'a video',
  live: 'a live stream',
  stories: 'stories',
  explore: 'explore and trending',
  search: 'search',
  post: 'a post',
  'creator-profile': 'a creator profile',
  'person-profile': "a person's profile",
  messages: 'messages',
  connections: 'connection requests',
  group: 'a group',
  thread: 'a discussion',
  forum: 'a forum',
  event: 'an event',
  jobs: 'jobs',
  company: 'a company page',
  notifications: 'notifications',
  marketplace: 'the marketplace',
  settings: 'settings',
  info: 'an information page',
  unknown: 'a page',
};

/** One sentence for the toolbar tooltip. */
export function describeVerdict(verdict: Verdict): string {
  const name = LABEL_NAME[verdict.label];
  if (!verdict.platform) return name;
  return `${name}: ${PAGE_NOUN[verdict.pageType]} on ${verdict.platform.name}`;
}
