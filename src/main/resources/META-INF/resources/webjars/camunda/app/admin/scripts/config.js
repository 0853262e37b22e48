// Tongban's settings for this Camunda webapp; they replace the webjar's config.js of the same path.
export default {
  // The webapp takes the browser's first language without its region ("zh" for zh-CN, zh-TW, zh-HK) and looks
  // it up here; any language not listed, and any key missing from a translation, falls back to Chinese.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
