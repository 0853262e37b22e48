// Tongban's settings for Camunda Tasklist; they replace the webjar's config.js of the same path.
export default {
  // The webapp takes the browser's first language without its region ("zh" for zh-CN, zh-TW, zh-HK) and looks
  // it up here; any language not listed, and any key missing from a translation, falls back to Chinese.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // Tasklist's own keyboard shortcuts, described in Chinese in its shortcut help
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '转到过滤器列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '转到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '转到任务表单中的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
