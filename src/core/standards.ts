import { OPEN_WEB_SITE_ID } from './pageTypes';
import type { PageType, Side } from './types';

/**
 * What each piece of open-standard evidence (read by readStandards.ts) counts for. On a site the extension
 * knows, a signal adds its weight to its side like any page signal. On a site it does not know, the
 * `community` weights decide whether the page is social at all: together at least `COMMUNITY_THRESHOLD`, and
 * the page's main content not an article, a recipe, a product or documentation (the labeling guide: a comment
 * section, reviews, embedded posts or share buttons do not make a page social). So only evidence that names a
 * discussion between members, a post on a social network or a federated profile can make a page social;
 * comments, videos and interaction counts only describe a page already known to be social.
 */
interface StandardSignal {
  /** `std.<what>`, as readStandards.ts reports it. */
  id: string;
  side: Side;
  weight: number;
  /** Plain words for the popup. */
  text: string;
  pageType?: PageType;
  /** How much this shows a community on a site the extension does not know, 0..1. */
  community: number;
}

const COMMUNITY_THRESHOLD = 0.5;
/**
 * One piece of evidence at least this strong is needed too: hints that every personal site or blog's author
 * page carries (an h-card, `rel="me"`, `og:type` profile, Yoast's ProfilePage) never add up to a community.
 */
const COMMUNITY_KEY_EVIDENCE = 0.3;

/** Types from schema.org, ActivityPub, WebFinger, microformats2 and Open Graph; sources in readStandards.ts. */
export const STANDARD_SIGNALS: readonly StandardSignal[] = [
  {
    id: 'std.forum-posting',
    side: 'networking',
    weight: 0.45,
    text: 'posts in a discussion between members',
    pageType: 'thread',
    community: 0.6,
  },
  {
    id: 'std.qa-page',
    side: 'networking',
    weight: 0.4,
    text: 'a question answered by members of a community',
    pageType: 'thread',
    community: 0.6,
  },
  {
    id: 'std.social-posting',
    side: 'media',
    weight: 0.3,
    text: 'a post shared on a social network',
    pageType: 'post',
    community: 0.6,
  },
  {
    id: 'std.activitypub',
    side: 'networking',
    weight: 0.1,
    text: 'a page of a federated social network that people on other servers can follow',
    community: 0.35,
  },
  {
    id: 'std.forum-feed',
    side: 'networking',
    weight: 0.15,
    text: "a forum's feed of new topics",
    pageType: 'forum',
    community: 0.35,
  },
  // Google's documentation of ProfilePage: for sites "where creators (either people or organizations) share
  // first-hand perspectives"; WordPress SEO plugins print it on authors' archives too, hence its small share.
  {
    id: 'std.profile-page',
    side: 'media',
    weight: 0.2,
    text: "a creator's profile page",
    pageType: 'creator-profile',
    community: 0.2,
  },
  {
    id: 'std.og-profile',
    side: 'media',
    weight: 0.15,
    text: 'a profile page',
    pageType: 'creator-profile',
    community: 0.15,
  },
  {
    id: 'std.webfinger',
    side: 'networking',
    weight: 0.05,
    text: 'an address people on other servers can follow (WebFinger)',
    community: 0.2,
  },
  {
    id: 'std.reply',
    side: 'networking',
    weight: 0.2,
    text: "a reply to another person's post",
    community: 0.2,
  },
  {
    id: 'std.h-feed',
    side: 'media',
    weight: 0.15,
    text: 'a stream of posts marked up for the social web',
    community: 0.15,
  },
  { id: 'std.h-card', side: 'networking', weight: 0.05, text: "a person's contact card", community: 0.05 },
  {
    id: 'std.rel-me',
    side: 'media',
    weight: 0.05,
    text: "links that confirm the owner's profiles elsewhere",
    community: 0.1,
  },
  { id: 'std.h-entry', side: 'media', weight: 0.05, text: 'a post marked up for the social web', community: 0.05 },
  { id: 'std.comments', side: 'networking', weight: 0.1, text: 'comments or replies from other people', community: 0 },
  {
    id: 'std.interactions',
    side: 'media',
    weight: 0.1,
    text: 'counts of likes, shares or follows',
    community: 0,
  },
  { id: 'std.live', side: 'media', weight: 0.3, text: 'a live broadcast', pageType: 'live', community: 0 },
  { id: 'std.video', side: 'media', weight: 0.25, text: 'a video', pageType: 'video', community: 0 },
  { id: 'std.og-video', side: 'media', weight: 0.2, text: 'a video page', pageType: 'video', community: 0 },
];

/** The page's main entity is content; its evidence never makes it social. */
export const CONTENT_SIGNAL = {
  id: 'std.content',
  text: 'its main content is an article, a recipe, a product or documentation',
} as const;

/** The pseudo-site of a community recognised from open standards alone: named by its host in the verdict. */
export const OPEN_WEB = { id: OPEN_WEB_SITE_ID, text: 'recognised from the open standards the page declares' } as const;

const byId = new Map(STANDARD_SIGNALS.map((signal) => [signal.id, signal]));

export interface CommunityEvidence {
  signals: StandardSignal[];
  /** The page type the strongest signal that names one gives. */
  pageType: PageType | null;
}

/**
 * The open-standard evidence that a page of a site the extension does not know is a community page, or null
 * when it is not enough (or the page is content with a comment section).
 */
export function communityEvidence(signalIds: readonly string[]): CommunityEvidence | null {
  if (signalIds.includes(CONTENT_SIGNAL.id)) return null;
  const signals = signalIds.map((id) => byId.get(id)).filter((s) => s !== undefined);
  const sum = signals.reduce((total, s) => total + s.community, 0);
  const key = Math.max(0, ...signals.map((s) => s.community));
  if (sum < COMMUNITY_THRESHOLD - 1e-9 || key < COMMUNITY_KEY_EVIDENCE) return null;
  const named = [...signals].sort((a, b) => b.weight - a.weight).find((s) => s.pageType);
  return { signals, pageType: named?.pageType ?? null };
}
