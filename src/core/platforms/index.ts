import type { PlatformDefinition } from '../types';
import { behance } from './behance';
import { bilibili } from './bilibili';
import { bluesky } from './bluesky';
import { dailymotion } from './dailymotion';
import { deviantart } from './deviantart';
import { discord } from './discord';
import { douban } from './douban';
import { douyin } from './douyin';
import { dribbble } from './dribbble';
import { facebook } from './facebook';
import { flickr } from './flickr';
import { goodreads } from './goodreads';
import { hackernews } from './hackernews';
import { ifunny } from './ifunny';
import { imgur } from './imgur';
import { instagram } from './instagram';
import { kick } from './kick';
import { kuaishou } from './kuaishou';
import { letterboxd } from './letterboxd';
import { linkedin } from './linkedin';
import { lobsters } from './lobsters';
import { medium } from './medium';
import { meetup } from './meetup';
import { messenger } from './messenger';
import { nextdoor } from './nextdoor';
import { ninegag } from './ninegag';
import { odnoklassniki } from './odnoklassniki';
import { patreon } from './patreon';
import { pinterest } from './pinterest';
import { quora } from './quora';
import { reddit } from './reddit';
import { rumble } from './rumble';
import { slack } from './slack';
import { slashdot } from './slashdot';
import { snapchat } from './snapchat';
import { soundcloud } from './soundcloud';
import { stackexchange } from './stackexchange';
import { steam } from './steam';
import { strava } from './strava';
import { substack } from './substack';
import { telegram } from './telegram';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { tinder } from './tinder';
import { truthsocial } from './truthsocial';
import { tumblr } from './tumblr';
import { twitch } from './twitch';
import { vimeo } from './vimeo';
import { vk } from './vk';
import { wechat } from './wechat';
import { weibo } from './weibo';
import { whatsapp } from './whatsapp';
import { x } from './x';
import { xiaohongshu } from './xiaohongshu';
import { xing } from './xing';
import { youtube } from './youtube';
import { zhihu } from './zhihu';

export const platforms: readonly PlatformDefinition[] = [
  behance,
  bilibili,
  bluesky,
  dailymotion,
  deviantart,
  discord,
  douban,
  douyin,
  dribbble,
  facebook,
  flickr,
  goodreads,
  hackernews,
  ifunny,
  imgur,
  instagram,
  kick,
  kuaishou,
  letterboxd,
  linkedin,
  lobsters,
  medium,
  meetup,
  messenger,
  nextdoor,
  ninegag,
  odnoklassniki,
  patreon,
  pinterest,
  quora,
  reddit,
  rumble,
  slack,
  slashdot,
  snapchat,
  soundcloud,
  stackexchange,
  steam,
  strava,
  substack,
  telegram,
  threads,
  tiktok,
  tinder,
  truthsocial,
  tumblr,
  twitch,
  vimeo,
  vk,
  wechat,
  weibo,
  whatsapp,
  x,
  xiaohongshu,
  xing,
  youtube,
  zhihu,
];
