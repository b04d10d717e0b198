import { describeWords, wordKeys } from '../../i18n/words-check';
import { CHANNELS, DELIVERY_STATES, RECIPIENT_KINDS, TEMPLATES } from './delivery-log';

describeWords('console-deliveries', __dirname, 'console.deliveries');

describe('the delivery-log words built from values', () => {
  const zh = wordKeys('console-deliveries', 'zh-CN');
  const en = wordKeys('console-deliveries', 'en');

  it.each([
    ...DELIVERY_STATES.map((s) => `states.${s}`),
    ...CHANNELS.map((c) => `channels.${c}`),
    ...TEMPLATES.map((tpl) => `templates.${tpl}`),
    ...RECIPIENT_KINDS.map((r) => `recipients.${r}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
