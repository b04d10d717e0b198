import { pickLanguage, supportedLanguage } from './language';

describe('supportedLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr', undefined],
    ['', undefined],
    [null, undefined],
    ['english', undefined],
  ])('%s → %s', (tag, expected) => {
    expect(supportedLanguage(tag)).toBe(expected);
  });
});

describe('pickLanguage', () => {
  it.each([
    ['the address wins', { query: 'en', stored: 'zh-CN', browser: ['zh-CN'] }, 'en'],
    ['then what was chosen before', { query: null, stored: 'en', browser: ['zh-CN'] }, 'en'],
    ['an unknown ?lang= is passed over', { query: 'fr', stored: 'en', browser: [] }, 'en'],
    ['then the browser, first supported', { query: null, stored: null, browser: ['de', 'en-US', 'zh'] }, 'en'],
    ['Chinese when nothing is known', { query: null, stored: null, browser: [] }, 'zh-CN'],
    ['Chinese when nothing is supported', { query: null, stored: null, browser: ['fr', 'de'] }, 'zh-CN'],
  ])('%s', (_case, hints, expected) => {
    expect(pickLanguage(hints)).toBe(expected);
  });
});
