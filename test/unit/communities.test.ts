import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { communities } from '../../src/core/communities';
import { detectCommunity } from '../../src/core/extract';
import { knowledge } from '../../src/core/sites';
import type { CommunityDefinition, Fingerprint, PageType } from '../../src/core/types';
import { PAGE_TYPES } from '../../src/core/types';
import { ruleMatches } from '../../src/core/urlRules';

const COMMUNITIES_DIR = join(import.meta.dirname, '../../src/core/communities');
const REAL_PAGES = join(import.meta.dirname, '../../../shared/fixtures/real-pages');
const THRESHOLD = 0.5;

type Doc = ReturnType<typeof parseHTML>['document'];

function parse(html: string): Doc {
  return parseHTML(html).document;
}

/** A fingerprint holds when its selector matches and, for a text fingerprint, the element starts with a text. */
function fingerprintHolds(doc: Doc, fp: Fingerprint): boolean {
  const el = doc.querySelector(fp.selector);
  if (!el) return false;
  if (!fp.text) return true;
  const text = (el.textContent ?? '').slice(0, 300).trimStart();
  return fp.text.some((t) => text.startsWith(t));
}

function score(doc: Doc, community: CommunityDefinition): number {
  return community.fingerprints.reduce((sum, fp) => sum + (fingerprintHolds(doc, fp) ? fp.weight : 0), 0);
}

/** Ids of the communities whose fingerprints reach the detection threshold on the page. */
function detected(doc: Doc): string[] {
  return communities.filter((c) => score(doc, c) >= THRESHOLD - 1e-9).map((c) => c.id);
}

function pageTypeOf(community: CommunityDefinition, raw: string): PageType | null {
  const url = new URL(raw);
  const rule = community.urlRules.find((r) => ruleMatches(r, url));
  return rule ? rule.pageType : (community.fallbackPageType ?? null);
}

function page(head: string, body = '', htmlAttrs = '', bodyAttrs = ''): string {
  return `<!DOCTYPE html><html${htmlAttrs ? ` ${htmlAttrs}` : ''}><head><meta charset="utf-8">${head}</head><body${
    bodyAttrs ? ` ${bodyAttrs}` : ''
  }>${body}</body></html>`;
}

/** What each software really renders, reduced to the parts that matter (one or more variants). */
const SNIPPETS: Record<string, string[]> = {
  mastodon: [
    page(
      '<meta name="applicationServerKey" content="BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M="><meta property="og:site_name" content="Mastodon hosted on mastodon.social"><title>Mastodon</title><script id="initial-state" type="application/json">{"meta":{"domain":"mastodon.social"}}</script>',
      '<div class="app-holder" id="mastodon" data-props="{&quot;locale&quot;:&quot;en&quot;}"><noscript><img alt="Mastodon" src="/avatars/original/missing.png"></noscript></div>',
      'lang="en"',
      'class="app-body theme-default"',
    ),
  ],
  misskey: [
    page(
      '<meta name="application-name" content="Misskey"><meta name="referrer" content="origin"><title>Misskey</title><script id="misskey_meta" type="application/json">{"name":"Misskey.io"}</script><script src="/vite/loader/boot.js"></script>',
      '<noscript><p>JavaScript</p></noscript><div id="splash"><img id="splashIcon" src="/static-assets/splash.png"></div>',
    ),
  ],
  pleroma: [
    '<html><head><title>Town</title></head><body><noscript>To use Akkoma, please enable JavaScript.</noscript><div id="app"></div></body></html>',
    // Pleroma front end 2.5 and later.
    page(
      '<style id="splashscreen">#splash{}</style><style id="pleroma-eager-styles" type="text/css"></style><style id="pleroma-lazy-styles" type="text/css"></style><style id="theme-holder" type="text/css"></style>',
      '<noscript>To use Pleroma, please enable JavaScript.</noscript><div id="splash"><div id="mascot-container"><img id="mascot" src="/static/pleromatan_apology_small.webp"></div></div><div id="app" class="hidden"></div><div id="modal"></div><div id="popovers"></div>',
      'lang="en"',
      'style="margin: 0; padding: 0"',
    ),
    // Older front end (and Akkoma's) served with the backend's preloaded data.
    page(
      '<link rel="icon" type="image/png" href="/favicon.png"><link rel="manifest" href="/static/manifest.json"><script defer src="/static/js/app.4b05f7290f58009cbacf.js"></script>',
      '<noscript>To use Pleroma, please enable JavaScript.</noscript><div id="app"></div><div id="modal"></div><script id="initial-results" type="application/json">{"/api/v1/instance":{}}</script>',
      'lang="en"',
      'class="hidden"',
    ),
  ],
  pixelfed: [
    page(
      '<meta name="mobile-web-app-capable" content="yes"><title>pixelfed</title><meta property="og:site_name" content="pixelfed"><meta property="og:type" content="article"><meta name="medium" content="image"><meta name="theme-color" content="#10c5f8"><link href="/css/app.css?id=1" rel="stylesheet" data-stylesheet="light">',
      '<main id="content"><noscript><div class="container"><p>Please enable javascript to view this content.</p></div></noscript><navbar></navbar><router-view></router-view></main>',
      'lang="en"',
      'class="loggedIn"',
    ),
  ],
  peertube: [
    page(
      '<meta name="theme-color" content="#fff"><meta property="og:platform" content="PeerTube"><link rel="manifest" href="/manifest.webmanifest?abc"><base href="/"><title>Framatube</title>',
      '<noscript class="alert alert-light"><h2>JavaScript required</h2></noscript><div id="incompatible-browser" class="alert alert-light" role="alert" style="display: none"></div><my-app></my-app>',
      '',
      'id="custom-css"',
    ),
  ],
  lemmy: [
    page(
      '<title>Lemmy.World</title><meta name="Description" content="Lemmy"><link id="favicon" rel="shortcut icon" type="image/x-icon" href="/static/assets/icons/favicon.svg"><link rel="manifest" href="/manifest.webmanifest"><link rel="stylesheet" type="text/css" href="/static/9ab3e7c2/styles/styles.css">',
      '<noscript><div class="alert alert-danger rounded-0" role="alert"><b>Javascript is disabled.</b></div></noscript><div id="root"><div id="app" class="lemmy-site"><button type="button" class="btn skip-link">Jump to content</button><nav class="navbar"></nav><main></main></div></div>',
    ),
  ],
  friendica: [
    page(
      '<base href="https://friendica.example/"><meta name="generator" content="Friendica \'Interrupted Fern\' 2024.12"><meta name="viewport" content="initial-scale=1.0"><link rel="stylesheet" href="view/global.css?v=2024.12" type="text/css" media="all">',
      '<main><section id="content"></section></main>',
    ),
  ],
  sharkey: [
    page(
      '<meta name="application-name" content="Sharkey"><meta name="referrer" content="origin"><meta name="theme-color" content="#86b300"><meta name="theme-color-orig" content="#86b300"><meta property="og:site_name" content="Shonk Social"><link rel="manifest" href="/manifest.json"><title>Shonk Social</title>',
      '<noscript><p>Please turn on your JavaScript</p></noscript><div id="splash"><img id="splashIcon" src="/static-assets/splash.png"></div>',
    ),
  ],
  gotosocial: [
    page(
      '<meta name="robots" content="noindex, nofollow"><link rel="alternate" type="application/activity+json" href="/users/ada"><link rel="stylesheet" href="/assets/dist/base.css"><title>Ada (@ada@gts.example)</title>',
      '<header class="page-header"></header><div class="page-content"></div><footer class="page-footer"><div id="about"><a href="/about">About gts.example</a></div><div id="version"><a name="Source code" href="https://codeberg.org/superseriousbusiness/gotosocial">GoToSocial <span class="accent">0.19.0</span></a></div></footer>',
      'lang="en"',
      'class="page"',
    ),
  ],
  bookwyrm: [
    page(
      '<title>Home - BookWyrm - Reading Room</title><link href="/static/css/themes/bookwyrm-light.css" rel="stylesheet" type="text/css"><meta name="twitter:card" content="summary"><meta name="twitter:image:alt" content="BookWyrm Logo">',
      '<nav class="navbar" aria-label="main navigation"></nav><main class="section is-flex-grow-1"></main><script src="/static/js/bookwyrm.js?v=3"></script>',
    ),
  ],
  funkwhale: [
    page(
      '<meta name="generator" content="Funkwhale"><title>Funkwhale</title><meta name="description" content="Your free and federated audio platform">',
      '<noscript><strong>Please enable JavaScript.</strong></noscript><div id="app"></div>',
    ),
  ],
  mobilizon: [
    page(
      '<title>Mobilizon</title><meta name="server-injected" content="true">',
      '<noscript><strong>We\'re sorry but mobilizon doesn\'t work properly without JavaScript enabled. Please enable it to continue.</strong></noscript><div id="app"></div>',
    ),
  ],
  writefreely: [
    page(
      '<link rel="stylesheet" type="text/css" href="/css/write.css"><meta name="generator" content="Write Freely"><meta property="og:type" content="article">',
      '<header><h1 id="blog-title"><a rel="author" href="/ada/" class="h-card p-author">Ada</a></h1></header><article id="post-body" class="norm h-entry"><div class="e-content"></div></article>',
      '',
      'id="post"',
    ),
  ],
  forumotion: [
    page(
      '<link rel="stylesheet" href="https://illiweb.com/rs3/71/frm/SCEditor/src/themes/fa.default.min.css" type="text/css" media="all"><title>Le coin des jardiniers</title>',
      '<div id="page-header"></div><div id="page-body"></div>',
    ),
  ],
  gnusocial: [
    page(
      '<title>Public timeline - Example Social</title><link rel="stylesheet" type="text/css" href="/theme/neo-gnu/css/display.css" media="screen, projection, tv, print"><link rel="search" type="application/opensearchdescription+xml" href="/opensearch/notice" title="Example Social Notice Search">',
      '<div id="wrap"><div id="header"><address id="site_contact" class="h-card"><a class="home bookmark" href="/main/public">Example Social</a></address><div id="site_nav_global_primary"></div></div><div id="core"><div id="aside_primary_wrapper"><div id="content_wrapper"><div id="content"><h1>Public timeline</h1></div></div></div></div><div id="footer"><div id="site_nav_global_secondary"></div><p><strong>Example Social</strong> is a social network. It runs on <a href="https://www.gnu.org/software/social/">GNU social</a>, version 1.2.0.</p></div></div>',
      'lang="en"',
      'id="public"',
    ),
  ],
  hubzilla: [
    page(
      '<title>Channel home</title><base href="https://hub.example/"><script>var baseurl="https://hub.example";</script><link rel="stylesheet" href="https://hub.example/view/theme/redbasic/css/style.css" type="text/css" media="screen">',
      '<header></header><nav class="navbar navbar-inverse navbar-fixed-top" role="navigation"></nav><main><aside id="region_1"></aside><section id="region_2"><div id="content"></div><div id="page-footer"></div><div id="pause"></div></section><aside id="region_3" class="hidden-sm hidden-xs hidden-md"></aside></main><footer></footer>',
      'prefix="og: http://ogp.me/ns#"',
    ),
  ],
  firefish: [
    page(
      '<meta name="application-name" content="Firefish"><meta name="referrer" content="origin"><meta property="og:site_name" content="Example Fish"><link rel="manifest" href="/manifest.json"><title>Example Fish</title>',
      '<noscript><p>Please turn on your JavaScript</p></noscript><div id="splash"><img id="splashIcon" src="/static-assets/splash.svg"><span id="splashText"></span></div>',
    ),
  ],
  iceshrimp: [
    page(
      '<title>Note by @ada - Example Shrimp</title><link rel="stylesheet" href="/Iceshrimp.Backend.styles.css"><link rel="stylesheet" href="/css/default.css"><link rel="stylesheet" href="/css/public-preview.css">',
      '<div class="note"><div class="user"><span class="acct">@ada</span></div></div><footer><div class="footer"><span><strong>Iceshrimp.NET</strong> v2025.1</span></div></footer>',
      'lang="en"',
    ),
    page(
      '<title>Iceshrimp.Frontend</title><base href="/"><link rel="stylesheet" href="/css/app.css"><link rel="stylesheet" href="/_content/Iceshrimp.Assets.PhosphorIcons/css/ph-regular.css"><link rel="stylesheet" href="/Iceshrimp.Frontend.styles.css">',
      '<div id="app"><div class="lds-ellipsis"></div></div><div id="blazor-error-ui"></div><script src="/_framework/blazor.webassembly.js"></script>',
      'lang="en"',
    ),
  ],
  mbin: [
    page(
      '<title>Example magazine - Mbin</title><meta property="og:type" content="article"><link rel="manifest" href="/manifest.json">',
      '<header id="header"></header><div id="middle" class="page"><div class="kbin-container"><main id="main" data-controller="lightbox timeago confirmation"></main><aside id="sidebar"></aside></div></div>',
      'lang="en"',
      'class="theme--dark rounded-edges" data-controller="kbin notifications" data-notifications-user-value=""',
    ),
  ],
  proboards: [
    page(
      '<title>Example Forum | Home</title>',
      '<div class="container boards"><a name="category-2"></a><div class="title_wrapper">General</div><div class="boards"><table><tr id="board-4" class="item board"><td><a class="board-4" href="/board/4/general-chat">General Chat</a></td></tr></table></div></div>',
    ),
    page(
      '<title>First post | Example Forum</title>',
      '<div class="nav-tree-wrapper"><ul itemscope itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement"><a itemprop="item" href="/">Home</a></li><li itemprop="itemListElement"><a itemprop="item" href="/board/4/general-chat">General Chat</a></li></ul></div><a class="thread-link thread-77 js-thread__title-link" href="/thread/77/first-post">First post</a><div class="message">Hello.</div>',
    ),
  ],
  tapatalk: [
    page(
      '<title>Example Club</title><script type="text/javascript" src="https://club.example/mobiquo/tapatalkdetect.js"></script>',
      '<div id="wrapper"><h1>Example Club</h1></div>',
    ),
  ],
  discourse: [
    page(
      '<meta name="discourse_theme_ids" content="28"><meta name="discourse_current_homepage" content="latest"><meta name="generator" content="Discourse 3.3.0 - https://github.com/discourse/discourse version 1a2b3c"><meta id="data-discourse-setup" data-base-url="https://forum.example.org" data-environment="production">',
      '<header class="d-header"></header><div id="main-outlet" class="wrap"><h1 class="crawler-topic-title">A topic</h1></div>',
      'lang="en" class="desktop-view not-mobile-device"',
    ),
  ],
  phpbb: [
    page(
      '<title>Board index</title><link href="./styles/prosilver/theme/stylesheet.css?assets_version=12" rel="stylesheet">',
      '<div id="wrap" class="wrap"><a id="top" class="top-anchor" accesskey="t"></a><div id="page-header"></div><div id="page-body" class="page-body"></div></div>',
      'dir="ltr" lang="en-gb"',
      'id="phpbb" class="nojs notouch section-viewtopic ltr "',
    ),
    // phpBB 3.0 subsilver2: no body id, but the copyright meta.
    page(
      '<meta name="copyright" content="2000, 2002, 2005, 2007 phpBB Group"><title>Index page</title>',
      '<a name="top"></a><div id="wrapheader"></div>',
      '',
      'class="ltr"',
    ),
    // phpBB 2 subSilver: neither, only the template's stylesheet.
    page(
      '<meta http-equiv="Content-Style-Type" content="text/css"><link rel="top" href="./index.php?sid=1" title="Board index"><link rel="stylesheet" href="templates/subSilver/subSilver.css" type="text/css"><title>Board index</title>',
      '<a name="top"></a><table width="100%" cellspacing="0" cellpadding="10" border="0" align="center"><tr><td class="bodyline"></td></tr></table>',
      'dir="ltr"',
      'bgcolor="#E5E5E5" text="#000000" link="#006699" vlink="#5493B4"',
    ),
  ],
  xenforo: [
    page(
      '<title>Forums | Example</title>',
      '<div class="p-pageWrapper" id="top"></div>',
      'id="XF" lang="en-US" dir="LTR" data-xf="2.3" data-app="public" data-template="thread_view" data-container-key="node-4" data-logged-in="false" class="has-no-js template-thread_view"',
      'data-template="thread_view"',
    ),
    page(
      '<title>Forums</title>',
      '<div id="headerMover"></div>',
      'id="XenForo" lang="en-US" dir="LTR" class="Public NoJs"',
    ),
  ],
  flarum: [
    page(
      '<title>Flarum Community</title><meta name="viewport" content="width=device-width, initial-scale=1">',
      '<div id="app" class="App"><div id="app-navigation" class="App-navigation"></div><main class="App-content"><div id="content"></div><div id="flarum-loading" style="display: none">Loading...</div><noscript><div class="Alert">This site is best viewed with JavaScript.</div></noscript></main></div><div id="modal"></div><div id="alerts"></div><script>document.getElementById(\'flarum-loading\').style.display = \'block\'; var flarum = {extensions: {}};</script><script id="flarum-json-payload" type="application/json">{"resources":[]}</script>',
    ),
  ],
  vbulletin: [
    page(
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><meta name="generator" content="vBulletin 4.2.5"><script type="text/javascript" src="clientscript/vbulletin_global.js?v=425"></script>',
      '<div class="above_body"></div><div class="body_wrapper"></div>',
    ),
    page(
      '<meta name="generator" content="vBulletin 5.6.9"><link rel="stylesheet" type="text/css" href="css.php?styleid=1&amp;sheet=css_reset.css">',
      '<div id="main-navbar-wrapper" class="noselect"></div>',
      '',
      'id="vb-page-body" class="l-desktop page1 vb-page view-mode logged-out" itemscope data-usergroupid="1"',
    ),
    // vBulletin 4 (and 3) with the generator tag removed.
    page(
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><script type="text/javascript" src="clientscript/yui/yuiloader-dom-event/yuiloader-dom-event.js?v=425"></script><script type="text/javascript" src="clientscript/vbulletin_global.js?v=425"></script><link rel="stylesheet" type="text/css" href="css.php?styleid=1&amp;langid=1&amp;d=1&amp;sheet=bbcode.css,editor.css">',
      '<div class="above_body"><div id="header" class="floatcontainer doc_header"></div></div><div class="body_wrapper"></div>',
    ),
  ],
  mybb: [
    page(
      '<title>Community Forums</title><script type="text/javascript" src="https://community.example/jscripts/jquery.js?ver=1823"></script><script type="text/javascript" src="https://community.example/jscripts/general.js?ver=1838"></script><link type="text/css" rel="stylesheet" href="https://community.example/cache/themes/theme1/global.css">',
      '<div id="container"><a name="top" id="top"></a><div id="header"><div id="panel"><form method="post" action="member.php"><input name="action" type="hidden" value="do_login"><input name="my_post_key" type="hidden" value="0123abcd"></form></div></div><div id="content"></div></div>',
    ),
  ],
  nodebb: [
    page(
      '<title>NodeBB Community</title><link rel="stylesheet" type="text/css" href="/assets/client.css?v=abc123">',
      '<main id="panel" class="slideout-panel"><div class="container" id="content"><ul component="topic" class="posts" data-tid="1"></ul></div></main><script defer src="/assets/nodebb.min.js?v=abc123"></script>',
      'lang="en-GB" data-dir="ltr"',
      'class="page-topic page-topic-1 template-topic skin-noskin"',
    ),
  ],
  invision: [
    page(
      '<title>Topic - Invision Community</title><link rel="stylesheet" href="https://example.invisioncic.com/uploads/css_built_1/framework.css" media="all">',
      '<a href="#elContent" class="ipsHide" accesskey="m">Jump to content</a><div id="ipsLayout_header" class="ipsClearfix"></div>',
      'lang="en-US" dir="ltr"',
      'class="ipsApp ipsApp_front ipsJS_none ipsClearfix" data-controller="core.front.core.app" data-message="" data-pageapp="forums" data-pagelocation="front" data-pagemodule="forums" data-pagecontroller="topic"',
    ),
    // IP.Board 3.4
    page(
      '<meta http-equiv="content-type" content="text/html; charset=UTF-8"><title>Board Index - Example Forums</title><link rel="stylesheet" type="text/css" media="screen" href="https://forum.example/public/style_css/css_1/ipb_styles.css?ipbv=32006">',
      '<div id="ipbwrapper"><p id="content_jump" class="hide"><a id="top"></a><a href="#j_content" accesskey="m">Jump to content</a></p><div id="header_bar" class="clearfix"></div></div>',
      'lang="en"',
      "id='ipboard_body'",
    ),
  ],
  smf: [
    // SMF 2.0
    page(
      '<link rel="stylesheet" type="text/css" href="https://forum.example/Themes/default/css/index.css?fin20"><script type="text/javascript" src="https://forum.example/Themes/default/scripts/script.js?fin20"></script><script type="text/javascript" src="https://forum.example/Themes/default/scripts/theme.js?fin20"></script><link rel="help" href="https://forum.example/index.php?action=help"><link rel="search" href="https://forum.example/index.php?action=search"><link rel="contents" href="https://forum.example/index.php">',
      '<div id="wrapper"><div id="header"><div class="frame"><div id="top_section"></div><div id="upper_section" class="middletext"></div></div></div></div>',
    ),
    // SMF 2.1 with minimised scripts
    page(
      '<link rel="stylesheet" href="https://forum.example/Themes/default/css/minified_4f0b.css?smf214_1700000000"><script src="https://forum.example/Themes/default/scripts/minified_2c1e.js?smf214_1700000000"></script><link rel="help" href="https://forum.example/index.php?action=help"><link rel="contents" href="https://forum.example/index.php">',
      '<div id="footerfix"><div id="top_section"></div></div>',
      'lang="en-US"',
      'id="chrome" class="action_display board_2"',
    ),
    // SMF 1.1
    page(
      '<script language="JavaScript" type="text/javascript" src="https://forum.example/Themes/default/script.js?fin11"></script><link rel="stylesheet" type="text/css" href="https://forum.example/Themes/default/style.css?fin11"><link rel="help" href="https://forum.example/index.php?action=help" target="_blank">',
      '<div class="tborder"><table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="catbg"></td></tr></table></div>',
    ),
  ],
};

/** Pages that are not community software and must not be taken for it. */
const NEGATIVES: Record<string, string> = {
  'WordPress news article with a Mastodon share link': page(
    '<meta name="generator" content="WordPress 6.5"><meta property="og:type" content="article"><meta property="og:site_name" content="Daily News"><meta name="theme-color" content="#ffffff"><link rel="me" href="https://mastodon.social/@dailynews">',
    '<div id="page" class="site"><article class="post"><h1>Headline</h1><p>Text.</p><ul class="share"><li id="mastodon"><a href="https://mastodon.social/share?text=x">Mastodon</a></li><li id="facebook"></li></ul><iframe src="https://mastodon.social/@x/111/embed" class="mastodon-embed"></iframe></article></div><div id="app"></div>',
    'lang="en-US"',
    'class="post-template-default single single-post postid-42"',
  ),
  'Shopify shop': page(
    '<meta property="og:site_name" content="Example Store"><meta property="og:type" content="product"><meta name="shopify-checkout-api-token" content="abc"><meta name="shopify-digital-wallet" content="/123/digital_wallets/dialog"><meta name="theme-color" content="#10c5f9"><script id="shopify-features" type="application/json">{"accessToken":"abc"}</script>',
    '<div id="shopify-section-header" class="shopify-section"></div><main id="MainContent" role="main"><div id="app"></div></main><div id="modal"></div>',
    'class="no-js" lang="en"',
    'class="template-product"',
  ),
  'Docusaurus docs page': page(
    '<meta name="generator" content="Docusaurus v3.5.2"><meta property="og:site_name" content="Project Docs"><meta name="docusaurus_locale" content="en"><meta name="docsearch:language" content="en">',
    '<div id="__docusaurus"><nav class="navbar"></nav><div class="main-wrapper"><article><pre><code>&lt;my-app&gt;&lt;/my-app&gt; &lt;html id="XF"&gt;</code></pre></article></div></div>',
    'lang="en" dir="ltr" class="docs-wrapper plugin-docs plugin-id-default docs-version-current docs-doc-page" data-has-hydrated="false"',
  ),
  'Vue single-page app': page(
    '<title>App</title><script type="module" src="/assets/index-abc.js"></script>',
    '<div id="app"></div>',
  ),
  'React app with a modal root': page(
    '<title>App</title><link rel="manifest" href="/static/manifest.json">',
    '<noscript>You need to enable JavaScript to run this app.</noscript><div id="app"></div><div id="modal"></div>',
  ),
  'Angular tutorial app': page('<title>Tour of Heroes</title><base href="/">', '<my-app>Loading...</my-app>'),
  'blog whose footer links to GNU social': page(
    '<meta name="generator" content="WordPress 6.5"><title>Why I left the big platforms</title>',
    '<div id="wrap"><div id="header"></div><main><article><h1>Why I left the big platforms</h1></article></main><div id="footer"><p>Find me on <a href="https://gnusocial.rocks/">GNU social</a> and <a href="https://www.gnu.org/software/social/">its old home</a>.</p></div></div>',
    'lang="en"',
  ),
  'blog listing with an action_ body class': page(
    '<meta name="generator" content="Hugo 0.125.0">',
    '<main></main>',
    'lang="en"',
    'class="action_index"',
  ),
};

/** At least three sample addresses per software and the page type the guide gives them. */
const URL_SAMPLES: Record<string, Array<[string, PageType]>> = {
  gnusocial: [
    ['https://social.example/main/public', 'feed'],
    ['https://social.example/ada/all', 'feed'],
    ['https://social.example/notice/12345', 'thread'],
    ['https://social.example/conversation/678', 'thread'],
    ['https://social.example/group/knitters', 'group'],
    ['https://social.example/ada/inbox', 'messages'],
    ['https://social.example/message/new', 'messages'],
    ['https://social.example/ada/subscribers', 'connections'],
    ['https://social.example/ada/replies', 'notifications'],
    ['https://social.example/tag/gardening', 'explore'],
    ['https://social.example/search/notice?q=x', 'search'],
    ['https://social.example/settings/profile', 'settings'],
    ['https://social.example/main/login', 'info'],
    ['https://social.example/', 'feed'],
    ['https://social.example/ada', 'creator-profile'],
  ],
  hubzilla: [
    ['https://hub.example/network', 'feed'],
    ['https://hub.example/display/0a1b2c3d', 'thread'],
    ['https://hub.example/mail/combined', 'messages'],
    ['https://hub.example/connections', 'connections'],
    ['https://hub.example/channel/ada', 'person-profile'],
    ['https://hub.example/cal', 'event'],
    ['https://hub.example/settings/channel', 'settings'],
    ['https://hub.example/', 'info'],
  ],
  firefish: [
    ['https://fish.example/', 'feed'],
    ['https://fish.example/notes/9abc123', 'thread'],
    ['https://fish.example/@ada', 'creator-profile'],
    ['https://fish.example/my/messaging', 'messages'],
  ],
  iceshrimp: [
    ['https://shrimp.example/notes/9zzq1a2b3c', 'thread'],
    ['https://shrimp.example/@ada', 'creator-profile'],
    ['https://shrimp.example/tags/cats', 'explore'],
    ['https://shrimp.example/login', 'info'],
    ['https://shrimp.example/', 'feed'],
  ],
  mbin: [
    ['https://fedia.io/', 'feed'],
    ['https://fedia.io/sub/threads/hot', 'feed'],
    ['https://fedia.io/microblog', 'feed'],
    ['https://fedia.io/m/technology', 'group'],
    ['https://fedia.io/m/technology/t/123456/a-new-phone-that-lasts', 'thread'],
    ['https://fedia.io/m/technology/p/98765/-', 'thread'],
    ['https://fedia.io/magazines', 'group'],
    ['https://fedia.io/profile/messages/12', 'messages'],
    ['https://fedia.io/u/ada/message', 'messages'],
    ['https://fedia.io/settings/notifications', 'notifications'],
    ['https://fedia.io/settings/general', 'settings'],
    ['https://fedia.io/u/ada/followers', 'connections'],
    ['https://fedia.io/u/ada', 'person-profile'],
    ['https://fedia.io/tag/fediverse', 'explore'],
    ['https://fedia.io/search?q=x', 'search'],
    ['https://fedia.io/login', 'info'],
  ],
  proboards: [
    ['https://knitting.proboards.com/thread/77/first-post', 'thread'],
    ['https://knitting.proboards.com/board/4/general-chat', 'forum'],
    ['https://knitting.boards.net/conversations', 'messages'],
    ['https://knitting.freeforums.net/user/12', 'person-profile'],
    ['https://knitting.proboards.com/members', 'connections'],
    ['https://knitting.proboards.com/search/results?what_at_least_one=wool', 'search'],
    ['https://knitting.proboards.com/login', 'info'],
    ['https://knitting.proboards.com/', 'forum'],
    ['https://www.proboards.com/forum-directory', 'info'],
  ],
  tapatalk: [
    ['https://www.tapatalk.com/groups/knitters/first-socks-t123.html', 'thread'],
    ['https://www.tapatalk.com/groups/knitters/first-socks-t123-s20.html', 'thread'],
    ['https://www.tapatalk.com/groups/knitters/patterns-f4/', 'forum'],
    ['https://www.tapatalk.com/groups/knitters/ucp.php?i=pm&folder=inbox', 'messages'],
    ['https://www.tapatalk.com/groups/knitters/memberlist.php', 'connections'],
    ['https://www.tapatalk.com/groups/knitters/search.php', 'search'],
    ['https://www.tapatalk.com/groups/knitters/', 'forum'],
    ['https://www.tapatalk.com/pricing', 'info'],
    ['https://club.example/showthread.php?t=9', 'thread'],
    ['https://club.example/', 'forum'],
  ],
  sharkey: [
    ['https://shonk.example/', 'feed'],
    ['https://shonk.example/notes/9xyzabc123', 'thread'],
    ['https://shonk.example/@ada', 'creator-profile'],
    ['https://shonk.example/chat', 'messages'],
  ],
  gotosocial: [
    ['https://gts.example/@ada', 'creator-profile'],
    ['https://gts.example/@ada/statuses/01HXYZABCDEF', 'thread'],
    ['https://gts.example/tags/gardening', 'explore'],
    ['https://gts.example/settings/user/profile', 'settings'],
    ['https://gts.example/about', 'info'],
    ['https://gts.example/', 'info'],
  ],
  bookwyrm: [
    ['https://bookwyrm.social/', 'feed'],
    ['https://bookwyrm.social/local', 'feed'],
    ['https://bookwyrm.social/direct-messages', 'messages'],
    ['https://bookwyrm.social/group/12', 'group'],
    ['https://bookwyrm.social/user/mouse/review/1234', 'thread'],
    ['https://bookwyrm.social/user/mouse/followers', 'connections'],
    ['https://bookwyrm.social/book/5678', 'explore'],
    ['https://bookwyrm.social/user/mouse', 'person-profile'],
    ['https://bookwyrm.social/notifications', 'notifications'],
    ['https://bookwyrm.social/search?q=dune', 'search'],
    ['https://bookwyrm.social/preferences/profile', 'settings'],
    ['https://bookwyrm.social/about', 'info'],
  ],
  funkwhale: [
    ['https://open.audio/library', 'feed'],
    ['https://open.audio/channels/sounds_of_the_forest', 'creator-profile'],
    ['https://open.audio/library/albums/123', 'post'],
    ['https://open.audio/explore', 'explore'],
    ['https://open.audio/notifications', 'notifications'],
    ['https://open.audio/search?q=jazz', 'search'],
    ['https://open.audio/settings', 'settings'],
    ['https://open.audio/about', 'info'],
  ],
  mobilizon: [
    ['https://mobilizon.fr/events/0c1f8a2e-1111-2222-3333-444455556666', 'event'],
    ['https://mobilizon.fr/@repair_cafe_nantes', 'group'],
    ['https://mobilizon.fr/conversations', 'messages'],
    ['https://mobilizon.fr/notifications', 'notifications'],
    ['https://mobilizon.fr/search?term=velo', 'explore'],
    ['https://mobilizon.fr/settings/general', 'settings'],
    ['https://mobilizon.fr/about/instance', 'info'],
    ['https://mobilizon.fr/', 'feed'],
  ],
  writefreely: [
    ['https://write.as/read', 'feed'],
    ['https://write.as/me/settings', 'settings'],
    ['https://write.as/about', 'info'],
    ['https://write.as/ada/tag:gardening', 'explore'],
    ['https://write.as/ada/', 'creator-profile'],
    ['https://write.as/ada/first-frost', 'post'],
  ],
  forumotion: [
    ['https://www.forumotion.com/', 'info'],
    ['https://jardiniers.forumactif.com/t1234-tomates-en-hiver', 'thread'],
    ['https://jardiniers.forumactif.com/post?t=1234&mode=reply', 'thread'],
    ['https://jardiniers.forumactif.com/f3-potager', 'forum'],
    ['https://jardiniers.forumactif.com/privmsg?folder=inbox', 'messages'],
    ['https://jardiniers.forumactif.com/u42', 'person-profile'],
    ['https://jardiniers.forumactif.com/memberlist', 'connections'],
    ['https://jardiniers.forumactif.com/search?search_keywords=semis', 'search'],
    ['https://jardiniers.forumactif.com/login', 'info'],
    ['https://jardiniers.forumactif.com/', 'forum'],
  ],
  mastodon: [
    ['https://mastodon.social/home', 'feed'],
    ['https://mastodon.social/public/local', 'feed'],
    ['https://mastodon.social/explore', 'explore'],
    ['https://hachyderm.io/tags/rust', 'explore'],
    ['https://mastodon.social/conversations', 'messages'],
    ['https://mastodon.social/timelines/direct', 'messages'],
    ['https://mastodon.social/notifications', 'notifications'],
    ['https://mastodon.social/@Gargron', 'creator-profile'],
    ['https://mastodon.social/@Gargron/with_replies', 'creator-profile'],
    ['https://mastodon.social/@Gargron/113456789012345678', 'thread'],
    ['https://mastodon.social/deck/@Gargron/113456789012345678', 'thread'],
    ['https://mastodon.social/@Gargron/followers', 'connections'],
    ['https://fosstodon.org/follow_requests', 'connections'],
    ['https://fosstodon.org/directory', 'connections'],
    ['https://mastodon.social/lists/42', 'feed'],
    ['https://mastodon.social/settings/profile', 'settings'],
    ['https://mastodon.social/auth/sign_in', 'info'],
    ['https://mastodon.social/about', 'info'],
  ],
  misskey: [
    ['https://misskey.io/', 'feed'],
    ['https://misskey.io/notes/9xyzabc123', 'thread'],
    ['https://misskey.io/@syuilo', 'creator-profile'],
    ['https://misskey.io/channels/9abcd', 'group'],
    ['https://misskey.io/chat/room/9abcd', 'messages'],
    ['https://misskey.io/explore', 'explore'],
    ['https://misskey.io/my/notifications', 'notifications'],
  ],
  pleroma: [
    ['https://pleroma.example/main/friends', 'feed'],
    ['https://pleroma.example/main/public', 'feed'],
    ['https://pleroma.example/notice/AbCdEf123', 'thread'],
    ['https://pleroma.example/users/lain', 'creator-profile'],
    ['https://pleroma.example/lain', 'creator-profile'],
    ['https://pleroma.example/users/lain/dms', 'messages'],
    ['https://pleroma.example/chats/1', 'messages'],
    ['https://pleroma.example/friend-requests', 'connections'],
    ['https://pleroma.example/about', 'info'],
  ],
  pixelfed: [
    ['https://pixelfed.social/i/web', 'feed'],
    ['https://pixelfed.social/i/web/timeline/home', 'feed'],
    ['https://pixelfed.social/p/dansup/123456789', 'post'],
    ['https://pixelfed.social/i/web/post/123456789', 'post'],
    ['https://pixelfed.social/dansup', 'creator-profile'],
    ['https://pixelfed.social/i/web/profile/123', 'creator-profile'],
    ['https://pixelfed.social/i/web/direct', 'messages'],
    ['https://pixelfed.social/discover', 'explore'],
    ['https://pixelfed.social/settings/home', 'settings'],
  ],
  peertube: [
    ['https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d', 'video'],
    ['https://framatube.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d', 'video'],
    ['https://framatube.org/c/framasoft_channel/videos', 'creator-profile'],
    ['https://framatube.org/a/framasoft', 'creator-profile'],
    ['https://framatube.org/videos/trending', 'explore'],
    ['https://framatube.org/videos/subscriptions', 'feed'],
    ['https://framatube.org/my-account/notifications', 'notifications'],
    ['https://framatube.org/search?search=linux', 'search'],
  ],
  lemmy: [
    ['https://lemmy.world/', 'feed'],
    ['https://lemmy.world/c/technology', 'group'],
    ['https://lemmy.ml/communities', 'group'],
    ['https://lemmy.world/post/123456', 'thread'],
    ['https://lemmy.world/comment/987654', 'thread'],
    ['https://lemmy.world/u/someone', 'person-profile'],
    ['https://beehaw.org/inbox', 'messages'],
    ['https://lemmy.world/login', 'info'],
  ],
  friendica: [
    ['https://friendica.example/network', 'feed'],
    ['https://friendica.example/display/a1b2c3d4-1234', 'thread'],
    ['https://friendica.example/profile/alice', 'person-profile'],
    ['https://friendica.example/message', 'messages'],
    ['https://friendica.example/contact', 'connections'],
    ['https://friendica.example/events', 'event'],
    ['https://friendica.example/', 'info'],
  ],
  discourse: [
    ['https://meta.discourse.org/t/congratulations-most-stars-in-2013-github-octoverse/12483', 'thread'],
    ['https://meta.discourse.org/t/some-topic/12483/7', 'thread'],
    ['https://meta.discourse.org/c/support/6', 'forum'],
    ['https://meta.discourse.org/latest', 'forum'],
    ['https://meta.discourse.org/', 'forum'],
    ['https://meta.discourse.org/u/codinghorror', 'person-profile'],
    ['https://meta.discourse.org/u/codinghorror/messages', 'messages'],
    ['https://forum.example.org/u/sam/preferences/account', 'settings'],
    ['https://forum.example.org/g/moderators', 'group'],
    ['https://forum.example.org/login', 'info'],
  ],
  phpbb: [
    ['https://www.phpbb.com/community/viewtopic.php?t=2638000', 'thread'],
    ['https://www.phpbb.com/community/viewforum.php?f=46', 'forum'],
    ['https://forum.example.org/phpBB3/', 'forum'],
    ['https://forum.example.org/index.php', 'forum'],
    ['https://forum.example.org/ucp.php?i=pm&folder=inbox', 'messages'],
    ['https://forum.example.org/ucp.php?i=ucp_pm&mode=compose', 'messages'],
    ['https://forum.example.org/ucp.php?mode=login', 'info'],
    ['https://forum.example.org/ucp.php?i=ucp_profile&mode=reg_details', 'settings'],
    ['https://forum.example.org/memberlist.php?mode=viewprofile&u=2', 'person-profile'],
    ['https://forum.example.org/posting.php?mode=reply&t=5', 'thread'],
  ],
  xenforo: [
    ['https://xenforo.com/community/threads/some-thread.12345/', 'thread'],
    ['https://xenforo.com/community/threads/some-thread.12345/page-2', 'thread'],
    ['https://xenforo.com/community/forums/announcements.1/', 'forum'],
    ['https://forum.example.org/index.php?threads/some-thread.12345/', 'thread'],
    ['https://forum.example.org/conversations/hello.55/', 'messages'],
    ['https://forum.example.org/direct-messages/hello.55/', 'messages'],
    ['https://forum.example.org/members/alice.42/', 'person-profile'],
    ['https://forum.example.org/account/alerts', 'notifications'],
    ['https://forum.example.org/', 'forum'],
  ],
  flarum: [
    ['https://discuss.flarum.org/d/12345-some-discussion', 'thread'],
    ['https://discuss.flarum.org/t/support', 'forum'],
    ['https://discuss.flarum.org/u/franzliedke', 'person-profile'],
    ['https://discuss.flarum.org/?q=extensions', 'search'],
    ['https://discuss.flarum.org/', 'forum'],
  ],
  vbulletin: [
    ['https://forum.example.org/showthread.php?t=123', 'thread'],
    ['https://forum.example.org/showthread.php/123-Some-title', 'thread'],
    ['https://forum.example.org/threads/123-Some-title', 'thread'],
    ['https://forum.example.org/forumdisplay.php?f=4', 'forum'],
    ['https://forum.example.org/forums/4-General', 'forum'],
    ['https://forum.example.org/private.php', 'messages'],
    ['https://forum.example.org/member.php?u=5', 'person-profile'],
    ['https://forum.example.org/forum/general-discussion/off-topic/12345-hello-world', 'thread'],
    ['https://forum.example.org/forum/general-discussion', 'forum'],
    ['https://forum.example.org/privatemessage/view?folderid=1', 'messages'],
  ],
  mybb: [
    ['https://community.mybb.com/showthread.php?tid=1', 'thread'],
    ['https://community.mybb.com/thread-12345.html', 'thread'],
    ['https://community.mybb.com/forumdisplay.php?fid=2', 'forum'],
    ['https://community.mybb.com/forum-2.html', 'forum'],
    ['https://community.mybb.com/private.php?action=read&pmid=3', 'messages'],
    ['https://community.mybb.com/member.php?action=profile&uid=1', 'person-profile'],
    ['https://community.mybb.com/member.php?action=login', 'info'],
    ['https://community.mybb.com/user-1.html', 'person-profile'],
    ['https://community.mybb.com/', 'forum'],
  ],
  nodebb: [
    ['https://community.nodebb.org/topic/123/some-slug', 'thread'],
    ['https://community.nodebb.org/category/1/announcements', 'forum'],
    ['https://community.nodebb.org/user/julian', 'person-profile'],
    ['https://community.nodebb.org/user/julian/chats/5', 'messages'],
    ['https://community.nodebb.org/chats', 'messages'],
    ['https://community.nodebb.org/groups/administrators', 'group'],
    ['https://community.nodebb.org/', 'forum'],
  ],
  invision: [
    ['https://invisioncommunity.com/forums/topic/470000-some-topic/', 'thread'],
    ['https://invisioncommunity.com/forums/forum/500-feedback/', 'forum'],
    ['https://forum.example.org/index.php?/topic/123-some-topic/', 'thread'],
    ['https://forum.example.org/messenger/', 'messages'],
    ['https://forum.example.org/profile/5-alice/', 'person-profile'],
    ['https://forum.example.org/clubs/3-knitting/', 'group'],
    ['https://forum.example.org/', 'forum'],
  ],
  smf: [
    ['https://www.simplemachines.org/community/index.php?topic=580000.0', 'thread'],
    ['https://www.simplemachines.org/community/index.php?board=1.0', 'forum'],
    ['https://forum.example.org/index.php/topic,123.0.html', 'thread'],
    ['https://forum.example.org/index.php?action=pm', 'messages'],
    ['https://forum.example.org/index.php?action=profile;u=1', 'person-profile'],
    ['https://forum.example.org/index.php?action=profile;area=account;u=1', 'settings'],
    ['https://forum.example.org/index.php?action=login', 'info'],
    ['https://forum.example.org/index.php', 'forum'],
  ],
};

describe('community definitions', () => {
  const ids = communities.map((c) => c.id);

  it('registers every file of src/core/communities under its id', async () => {
    const files = readdirSync(COMMUNITIES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const id = basename(file, '.ts');
      const mod = (await import(join(COMMUNITIES_DIR, file))) as Record<string, unknown>;
      const exported = Object.values(mod).filter(
        (v): v is CommunityDefinition => typeof v === 'object' && v !== null && 'fingerprints' in v,
      );
      expect(exported, file).toHaveLength(1);
      expect(exported[0]?.id, file).toBe(id);
      expect(communities, file).toContain(exported[0]);
    }
    expect(communities).toHaveLength(files.length);
  });

  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers the software the guide names', () => {
    for (const id of Object.keys(SNIPPETS)) expect(ids).toContain(id);
    for (const id of ids) {
      expect(Object.keys(SNIPPETS), `snippet for ${id}`).toContain(id);
      expect(Object.keys(URL_SAMPLES), `URL samples for ${id}`).toContain(id);
    }
  });

  it('gives forums a networking lean and media lean to PeerTube and Pixelfed', () => {
    for (const c of communities) {
      expect(['fediverse', 'forum']).toContain(c.kind);
      if (c.kind === 'forum') expect(c.lean, c.id).toBe('networking');
    }
    const lean = Object.fromEntries(communities.map((c) => [c.id, c.lean]));
    expect(lean.peertube).toBe('media');
    expect(lean.pixelfed).toBe('media');
    expect(lean.lemmy).toBe('networking');
    expect(lean.mastodon).toBe('both');
  });

  it('lists only registrable domains, none shared between communities', () => {
    const owner = new Map<string, string>();
    for (const c of communities) {
      for (const domain of c.domains) {
        expect(getDomain(domain), `${c.id}: ${domain}`).toBe(domain);
        expect(owner.get(domain), `${domain} is listed by ${owner.get(domain)} and ${c.id}`).toBeUndefined();
        owner.set(domain, c.id);
      }
      for (const host of c.hosts ?? []) {
        expect(host).toBe(host.toLowerCase());
        expect(c.domains, `${c.id}: host ${host}`).toContain(getDomain(host));
      }
    }
  });

  it('has fingerprints able to reach the detection threshold, with sane weights', () => {
    for (const c of communities) {
      expect(c.fingerprints.length, c.id).toBeGreaterThan(0);
      for (const fp of c.fingerprints) {
        expect(fp.weight, c.id).toBeGreaterThan(0);
        expect(fp.weight, c.id).toBeLessThanOrEqual(1);
        expect(fp.selector.trim(), `${c.id}: empty fingerprint`).not.toBe('');
        expect(() => parse('<p></p>').querySelector(fp.selector)).not.toThrow();
        for (const text of fp.text ?? []) expect(text.trim(), `${c.id}: empty text`).not.toBe('');
      }
      const max = Math.max(...c.fingerprints.map((fp) => fp.weight));
      const sum = c.fingerprints.reduce((s, fp) => s + fp.weight, 0);
      expect(max >= THRESHOLD || sum >= THRESHOLD, c.id).toBe(true);
    }
  });

  it('has well-formed URL rules and signals', () => {
    const signalIds = new Set<string>();
    for (const c of communities) {
      expect(c.urlRules.length, c.id).toBeGreaterThan(0);
      for (const rule of c.urlRules) {
        expect(PAGE_TYPES).toContain(rule.pageType);
        expect(Boolean(rule.path || rule.search || rule.hash || rule.hosts), `${c.id}: rule without condition`).toBe(
          true,
        );
      }
      for (const signal of c.signals ?? []) {
        expect(signal.id.startsWith(`${c.id}.`), signal.id).toBe(true);
        expect(signalIds.has(signal.id), signal.id).toBe(false);
        signalIds.add(signal.id);
        expect(signal.weight).toBeGreaterThan(0);
        expect(signal.weight).toBeLessThanOrEqual(1);
        expect(() => parse('<p></p>').querySelector(signal.selector)).not.toThrow();
      }
    }
  });
});

describe('fingerprints', () => {
  for (const [id, snippets] of Object.entries(SNIPPETS)) {
    snippets.forEach((html, i) => {
      it(`recognise ${id} (sample ${i + 1}) and nothing else`, () => {
        const doc = parse(html);
        expect(detected(doc)).toEqual([id]);
        expect(detectCommunity(knowledge, doc)).toBe(id);
      });
    });
  }

  for (const [name, html] of Object.entries(NEGATIVES)) {
    it(`do not match a ${name}`, () => {
      expect(detected(parse(html))).toEqual([]);
      expect(detectCommunity(knowledge, parse(html))).toBeNull();
    });
  }

  it('read a text fingerprint even when no element fingerprint matches', () => {
    const notice = '<noscript>\n  To use Akkoma, please enable JavaScript.</noscript>';
    expect(detectCommunity(knowledge, parse(page('<title>Town</title>', notice)))).toBe('pleroma');
    const other = '<noscript>To use this shop, please enable JavaScript.</noscript>';
    expect(detectCommunity(knowledge, parse(page('<title>Shop</title>', other)))).toBeNull();
  });

  it('score each selector alone when a DOM rejects the list of all of them', () => {
    const doc = parse(SNIPPETS.discourse?.[0] ?? '');
    const list = knowledge.sites.discourse?.fingerprints?.map(([selector]) => selector) ?? [];
    const picky = {
      querySelector: (selector: string) => {
        if (!list.includes(selector)) throw new SyntaxError(`rejected: ${selector.slice(0, 40)}`);
        return doc.querySelector(selector);
      },
      querySelectorAll: (selector: string) => doc.querySelectorAll(selector),
    };
    expect(detectCommunity(knowledge, picky)).toBe('discourse');
  });

  const realPages = existsSync(join(REAL_PAGES, 'pages.json'))
    ? (JSON.parse(readFileSync(join(REAL_PAGES, 'pages.json'), 'utf8')) as Array<{ file: string; url: string }>)
    : [];

  it.skipIf(realPages.length === 0)(
    'recognise the real Discourse capture and no software on the other captures',
    () => {
      for (const { file } of realPages) {
        const doc = parse(readFileSync(join(REAL_PAGES, file), 'utf8'));
        expect(detected(doc), file).toEqual(file.startsWith('discourse/') ? ['discourse'] : []);
      }
    },
  );
});

describe('URL rules', () => {
  const byId = new Map(communities.map((c) => [c.id, c]));
  for (const [id, samples] of Object.entries(URL_SAMPLES)) {
    it(`name the page types of ${id}`, () => {
      expect(samples.length).toBeGreaterThanOrEqual(3);
      const community = byId.get(id);
      expect(community).toBeDefined();
      for (const [url, pageType] of samples) {
        expect(pageTypeOf(community as CommunityDefinition, url), url).toBe(pageType);
      }
    });
  }
});
