import type { PlatformDefinition } from '../types';

// WeChat (Weixin) for the web, the browser client of the messenger. Hosts as the web clients and bots that
// drive it use them: wx.qq.com and wx2.qq.com (e.g. qwx's WX_SERVER_HOST and WX_V2_SERVER_HOST, Wechaty's
// web puppet) and web.wechat.com for accounts outside China.
export const wechat: PlatformDefinition = {
  id: 'wechat',
  name: 'WeChat Web',
  lean: 'networking',
  domains: ['qq.com', 'wechat.com'],
  // The rest of qq.com is Tencent's portal, mail and news; the rest of wechat.com is product pages.
  hosts: ['wx.qq.com', 'wx2.qq.com', 'web.wechat.com'],
  urlRules: [{ pageType: 'messages', hosts: ['wx.qq.com', 'wx2.qq.com', 'web.wechat.com'] }],
  fallbackPageType: 'messages',
};
