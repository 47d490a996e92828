import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { communities } from '../../src/core/communities';
import { platforms } from '../../src/core/platforms';
import type { PageType, PlatformDefinition } from '../../src/core/types';
import { PAGE_TYPES } from '../../src/core/types';
import { ruleMatches } from '../../src/core/urlRules';

const PLATFORMS_DIR = join(import.meta.dirname, '../../src/core/platforms');
const REAL_PAGES = join(import.meta.dirname, '../../../shared/fixtures/real-pages');
const MAX_SIGNALS = 8;

const files = readdirSync(PLATFORMS_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -'.ts'.length));

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function platformFor(url: URL): PlatformDefinition | null {
  const hostname = url.hostname.toLowerCase();
  const domain = getDomain(hostname);
  const platform = platforms.find((p) => domain !== null && p.domains.includes(domain));
  if (!platform) return null;
  return !platform.hosts || platform.hosts.includes(hostname) ? platform : null;
}

/** Index of the first matching rule, or -1. */
function firstRule(platform: PlatformDefinition, url: URL): number {
  return platform.urlRules.findIndex((rule) => ruleMatches(rule, url));
}

function pageTypeOf(platform: PlatformDefinition, url: URL): PageType {
  const at = firstRule(platform, url);
  return at >= 0 ? (platform.urlRules[at]?.pageType ?? 'unknown') : (platform.fallbackPageType ?? 'unknown');
}

/**
 * Sample URLs per platform with the page type the first matching rule gives. Together they hit every rule of
 * every platform, which is how the tests prove each rule reachable. `null`: the URL is not a social page at all.
 */
const SAMPLES: Record<string, Array<[string, PageType | null]>> = {
  facebook: [
    ['https://fb.watch/abc123/', 'video'],
    ['https://www.facebook.com/?filter=groups&sk=h_chr', 'group'],
    ['https://www.facebook.com/', 'feed'],
    ['https://m.facebook.com/home.php', 'feed'],
    ['https://www.facebook.com/messages/t/1234567890', 'messages'],
    ['https://www.facebook.com/friends/requests', 'connections'],
    ['https://www.facebook.com/profile.php?id=100004&sk=friends', 'connections'],
    ['https://www.facebook.com/groups/123456/posts/789012/', 'thread'],
    ['https://www.facebook.com/groups/cats/permalink/789012/', 'thread'],
    ['https://www.facebook.com/groups/feed/', 'group'],
    ['https://m.facebook.com/groups/117507531664134/', 'group'],
    ['https://web.facebook.com/events/123456/', 'event'],
    ['https://www.facebook.com/marketplace/item/123456/', 'marketplace'],
    ['https://www.facebook.com/commerce/listing/123/', 'marketplace'],
    ['https://www.facebook.com/reel/123456789', 'short-video'],
    ['https://www.facebook.com/watch/live/?ref=watch', 'live'],
    ['https://www.facebook.com/watch/?v=123456', 'video'],
    ['https://www.facebook.com/stories/123456/', 'stories'],
    ['https://www.facebook.com/share/g/AbCdEf/', 'group'],
    ['https://www.facebook.com/share/p/AbCdEf/', 'post'],
    ['https://www.facebook.com/story.php?story_fbid=1&id=2', 'post'],
    ['https://www.facebook.com/hashtag/cats', 'explore'],
    ['https://www.facebook.com/notifications', 'notifications'],
    ['https://www.facebook.com/search/top?q=cats', 'search'],
    ['https://www.facebook.com/privacy/policy/', 'info'],
    ['https://www.facebook.com/settings/?tab=account', 'settings'],
    ['https://www.facebook.com/login/', 'info'],
    ['https://www.facebook.com/plugins/post.php?href=x', 'info'],
    ['https://www.facebook.com/profile.php?id=100004', 'person-profile'],
    ['https://www.facebook.com/people/Jane-Doe/100004/', 'person-profile'],
    ['https://www.facebook.com/confirmemail.php', 'info'],
    ['https://www.facebook.com/pages/Some-Page/123456', 'creator-profile'],
    ['https://www.facebook.com/pages/?category=your_pages', 'info'],
    ['https://www.facebook.com/nasa/posts/pfbid02abc', 'post'],
    ['https://www.facebook.com/nasa/videos/123456/', 'video'],
    ['https://www.facebook.com/zuck/friends', 'connections'],
    ['https://www.facebook.com/zuck', 'person-profile'],
    ['https://www.fb.com/jane.doe.5/about', 'person-profile'],
    ['https://www.facebook.com.evil.example/groups/1/', null],
  ],
  messenger: [
    ['https://www.messenger.com/login/', 'info'],
    ['https://www.messenger.com/t/1234567890', 'messages'],
    ['https://www.messenger.com/e2ee/t/1234567890', 'messages'],
    ['https://www.messenger.com/', 'messages'],
    ['https://www.messenger.com/something-new', 'messages'],
  ],
  instagram: [
    ['https://www.instagram.com/', 'feed'],
    ['https://www.instagram.com/explore/people/', 'connections'],
    ['https://www.instagram.com/explore/tags/cats/', 'explore'],
    ['https://www.instagram.com/reels/', 'short-video'],
    ['https://www.instagram.com/reel/C1a2b3/', 'short-video'],
    ['https://www.instagram.com/natgeo/reel/C1a2b3/', 'short-video'],
    ['https://www.instagram.com/stories/natgeo/123456/', 'stories'],
    ['https://www.instagram.com/p/C1a2b3/', 'post'],
    ['https://www.instagram.com/natgeo/p/C1a2b3/', 'post'],
    ['https://www.instagram.com/direct/inbox/', 'messages'],
    ['https://www.instagram.com/accounts/activity/', 'notifications'],
    ['https://www.instagram.com/accounts/login/', 'info'],
    ['https://www.instagram.com/accounts/edit/', 'settings'],
    ['https://www.instagram.com/legal/privacy/', 'info'],
    ['https://www.instagram.com/natgeo/followers/', 'connections'],
    ['https://www.instagram.com/pluto__travel/', 'creator-profile'],
    ['https://www.instagram.com/natgeo/tagged/', 'creator-profile'],
  ],
  tiktok: [
    ['https://vm.tiktok.com/ZMabc123/', 'short-video'],
    ['https://www.tiktok.com/', 'feed'],
    ['https://www.tiktok.com/foryou', 'feed'],
    ['https://www.tiktok.com/following', 'feed'],
    ['https://www.tiktok.com/messages?lang=en', 'messages'],
    ['https://www.tiktok.com/@illojuan/live', 'live'],
    ['https://www.tiktok.com/live', 'live'],
    ['https://www.tiktok.com/@illojuan/video/7571863205253778710', 'short-video'],
    ['https://www.tiktok.com/@illojuan/photo/7571863205253778710', 'post'],
    ['https://www.tiktok.com/t/ZT8abc/', 'short-video'],
    ['https://www.tiktok.com/@illojuan', 'creator-profile'],
    ['https://www.tiktok.com/tag/cats', 'explore'],
    ['https://www.tiktok.com/music/song-123', 'explore'],
    ['https://www.tiktok.com/explore', 'explore'],
    ['https://www.tiktok.com/search?q=cats', 'search'],
    ['https://www.tiktok.com/setting', 'settings'],
    ['https://www.tiktok.com/login', 'info'],
    ['https://www.tiktok.com/embed/v2/7571863205253778710', 'info'],
  ],
  x: [
    ['https://x.com/home', 'feed'],
    ['https://x.com/i/flow/login', 'info'],
    ['https://x.com/messages', 'messages'],
    ['https://x.com/i/chat/123-456', 'messages'],
    ['https://x.com/i/communities/1234567890', 'group'],
    ['https://x.com/jack/communities/explore', 'group'],
    ['https://x.com/realDonaldTrump/status/1222907250383245320', 'post'],
    ['https://twitter.com/i/web/status/1222907250383245320', 'post'],
    ['https://x.com/explore/tabs/trending', 'explore'],
    ['https://x.com/hashtag/cats', 'explore'],
    ['https://x.com/search?q=cats', 'search'],
    ['https://x.com/notifications', 'notifications'],
    ['https://x.com/settings/account', 'settings'],
    ['https://x.com/i/spaces/1abcdEFG', 'live'],
    ['https://x.com/i/lists/123456', 'feed'],
    ['https://x.com/i/bookmarks', 'feed'],
    ['https://x.com/i/connect_people', 'connections'],
    ['https://x.com/jack/followers', 'connections'],
    ['https://x.com/jobs', 'jobs'],
    ['https://x.com/compose/post', 'post'],
    ['https://x.com/login', 'info'],
    ['https://x.com/', 'info'],
    ['https://x.com/i/some_new_page', 'unknown'],
    ['https://x.com/jack', 'creator-profile'],
    ['https://mobile.twitter.com/jack/media', 'creator-profile'],
    ['https://t.co/abc123', null],
  ],
  youtube: [
    ['https://youtu.be/hwMkbaS_M_c', 'video'],
    ['https://studio.youtube.com/channel/UC123', 'info'],
    ['https://music.youtube.com/watch?v=abc', 'info'],
    ['https://www.youtube.com/', 'feed'],
    ['https://m.youtube.com/', 'feed'],
    ['https://www.youtube.com/watch?v=hwMkbaS_M_c', 'video'],
    ['https://www.youtube.com/shorts/abc123', 'short-video'],
    ['https://www.youtube.com/live/abc123', 'live'],
    ['https://www.youtube.com/@nasa/live', 'live'],
    ['https://www.youtube.com/feed/subscriptions', 'feed'],
    ['https://www.youtube.com/playlist?list=PL123', 'feed'],
    ['https://www.youtube.com/feed/trending', 'explore'],
    ['https://www.youtube.com/gaming', 'explore'],
    ['https://www.youtube.com/results?search_query=cats', 'search'],
    ['https://www.youtube.com/post/UgkxAbc', 'post'],
    ['https://www.youtube.com/@nasa', 'creator-profile'],
    ['https://www.youtube.com/channel/UC123/videos', 'creator-profile'],
    ['https://www.youtube.com/c/SomeName', 'creator-profile'],
    ['https://www.youtube.com/account', 'settings'],
    ['https://www.youtube.com/feed/history', 'info'],
    ['https://www.youtube.com/embed/hwMkbaS_M_c', 'info'],
    ['https://www.youtube-nocookie.com/embed/hwMkbaS_M_c', null],
  ],
  linkedin: [
    ['https://www.linkedin.com/feed/', 'feed'],
    ['https://www.linkedin.com/posts/someone_title-activity-123-abcd', 'post'],
    ['https://www.linkedin.com/pulse/some-article-jane-doe', 'post'],
    ['https://www.linkedin.com/mynetwork/invitation-manager/received/', 'connections'],
    ['https://www.linkedin.com/messaging/thread/2-abc/', 'messages'],
    ['https://www.linkedin.com/in/jane-doe/', 'person-profile'],
    ['https://www.linkedin.com/groups/123456/', 'group'],
    ['https://www.linkedin.com/events/123456/', 'event'],
    ['https://www.linkedin.com/jobs/', 'jobs'],
    ['https://uk.linkedin.com/company/audiense', 'company'],
    ['https://www.linkedin.com/notifications/', 'notifications'],
    ['https://www.linkedin.com/search/results/all/?keywords=x', 'search'],
    ['https://www.linkedin.com/mypreferences/d/categories/account', 'settings'],
    ['https://www.linkedin.com/login', 'info'],
    ['https://www.linkedin.com/', 'info'],
  ],
  reddit: [
    ['https://i.redd.it/abc123.jpg', 'post'],
    ['https://redd.it/axtih6', 'thread'],
    ['https://chat.reddit.com/room/abc', 'messages'],
    ['https://www.reddit.com/', 'feed'],
    ['https://old.reddit.com/top/', 'feed'],
    ['https://www.reddit.com/r/popular/', 'feed'],
    ['https://np.reddit.com/r/all/new/', 'feed'],
    ['https://www.reddit.com/r/AskReddit/comments/axtih6/what_is_the_most_worth_it_item/', 'thread'],
    ['https://www.reddit.com/comments/axtih6/', 'thread'],
    ['https://www.reddit.com/r/lotus/s/AbCdEf', 'thread'],
    ['https://www.reddit.com/message/inbox/', 'messages'],
    ['https://www.reddit.com/chat', 'messages'],
    ['https://www.reddit.com/user/someone/m/multi/', 'feed'],
    ['https://www.reddit.com/user/spez/', 'creator-profile'],
    ['https://new.reddit.com/u/spez', 'creator-profile'],
    ['https://www.reddit.com/r/lotus/', 'group'],
    ['https://www.reddit.com/r/lotus/wiki/index', 'group'],
    ['https://www.reddit.com/domain/example.com/', 'feed'],
    ['https://www.reddit.com/live/abc123', 'live'],
    ['https://www.reddit.com/subreddits/', 'explore'],
    ['https://www.reddit.com/search/?q=cats', 'search'],
    ['https://www.reddit.com/notifications', 'notifications'],
    ['https://www.reddit.com/settings/profile', 'settings'],
    ['https://www.reddit.com/submit', 'post'],
    ['https://www.reddit.com/login/', 'info'],
  ],
  pinterest: [
    ['https://pin.it/AbC123', 'post'],
    ['https://www.pinterest.com/', 'feed'],
    ['https://www.pinterest.com/pin/123456789/', 'post'],
    ['https://www.pinterest.de/pin/123456789/', 'post'],
    ['https://www.pinterest.com.au/ideas/', 'explore'],
    ['https://www.pinterest.com/search/pins/?q=cats', 'search'],
    ['https://www.pinterest.com/notifications/', 'notifications'],
    ['https://www.pinterest.com/settings/', 'settings'],
    ['https://www.pinterest.com/_/_/graphql/', 'info'],
    ['https://www.pinterest.com/login/', 'info'],
    ['https://www.pinterest.co.uk/someone/', 'creator-profile'],
    ['https://www.pinterest.com/someone/_saved/', 'creator-profile'],
    ['https://www.pinterest.com/someone/recipes/', 'feed'],
  ],
  snapchat: [
    ['https://web.snapchat.com/', 'messages'],
    ['https://map.snapchat.com/', 'explore'],
    ['https://story.snapchat.com/p/abc/123', 'stories'],
    ['https://accounts.snapchat.com/accounts/login', 'info'],
    ['https://www.snapchat.com/spotlight/W7_abc', 'short-video'],
    ['https://www.snapchat.com/en-GB/spotlight/W7_abc', 'short-video'],
    ['https://www.snapchat.com/web/abc', 'messages'],
    ['https://www.snapchat.com/discover/some-show/123', 'explore'],
    ['https://www.snapchat.com/add/someone', 'person-profile'],
    ['https://www.snapchat.com/@someone', 'creator-profile'],
    ['https://www.snapchat.com/', 'info'],
    ['https://www.snapchat.com/download', 'info'],
  ],
  threads: [
    ['https://www.threads.com/', 'feed'],
    ['https://www.threads.com/@zuck/post/C1a2b3', 'post'],
    ['https://www.threads.net/@zuck', 'creator-profile'],
    ['https://www.threads.com/search?q=cats', 'search'],
    ['https://www.threads.com/activity', 'notifications'],
    ['https://www.threads.com/settings', 'settings'],
    ['https://www.threads.com/login', 'info'],
  ],
  bluesky: [
    ['https://bsky.app/', 'feed'],
    ['https://bsky.app/video-feed', 'feed'],
    ['https://bsky.app/messages/abc123', 'messages'],
    ['https://bsky.app/profile/jay.bsky.team/post/3abc', 'post'],
    ['https://bsky.app/profile/bsky.app/feed/whats-hot', 'feed'],
    ['https://bsky.app/profile/jay.bsky.team/followers', 'connections'],
    ['https://bsky.app/profile/jay.bsky.team', 'creator-profile'],
    ['https://bsky.app/starter-pack/jay.bsky.team/3abc', 'connections'],
    ['https://bsky.app/search?q=cats', 'search'],
    ['https://bsky.app/feeds', 'explore'],
    ['https://bsky.app/hashtag/cats', 'explore'],
    ['https://bsky.app/notifications', 'notifications'],
    ['https://bsky.app/settings', 'settings'],
    ['https://bsky.app/support/tos', 'info'],
  ],
  tumblr: [
    ['https://www.tumblr.com/dashboard', 'feed'],
    ['https://www.tumblr.com/', 'feed'],
    ['https://www.tumblr.com/messaging', 'messages'],
    ['https://www.tumblr.com/explore/trending', 'explore'],
    ['https://www.tumblr.com/tagged/cats', 'explore'],
    ['https://www.tumblr.com/search/cats', 'search'],
    ['https://www.tumblr.com/communities/knitting', 'group'],
    ['https://www.tumblr.com/following', 'connections'],
    ['https://www.tumblr.com/settings/account', 'settings'],
    ['https://www.tumblr.com/new/text', 'post'],
    ['https://www.tumblr.com/login', 'info'],
    ['https://www.tumblr.com/staff/123456789', 'post'],
    ['https://www.tumblr.com/staff', 'creator-profile'],
    ['https://staff.tumblr.com/post/123456789/some-slug', 'post'],
    ['https://staff.tumblr.com/', 'creator-profile'],
    ['https://staff.tumblr.com/tagged/news', 'creator-profile'],
  ],
  quora: [
    ['https://www.quora.com/', 'feed'],
    ['https://www.quora.com/answer', 'forum'],
    ['https://www.quora.com/messages', 'messages'],
    ['https://www.quora.com/notifications', 'notifications'],
    ['https://www.quora.com/profile/Jane-Doe', 'person-profile'],
    ['https://www.quora.com/topic/Science', 'explore'],
    ['https://www.quora.com/spaces', 'group'],
    ['https://www.quora.com/search?q=cats', 'search'],
    ['https://www.quora.com/settings', 'settings'],
    ['https://www.quora.com/about/tos', 'info'],
    ['https://www.quora.com/What-is-love', 'thread'],
    ['https://www.quora.com/What-is-love/answer/Jane-Doe', 'thread'],
  ],
  discord: [
    ['https://discord.gg/abcdef', 'group'],
    ['https://discord.com/channels/@me', 'messages'],
    ['https://discordapp.com/channels/@me/123456', 'messages'],
    ['https://discord.com/channels/123456/789012', 'group'],
    ['https://discord.com/invite/abcdef', 'group'],
    ['https://discord.com/events/123/456', 'event'],
    ['https://discord.com/', 'info'],
    ['https://discord.com/download', 'info'],
  ],
  whatsapp: [
    ['https://web.whatsapp.com/', 'messages'],
    ['https://web.whatsapp.com/send?phone=123', 'messages'],
    ['https://www.whatsapp.com/', null],
    ['https://whatsapp.com/download', null],
  ],
  telegram: [
    ['https://web.telegram.org/k/#@durov', 'messages'],
    ['https://t.me/+AbCdEf123', 'group'],
    ['https://t.me/joinchat/AbCdEf', 'group'],
    ['https://t.me/addstickers/cats', 'info'],
    ['https://t.me/c/123456/78', 'messages'],
    ['https://t.me/durov/123', 'post'],
    ['https://t.me/s/durov/123', 'post'],
    ['https://t.me/durov', 'creator-profile'],
    ['https://telegram.me/durov', 'creator-profile'],
    ['https://telegram.org/', null],
  ],
  twitch: [
    ['https://clips.twitch.tv/FunnyClipName', 'video'],
    ['https://player.twitch.tv/?channel=someone', 'info'],
    ['https://www.twitch.tv/', 'feed'],
    ['https://www.twitch.tv/following', 'feed'],
    ['https://www.twitch.tv/directory/category/just-chatting', 'explore'],
    ['https://www.twitch.tv/search?term=cats', 'search'],
    ['https://www.twitch.tv/videos/123456', 'video'],
    ['https://www.twitch.tv/someone/clip/FunnyClipName', 'video'],
    ['https://www.twitch.tv/popout/someone/chat', 'live'],
    ['https://www.twitch.tv/settings/profile', 'settings'],
    ['https://www.twitch.tv/p/en/legal/terms-of-service/', 'info'],
    ['https://www.twitch.tv/someone/videos', 'creator-profile'],
    ['https://www.twitch.tv/someone', 'live'],
  ],
  meetup: [
    ['https://www.meetup.com/', 'info'],
    ['https://www.meetup.com/home/', 'event'],
    ['https://www.meetup.com/find/?keywords=hiking', 'search'],
    ['https://www.meetup.com/members/123456/', 'person-profile'],
    ['https://www.meetup.com/messages/', 'messages'],
    ['https://www.meetup.com/notifications/', 'notifications'],
    ['https://www.meetup.com/account/', 'settings'],
    ['https://www.meetup.com/login/', 'info'],
    ['https://www.meetup.com/ny-tech/events/123456/', 'event'],
    ['https://www.meetup.com/ny-tech/members/123456/', 'person-profile'],
    ['https://www.meetup.com/ny-tech/', 'group'],
  ],
  nextdoor: [
    ['https://nextdoor.com/', 'info'],
    ['https://nextdoor.com/news_feed/', 'feed'],
    ['https://nextdoor.com/p/AbCdEf', 'thread'],
    ['https://nextdoor.com/messages/', 'messages'],
    ['https://nextdoor.com/g/abc/', 'group'],
    ['https://nextdoor.co.uk/neighborhood/some-place--london--eng/', 'group'],
    ['https://nextdoor.com/for_sale_and_free/', 'marketplace'],
    ['https://nextdoor.com/events/', 'event'],
    ['https://nextdoor.com/profile/abc/', 'person-profile'],
    ['https://nextdoor.com/pages/acme-plumbing/', 'company'],
    ['https://nextdoor.com/notifications/', 'notifications'],
    ['https://nextdoor.com/settings/', 'settings'],
    ['https://nextdoor.com/search/?query=plumber', 'search'],
    ['https://nextdoor.com/login/', 'info'],
  ],
  xing: [
    ['https://www.xing.com/', 'info'],
    ['https://www.xing.com/news', 'feed'],
    ['https://www.xing.com/chats', 'messages'],
    ['https://www.xing.com/profile/Jane_Doe', 'person-profile'],
    ['https://www.xing.com/contacts/contacts', 'connections'],
    ['https://www.xing.com/jobs/search', 'jobs'],
    ['https://www.xing.com/pages/acme', 'company'],
    ['https://www.xing.com/communities/groups/some-group', 'group'],
    ['https://www.xing.com/events/some-event-123', 'event'],
    ['https://www.xing.com/notifications', 'notifications'],
    ['https://www.xing.com/settings', 'settings'],
    ['https://www.xing.com/search/members?keywords=x', 'search'],
    ['https://login.xing.com/login', 'info'],
  ],
  vk: [
    ['https://vkvideo.ru/@somechannel', 'creator-profile'],
    ['https://vkvideo.ru/video-123_456', 'video'],
    ['https://vk.com/', 'info'],
    ['https://vk.com/feed?section=notifications', 'notifications'],
    ['https://vk.ru/feed', 'feed'],
    ['https://vk.com/im?sel=1', 'messages'],
    ['https://vk.com/friends', 'connections'],
    ['https://vk.com/clips', 'short-video'],
    ['https://vk.com/clip-123_456', 'short-video'],
    ['https://vk.com/video-123_456', 'video'],
    ['https://vk.com/wall-123_456', 'post'],
    ['https://vk.com/event123', 'event'],
    ['https://vk.com/club123', 'group'],
    ['https://vk.com/groups', 'group'],
    ['https://vk.com/public123', 'creator-profile'],
    ['https://vk.com/market', 'marketplace'],
    ['https://vk.com/search?c=x', 'search'],
    ['https://vk.com/settings', 'settings'],
    ['https://vk.com/login', 'info'],
    ['https://vk.com/id1', 'person-profile'],
    ['https://vk.com/durov', 'person-profile'],
  ],
  weibo: [
    ['https://s.weibo.com/weibo?q=cats', 'search'],
    ['https://passport.weibo.com/visitor/visitor', 'info'],
    ['https://api.weibo.com/chat/', 'messages'],
    ['https://weibo.com/', 'feed'],
    ['https://weibo.com/hot/weibo/102803', 'explore'],
    ['https://weibo.com/messages', 'messages'],
    ['https://m.weibo.cn/status/123456', 'post'],
    ['https://weibo.com/1234567/AbCdEf', 'post'],
    ['https://weibo.com/u/1234567', 'creator-profile'],
    ['https://m.weibo.cn/profile/1234567', 'creator-profile'],
    ['https://weibo.com/set/index', 'settings'],
    ['https://weibo.com/about', 'info'],
    ['https://weibo.com/somevanity', 'creator-profile'],
  ],
  douyin: [
    ['https://v.douyin.com/AbCdEf/', 'short-video'],
    ['https://live.douyin.com/123456', 'live'],
    ['https://www.douyin.com/', 'feed'],
    ['https://www.douyin.com/jingxuan', 'feed'],
    ['https://www.douyin.com/video/7123456789', 'short-video'],
    ['https://www.douyin.com/note/7123456789', 'post'],
    ['https://www.douyin.com/user/MS4wLjABAAAA', 'creator-profile'],
    ['https://www.douyin.com/search/cats', 'search'],
    ['https://www.douyin.com/hot', 'explore'],
  ],
  bilibili: [
    ['https://b23.tv/AbCdEf', 'video'],
    ['https://live.bilibili.com/123456', 'live'],
    ['https://space.bilibili.com/123456', 'creator-profile'],
    ['https://message.bilibili.com/', 'messages'],
    ['https://t.bilibili.com/123456789', 'post'],
    ['https://t.bilibili.com/', 'feed'],
    ['https://search.bilibili.com/all?keyword=cats', 'search'],
    ['https://account.bilibili.com/account/home', 'settings'],
    ['https://passport.bilibili.com/login', 'info'],
    ['https://www.bilibili.com/', 'feed'],
    ['https://www.bilibili.com/video/BV1xx411c7mD', 'video'],
    ['https://www.bilibili.com/opus/123456', 'post'],
    ['https://www.bilibili.com/read/cv123456', 'post'],
    ['https://www.bilibili.com/v/popular/all', 'explore'],
  ],
  vimeo: [
    ['https://player.vimeo.com/video/76979871', 'info'],
    ['https://vimeo.com/', 'info'],
    ['https://vimeo.com/home', 'feed'],
    ['https://vimeo.com/76979871', 'video'],
    ['https://vimeo.com/messages', 'messages'],
    ['https://vimeo.com/channels/staffpicks/76979871', 'video'],
    ['https://vimeo.com/groups/shortfilms', 'group'],
    ['https://vimeo.com/watch', 'explore'],
    ['https://vimeo.com/channels/staffpicks', 'explore'],
    ['https://vimeo.com/search?q=cats', 'search'],
    ['https://vimeo.com/settings', 'settings'],
    ['https://vimeo.com/log_in', 'info'],
    ['https://vimeo.com/user123/456789', 'video'],
    ['https://vimeo.com/user123', 'creator-profile'],
    ['https://vimeo.com/someone/videos', 'creator-profile'],
  ],
  flickr: [
    ['https://flic.kr/p/AbCdEf', 'post'],
    ['https://www.flickr.com/', 'feed'],
    ['https://www.flickr.com/photos/friends/', 'feed'],
    ['https://www.flickr.com/explore', 'explore'],
    ['https://www.flickr.com/photos/tags/cats', 'explore'],
    ['https://www.flickr.com/search/?text=cats', 'search'],
    ['https://www.flickr.com/photos/upload/', 'info'],
    ['https://www.flickr.com/account', 'settings'],
    ['https://www.flickr.com/mail', 'messages'],
    ['https://www.flickr.com/groups/cats/discuss/123456/', 'thread'],
    ['https://www.flickr.com/groups/cats/', 'group'],
    ['https://www.flickr.com/people/someone/contacts/', 'connections'],
    ['https://www.flickr.com/photos/someone/123456/', 'post'],
    ['https://www.flickr.com/photos/someone/', 'creator-profile'],
  ],
  deviantart: [
    ['https://www.deviantart.com/', 'feed'],
    ['https://www.deviantart.com/watch/deviations', 'feed'],
    ['https://www.deviantart.com/notifications', 'notifications'],
    ['https://www.deviantart.com/notes/', 'messages'],
    ['https://www.deviantart.com/daily-deviations', 'explore'],
    ['https://www.deviantart.com/search?q=cats', 'search'],
    ['https://www.deviantart.com/settings', 'settings'],
    ['https://www.deviantart.com/users/login', 'info'],
    ['https://www.deviantart.com/someartist/art/Title-123456', 'post'],
    ['https://www.deviantart.com/someartist', 'creator-profile'],
    ['https://www.deviantart.com/someartist/gallery', 'creator-profile'],
  ],
  behance: [
    ['https://www.behance.net/', 'feed'],
    ['https://www.behance.net/gallery/123456/Some-Project', 'post'],
    ['https://www.behance.net/galleries/graphic-design', 'explore'],
    ['https://www.behance.net/search/projects?search=cats', 'search'],
    ['https://www.behance.net/joblist', 'jobs'],
    ['https://www.behance.net/live', 'live'],
    ['https://www.behance.net/videos', 'video'],
    ['https://www.behance.net/messages', 'messages'],
    ['https://www.behance.net/account/settings', 'settings'],
    ['https://www.behance.net/about', 'info'],
    ['https://www.behance.net/someone', 'creator-profile'],
  ],
  dribbble: [
    ['https://dribbble.com/', 'feed'],
    ['https://dribbble.com/following', 'feed'],
    ['https://dribbble.com/shots/123456-Some-Shot', 'post'],
    ['https://dribbble.com/shots/popular', 'explore'],
    ['https://dribbble.com/search/cats', 'search'],
    ['https://dribbble.com/designers', 'jobs'],
    ['https://dribbble.com/messages', 'messages'],
    ['https://dribbble.com/account/profile', 'settings'],
    ['https://dribbble.com/session/new', 'info'],
    ['https://dribbble.com/someone', 'creator-profile'],
  ],
  goodreads: [
    ['https://www.goodreads.com/', 'feed'],
    ['https://www.goodreads.com/user/sign_in', 'info'],
    ['https://www.goodreads.com/user/edit', 'settings'],
    ['https://www.goodreads.com/user/show/123-jane', 'person-profile'],
    ['https://www.goodreads.com/review/list/123-jane', 'person-profile'],
    ['https://www.goodreads.com/author/show/123.Some_Author', 'creator-profile'],
    ['https://www.goodreads.com/review/show/123456', 'post'],
    ['https://www.goodreads.com/book/show/1.Some_Title', 'post'],
    ['https://www.goodreads.com/topic/show/123-a-topic', 'thread'],
    ['https://www.goodreads.com/group/show/1-some-group', 'group'],
    ['https://www.goodreads.com/message/inbox', 'messages'],
    ['https://www.goodreads.com/friend', 'connections'],
    ['https://www.goodreads.com/event', 'event'],
    ['https://www.goodreads.com/genres/fiction', 'explore'],
    ['https://www.goodreads.com/search?q=dune', 'search'],
    ['https://www.goodreads.com/notifications', 'notifications'],
  ],
  letterboxd: [
    ['https://boxd.it/AbCd', 'post'],
    ['https://letterboxd.com/', 'feed'],
    ['https://letterboxd.com/activity/', 'feed'],
    ['https://letterboxd.com/films/popular/', 'explore'],
    ['https://letterboxd.com/film/parasite-2019/', 'post'],
    ['https://letterboxd.com/search/parasite/', 'search'],
    ['https://letterboxd.com/settings/', 'settings'],
    ['https://letterboxd.com/sign-in/', 'info'],
    ['https://letterboxd.com/someone/following/', 'connections'],
    ['https://letterboxd.com/someone/film/parasite-2019/', 'post'],
    ['https://letterboxd.com/someone/list/best-of-2024/', 'post'],
    ['https://letterboxd.com/someone/', 'creator-profile'],
    ['https://letterboxd.com/someone/diary/', 'creator-profile'],
  ],
  strava: [
    ['https://support.strava.com/hc/en-us', 'info'],
    ['https://www.strava.com/', 'info'],
    ['https://www.strava.com/dashboard', 'feed'],
    ['https://www.strava.com/activities/123456', 'post'],
    ['https://www.strava.com/athletes/123/follows?type=followers', 'connections'],
    ['https://www.strava.com/athletes/123', 'person-profile'],
    ['https://www.strava.com/clubs/some-club/group_events/123', 'event'],
    ['https://www.strava.com/clubs/some-club', 'group'],
    ['https://www.strava.com/segments/123', 'explore'],
    ['https://www.strava.com/notifications', 'notifications'],
    ['https://www.strava.com/settings/profile', 'settings'],
    ['https://www.strava.com/login', 'info'],
  ],
  substack: [
    ['https://substack.com/home/post/p-123456', 'post'],
    ['https://substack.com/@someone/note/c-123456', 'post'],
    ['https://substack.com/home', 'feed'],
    ['https://substack.com/', 'feed'],
    ['https://substack.com/notes', 'feed'],
    ['https://substack.com/chat', 'messages'],
    ['https://substack.com/@someone', 'creator-profile'],
    ['https://substack.com/discover', 'explore'],
    ['https://substack.com/search/cats', 'search'],
    ['https://substack.com/activity', 'notifications'],
    ['https://substack.com/settings', 'settings'],
    ['https://substack.com/sign-in', 'info'],
    ['https://somepub.substack.com/p/some-post/comments', 'thread'],
    ['https://somepub.substack.com/p/some-post', 'post'],
    ['https://open.substack.com/pub/somepub/p/some-post', 'post'],
    ['https://somepub.substack.com/subscribe', 'info'],
    ['https://somepub.substack.com/', 'creator-profile'],
    ['https://somepub.substack.com/archive', 'creator-profile'],
  ],
  medium: [
    ['https://medium.com/', 'feed'],
    ['https://medium.com/me/following-feed', 'feed'],
    ['https://medium.com/me/notifications', 'notifications'],
    ['https://medium.com/me/settings', 'settings'],
    ['https://medium.com/me/lists', 'info'],
    ['https://medium.com/search?q=cats', 'search'],
    ['https://medium.com/tag/programming', 'explore'],
    ['https://medium.com/new-story', 'post'],
    ['https://medium.com/p/abc123def456', 'post'],
    ['https://medium.com/m/signin', 'info'],
    ['https://medium.com/@someone/some-title-abc123def456', 'post'],
    ['https://someone.medium.com/some-title-abc123def456', 'post'],
    ['https://medium.com/some-publication/some-title-abc123def456', 'post'],
    ['https://medium.com/@someone/followers', 'connections'],
    ['https://medium.com/@someone', 'creator-profile'],
    ['https://someone.medium.com/', 'creator-profile'],
    ['https://medium.com/some-publication', 'creator-profile'],
  ],
  kick: [
    ['https://kick.com/', 'feed'],
    ['https://kick.com/browse', 'explore'],
    ['https://kick.com/search?query=cats', 'search'],
    ['https://kick.com/popout/someone/chat', 'live'],
    ['https://kick.com/settings/profile', 'settings'],
    ['https://kick.com/dashboard', 'info'],
    ['https://kick.com/someone/videos/abc-123', 'video'],
    ['https://kick.com/someone/clips/clip_abc', 'video'],
    ['https://kick.com/someone/videos', 'creator-profile'],
    ['https://kick.com/someone', 'live'],
  ],
  rumble: [
    ['https://rumble.com/', 'feed'],
    ['https://rumble.com/subscriptions', 'feed'],
    ['https://rumble.com/v4abc12-some-title.html', 'video'],
    ['https://rumble.com/browse', 'explore'],
    ['https://rumble.com/search/video?q=cats', 'search'],
    ['https://rumble.com/c/SomeChannel', 'creator-profile'],
    ['https://rumble.com/account/profile', 'settings'],
    ['https://rumble.com/login.php', 'info'],
    ['https://rumble.com/embed/v4abc12/', 'info'],
  ],
  dailymotion: [
    ['https://dai.ly/x8abc12', 'video'],
    ['https://geo.dailymotion.com/player.html?video=x8abc12', 'info'],
    ['https://www.dailymotion.com/', 'feed'],
    ['https://www.dailymotion.com/video/x8abc12', 'video'],
    ['https://www.dailymotion.com/explore', 'explore'],
    ['https://www.dailymotion.com/search/cats', 'search'],
    ['https://www.dailymotion.com/settings', 'settings'],
    ['https://www.dailymotion.com/embed/video/x8abc12', 'info'],
    ['https://www.dailymotion.com/someone', 'creator-profile'],
  ],
  odnoklassniki: [
    ['https://ok.ru/', 'feed'],
    ['https://ok.ru/feed', 'feed'],
    ['https://ok.ru/messages/123456', 'messages'],
    ['https://ok.ru/friends', 'connections'],
    ['https://ok.ru/profile/123456/friends', 'connections'],
    ['https://ok.ru/profile/123456', 'person-profile'],
    ['https://ok.ru/group/123456', 'group'],
    ['https://ok.ru/videoembed/123456', 'info'],
    ['https://ok.ru/live/123456', 'live'],
    ['https://ok.ru/video/123456', 'video'],
    ['https://ok.ru/notifications', 'notifications'],
    ['https://ok.ru/settings', 'settings'],
    ['https://ok.ru/someone', 'person-profile'],
  ],
  slack: [
    ['https://app.slack.com/client/T0123/D0456', 'messages'],
    ['https://app.slack.com/client/T0123/C0456', 'group'],
    ['https://acme.slack.com/archives/C0123/p1234567', 'group'],
    ['https://app.slack.com/client/T0123', 'messages'],
    ['https://acme.slack.com/messages/general', 'messages'],
    ['https://slack.com/', 'info'],
    ['https://slack.com/pricing', 'info'],
  ],
  hackernews: [
    ['https://news.ycombinator.com/', 'feed'],
    ['https://news.ycombinator.com/news?p=2', 'feed'],
    ['https://news.ycombinator.com/newest', 'feed'],
    ['https://news.ycombinator.com/item?id=123456', 'thread'],
    ['https://news.ycombinator.com/user?id=pg', 'person-profile'],
    ['https://news.ycombinator.com/jobs', 'jobs'],
    ['https://news.ycombinator.com/from?site=example.com', 'explore'],
    ['https://news.ycombinator.com/submit', 'post'],
    ['https://news.ycombinator.com/newsguidelines.html', 'info'],
    ['https://news.ycombinator.com/login', 'info'],
    ['https://www.ycombinator.com/companies', null],
  ],
  stackexchange: [
    ['https://chat.stackoverflow.com/rooms/17/javascript', 'group'],
    ['https://stackoverflow.com/questions/123456/some-title', 'thread'],
    ['https://superuser.com/q/123456', 'thread'],
    ['https://stackoverflow.com/questions/ask', 'thread'],
    ['https://stackoverflow.com/', 'forum'],
    ['https://stackoverflow.com/questions/tagged/javascript', 'forum'],
    ['https://stackoverflow.com/tags', 'explore'],
    ['https://stackoverflow.com/tags/javascript/info', 'forum'],
    ['https://stackoverflow.com/users/login', 'info'],
    ['https://stackoverflow.com/users/edit/123', 'settings'],
    ['https://math.stackexchange.com/users/123/jane', 'person-profile'],
    ['https://stackoverflow.com/collectives/google-cloud', 'group'],
    ['https://askubuntu.com/search?q=apt', 'search'],
    ['https://stackoverflow.com/help/how-to-ask', 'info'],
  ],
  tinder: [
    ['https://tinder.com/app/messages/abc123', 'messages'],
    ['https://tinder.com/app/recs', 'connections'],
    ['https://tinder.com/app/profile', 'settings'],
    ['https://tinder.com/', 'info'],
  ],
  soundcloud: [
    ['https://on.soundcloud.com/AbCdEf', 'post'],
    ['https://soundcloud.com/', 'feed'],
    ['https://soundcloud.com/discover', 'feed'],
    ['https://soundcloud.com/search?q=cats', 'search'],
    ['https://soundcloud.com/charts/top', 'explore'],
    ['https://soundcloud.com/messages', 'messages'],
    ['https://soundcloud.com/notifications', 'notifications'],
    ['https://soundcloud.com/settings', 'settings'],
    ['https://soundcloud.com/you/library', 'info'],
    ['https://soundcloud.com/someartist/followers', 'connections'],
    ['https://soundcloud.com/someartist/sets/some-album', 'post'],
    ['https://soundcloud.com/someartist/tracks', 'creator-profile'],
    ['https://soundcloud.com/someartist/some-track', 'post'],
    ['https://soundcloud.com/someartist', 'creator-profile'],
  ],
  truthsocial: [
    ['https://truthsocial.com/', 'feed'],
    ['https://truthsocial.com/tags/news', 'explore'],
    ['https://truthsocial.com/chats/123', 'messages'],
    ['https://truthsocial.com/notifications', 'notifications'],
    ['https://truthsocial.com/follow_requests', 'connections'],
    ['https://truthsocial.com/@someone/followers', 'connections'],
    ['https://truthsocial.com/group/gardeners/posts/1122334455', 'thread'],
    ['https://truthsocial.com/group/gardeners', 'group'],
    ['https://truthsocial.com/@someone/posts/113456789012345678', 'post'],
    ['https://truthsocial.com/@someone/113456789012345678', 'post'],
    ['https://truthsocial.com/search?q=x', 'search'],
    ['https://truthsocial.com/settings/profile', 'settings'],
    ['https://truthsocial.com/login', 'info'],
    ['https://truthsocial.com/@someone', 'creator-profile'],
  ],
  patreon: [
    ['https://support.patreon.com/hc/en-us', 'info'],
    ['https://www.patreon.com/home', 'feed'],
    ['https://www.patreon.com/posts/new-episode-is-out-123456789', 'post'],
    ['https://www.patreon.com/messages', 'messages'],
    ['https://www.patreon.com/notifications', 'notifications'],
    ['https://www.patreon.com/explore', 'explore'],
    ['https://www.patreon.com/settings/basics', 'settings'],
    ['https://www.patreon.com/login', 'info'],
    ['https://www.patreon.com/', 'info'],
    ['https://www.patreon.com/c/somecreator/posts', 'creator-profile'],
    ['https://www.patreon.com/somecreator', 'creator-profile'],
  ],
  steam: [
    ['https://steamcommunity.com/broadcast/watch/76561198000000000', 'live'],
    ['https://steamcommunity.com/chat', 'messages'],
    ['https://steamcommunity.com/app/440/discussions/0/1234567890123456789/', 'thread'],
    ['https://steamcommunity.com/groups/examplegroup/discussions/', 'forum'],
    ['https://steamcommunity.com/groups/examplegroup', 'group'],
    ['https://steamcommunity.com/id/someone/friends/', 'connections'],
    ['https://steamcommunity.com/profiles/76561198000000000/home', 'feed'],
    ['https://steamcommunity.com/id/someone', 'person-profile'],
    ['https://steamcommunity.com/sharedfiles/filedetails/?id=123456', 'post'],
    ['https://steamcommunity.com/app/440/workshop/', 'explore'],
    ['https://steamcommunity.com/market/listings/440/Key', 'marketplace'],
    ['https://steamcommunity.com/app/440', 'feed'],
    ['https://steamcommunity.com/', 'feed'],
    ['https://steamcommunity.com/search/users/?text=x', 'search'],
    ['https://steamcommunity.com/login/home/', 'info'],
  ],
  wechat: [
    ['https://wx.qq.com/', 'messages'],
    ['https://wx2.qq.com/?lang=en_US', 'messages'],
    ['https://web.wechat.com/', 'messages'],
    ['https://www.qq.com/', null],
    ['https://www.wechat.com/en/', null],
  ],
  kuaishou: [
    ['https://v.kuaishou.com/AbCd12', 'short-video'],
    ['https://www.kuaishou.com/profile/3xabc123', 'creator-profile'],
    ['https://live.kuaishou.com/u/3xabc123', 'live'],
    ['https://www.kuaishou.com/short-video/3xk9z8y7w6', 'short-video'],
    ['https://v.m.chenzhongtech.com/fw/photo/3xk9z8y7w6', 'short-video'],
    ['https://www.kuaishou.com/search/video?searchKey=x', 'search'],
    ['https://www.kuaishou.com/', 'short-video'],
  ],
  lobsters: [
    ['https://lobste.rs/', 'feed'],
    ['https://lobste.rs/newest', 'feed'],
    ['https://lobste.rs/s/abc123/why_plain_text_still_wins', 'thread'],
    ['https://lobste.rs/comments', 'thread'],
    ['https://lobste.rs/t/rust', 'explore'],
    ['https://lobste.rs/messages', 'messages'],
    ['https://lobste.rs/replies', 'notifications'],
    ['https://lobste.rs/~jcs', 'person-profile'],
    ['https://lobste.rs/users', 'connections'],
    ['https://lobste.rs/search?q=zig', 'search'],
    ['https://lobste.rs/settings', 'settings'],
    ['https://lobste.rs/about', 'info'],
  ],
  slashdot: [
    ['https://slashdot.org/', 'feed'],
    ['https://slashdot.org/popular', 'feed'],
    ['https://tech.slashdot.org/story/25/11/20/1234567/some-story-title', 'thread'],
    ['https://slashdot.org/~CmdrTaco/journal/123456', 'thread'],
    ['https://slashdot.org/~CmdrTaco', 'person-profile'],
    ['https://slashdot.org/tag/linux', 'explore'],
    ['https://slashdot.org/messages', 'messages'],
    ['https://slashdot.org/my/comments', 'settings'],
    ['https://slashdot.org/faq', 'info'],
  ],
  ninegag: [
    ['https://9gag.com/gag/aXbY12z', 'post'],
    ['https://9gag.com/', 'feed'],
    ['https://9gag.com/trending', 'feed'],
    ['https://9gag.com/interest/cat', 'explore'],
    ['https://9gag.com/u/someone', 'creator-profile'],
    ['https://9gag.com/notifications', 'notifications'],
    ['https://9gag.com/settings', 'settings'],
    ['https://9gag.com/login', 'info'],
    ['https://9gag.com/funny', 'feed'],
  ],
  ifunny: [
    ['https://ifunny.co/picture/AbCd1234', 'post'],
    ['https://ifunny.co/video/XyZ9876', 'post'],
    ['https://ifunny.co/', 'feed'],
    ['https://ifunny.co/featured', 'feed'],
    ['https://ifunny.co/tags/cats', 'explore'],
    ['https://ifunny.co/user/someone', 'creator-profile'],
    ['https://ifunny.co/chats', 'messages'],
    ['https://ifunny.co/settings', 'settings'],
    ['https://ifunny.co/login', 'info'],
  ],
  imgur: [
    ['https://i.imgur.com/AbCdE12.png', 'post'],
    ['https://imgur.com/', 'feed'],
    ['https://imgur.com/hot', 'feed'],
    ['https://imgur.com/gallery/AbCdE12', 'post'],
    ['https://imgur.com/t/cats', 'explore'],
    ['https://imgur.com/search?q=cats', 'search'],
    ['https://imgur.com/user/someone', 'creator-profile'],
    ['https://imgur.com/messages', 'messages'],
    ['https://imgur.com/notifications', 'notifications'],
    ['https://imgur.com/account/settings', 'settings'],
    ['https://imgur.com/upload', 'info'],
    ['https://imgur.com/AbCdE12', 'post'],
  ],
  xiaohongshu: [
    ['http://xhslink.com/AbCdEf', 'post'],
    ['https://creator.xiaohongshu.com/', 'info'],
    ['https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1', 'post'],
    ['https://www.xiaohongshu.com/explore', 'feed'],
    ['https://www.xiaohongshu.com/', 'feed'],
    ['https://www.xiaohongshu.com/user/profile/5abc123', 'creator-profile'],
    ['https://www.xiaohongshu.com/search_result?keyword=cats', 'search'],
    ['https://www.xiaohongshu.com/notification', 'notifications'],
    ['https://www.xiaohongshu.com/login', 'info'],
  ],
  zhihu: [
    ['https://zhuanlan.zhihu.com/p/123456', 'post'],
    ['https://zhuanlan.zhihu.com/somecolumn', 'creator-profile'],
    ['https://www.zhihu.com/', 'feed'],
    ['https://www.zhihu.com/follow', 'feed'],
    ['https://www.zhihu.com/question/123456/answer/789', 'thread'],
    ['https://www.zhihu.com/pin/123456', 'post'],
    ['https://www.zhihu.com/zvideo/123456', 'video'],
    ['https://www.zhihu.com/people/someone', 'person-profile'],
    ['https://www.zhihu.com/org/acme', 'creator-profile'],
    ['https://www.zhihu.com/club/123456', 'group'],
    ['https://www.zhihu.com/hot', 'explore'],
    ['https://www.zhihu.com/search?q=cats', 'search'],
    ['https://www.zhihu.com/messages', 'messages'],
    ['https://www.zhihu.com/notifications', 'notifications'],
    ['https://www.zhihu.com/settings/account', 'settings'],
    ['https://www.zhihu.com/signin', 'info'],
  ],
  douban: [
    ['https://accounts.douban.com/passport/login', 'info'],
    ['https://movie.douban.com/subject/123456/', 'post'],
    ['https://movie.douban.com/', 'explore'],
    ['https://www.douban.com/', 'feed'],
    ['https://www.douban.com/group/topic/123456/', 'thread'],
    ['https://www.douban.com/group/', 'group'],
    ['https://www.douban.com/people/someone/contacts', 'connections'],
    ['https://www.douban.com/note/123456/', 'post'],
    ['https://www.douban.com/people/someone/', 'person-profile'],
    ['https://www.douban.com/doumail/', 'messages'],
    ['https://www.douban.com/event/123456/', 'event'],
    ['https://www.douban.com/search?q=cats', 'search'],
    ['https://www.douban.com/notification/', 'notifications'],
    ['https://www.douban.com/settings/', 'settings'],
    ['https://www.douban.com/about', 'info'],
  ],
};

/** Signals that must fire on the real captures in shared/fixtures/real-pages. */
const REAL_PAGE_SIGNALS: Array<[file: string, signalIds: string[]]> = [
  ['x/post-status-logged-out.html', ['x.tweet']],
  ['tiktok/video.html', ['tiktok.video-detail', 'tiktok.recommended-item']],
  ['instagram/profile.html', ['instagram.profile-meta']],
  ['facebook/m-facebook-public-group-2020.html', ['facebook.group-meta']],
  ['reddit/post-title-only-redesign.html', ['reddit.comments']],
  ['linkedin/company-guest.html', ['linkedin.guest-company']],
];

describe('platform definitions', () => {
  it('are all exported from index.ts, one file per platform', async () => {
    expect(files.length).toBeGreaterThanOrEqual(42);
    expect(platforms.map((p) => p.id).sort()).toEqual([...files].sort());
    for (const file of files) {
      const mod = (await import(join(PLATFORMS_DIR, `${file}.ts`))) as Record<string, unknown>;
      const exported = mod[camel(file)];
      expect(exported, `${file}.ts exports ${camel(file)}`).toBeDefined();
      expect(platforms, file).toContain(exported);
    }
  });

  it('have unique, well-formed ids matching their file names', () => {
    const ids = platforms.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of platforms) {
      expect(p.id).toMatch(/^[a-z0-9-]+$/);
      expect(files).toContain(p.id);
      expect(p.name.trim()).not.toBe('');
      expect(['media', 'networking', 'both']).toContain(p.lean);
    }
    const communityIds = new Set(communities.map((c) => c.id));
    for (const id of ids) expect(communityIds.has(id), id).toBe(false);
  });

  it('lean as the labeling guide says for the platforms it names', () => {
    const lean = (id: string) => platforms.find((p) => p.id === id)?.lean;
    for (const id of ['instagram', 'tiktok', 'youtube', 'x']) expect(lean(id), id).toBe('media');
    for (const id of ['linkedin', 'meetup', 'messenger', 'whatsapp', 'discord', 'telegram']) {
      expect(lean(id), id).toBe('networking');
    }
    for (const id of ['facebook', 'reddit']) expect(lean(id), id).toBe('both');
  });

  it('list only registrable domains, each owned by one platform', () => {
    const owner = new Map<string, string>();
    for (const p of platforms) {
      expect(p.domains.length, p.id).toBeGreaterThan(0);
      for (const domain of p.domains) {
        expect(getDomain(domain), `${p.id}: ${domain}`).toBe(domain);
        expect(owner.get(domain), `${domain} in ${p.id} and ${owner.get(domain)}`).toBeUndefined();
        owner.set(domain, p.id);
      }
      for (const host of p.hosts ?? []) {
        expect(p.domains, `${p.id}: host ${host}`).toContain(getDomain(host));
      }
    }
    // Link shorteners and embed-only domains are not social pages.
    for (const domain of ['t.co', 'youtube-nocookie.com']) expect(owner.has(domain), domain).toBe(false);
  });

  it('restrict rule hosts to hosts of their own domains', () => {
    for (const p of platforms) {
      for (const rule of p.urlRules) {
        for (const host of rule.hosts ?? []) {
          expect(host, p.id).toBe(host.toLowerCase());
          expect(p.domains, `${p.id}: rule host ${host}`).toContain(getDomain(host));
          if (p.hosts) expect(p.hosts, `${p.id}: rule host ${host}`).toContain(host);
        }
      }
    }
  });

  it('have unique signal ids prefixed with the platform id, valid selectors and sane weights', () => {
    const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
    const seen = new Set<string>();
    for (const c of communities) for (const s of c.signals ?? []) seen.add(s.id);
    for (const p of platforms) {
      const signals = p.signals ?? [];
      expect(signals.length, p.id).toBeLessThanOrEqual(MAX_SIGNALS);
      for (const s of signals) {
        expect(s.id.startsWith(`${p.id}.`), s.id).toBe(true);
        expect(s.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
        expect(seen.has(s.id), `duplicate signal id ${s.id}`).toBe(false);
        seen.add(s.id);
        expect(['media', 'networking']).toContain(s.side);
        expect(s.weight, s.id).toBeGreaterThan(0);
        expect(s.weight, s.id).toBeLessThanOrEqual(1);
        expect(s.text.trim(), s.id).not.toBe('');
        if (s.pageType) expect(PAGE_TYPES, s.id).toContain(s.pageType);
        expect(() => document.querySelector(s.selector), `${s.id}: ${s.selector}`).not.toThrow();
      }
    }
  });

  it('have url rules with compiling, anchored patterns and known page types', () => {
    for (const p of platforms) {
      expect(p.urlRules.length, p.id).toBeGreaterThan(0);
      if (p.fallbackPageType) expect(PAGE_TYPES).toContain(p.fallbackPageType);
      for (const [i, rule] of p.urlRules.entries()) {
        const where = `${p.id} rule ${i}`;
        expect(PAGE_TYPES, where).toContain(rule.pageType);
        expect(rule.path ?? rule.hosts ?? rule.search ?? rule.hash, `${where} has a condition`).toBeDefined();
        for (const re of [rule.path, rule.search, rule.hash]) {
          if (!re) continue;
          expect(() => new RegExp(re.source, re.flags), where).not.toThrow();
          expect(re.global || re.sticky, `${where}: stateful flags break repeated test()`).toBe(false);
        }
        if (rule.path) expect(rule.path.source.startsWith('^\\/'), `${where} is anchored`).toBe(true);
      }
    }
  });
});

describe('page types from URLs', () => {
  it('has at least three samples for every platform and none for unknown platforms', () => {
    for (const p of platforms) expect(SAMPLES[p.id]?.length ?? 0, p.id).toBeGreaterThanOrEqual(3);
    for (const id of Object.keys(SAMPLES)) expect(files, id).toContain(id);
  });

  for (const [id, samples] of Object.entries(SAMPLES)) {
    it(`${id}: the first matching rule names the page type`, () => {
      for (const [raw, expected] of samples) {
        const url = new URL(raw);
        const platform = platformFor(url);
        if (expected === null) {
          expect(platform?.id ?? null, raw).not.toBe(id);
          continue;
        }
        expect(platform?.id, raw).toBe(id);
        if (platform) expect(pageTypeOf(platform, url), raw).toBe(expected);
      }
    });
  }

  it('reaches every rule of every platform with some sample', () => {
    for (const p of platforms) {
      const hit = new Set<number>();
      for (const [raw] of SAMPLES[p.id] ?? []) {
        const url = new URL(raw);
        if (platformFor(url) === p) hit.add(firstRule(p, url));
      }
      const unreached = p.urlRules
        .map((rule, i) => ({ i, rule }))
        .filter(({ i }) => !hit.has(i))
        .map(({ i, rule }) => `${i}: ${rule.pageType} ${rule.hosts?.join(',') ?? ''} ${rule.path ?? ''}`);
      expect(unreached, p.id).toEqual([]);
    }
  });
});

describe('signals on real pages', () => {
  const all = new Map(platforms.flatMap((p) => (p.signals ?? []).map((s) => [s.id, s] as const)));
  for (const [file, ids] of REAL_PAGE_SIGNALS) {
    const path = join(REAL_PAGES, file);
    it.skipIf(!existsSync(path))(`${file}: ${ids.join(', ')}`, () => {
      const { document } = parseHTML(readFileSync(path, 'utf8'));
      for (const id of ids) {
        const signal = all.get(id);
        expect(signal, id).toBeDefined();
        if (signal) expect(document.querySelector(signal.selector), id).not.toBeNull();
      }
    });
  }
});
