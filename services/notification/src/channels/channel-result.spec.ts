import { MAX_ANSWER_CHARS, providerAnswer } from './channel-result';

describe('providerAnswer: what the delivery log and notification-failed keep of a provider’s answer', () => {
  it.each([
    ['an SMTP refusal naming the mailbox', 'SMTP delivery failed: 550 5.1.1 <zhangsan@example.cn>: Recipient address rejected', 'SMTP delivery failed: 550 5.1.1 <z***@example.cn>: Recipient address rejected'],
    ['an SMS provider echoing the number', 'SMS provider answered 400 Bad Request: {"to":"13812345678","error":"blocked"}', 'SMS provider answered 400 Bad Request: {"to":"138****5678","error":"blocked"}'],
    ['a number written with +86, spaces or dashes', 'rejected +86 139 1234 5678, 139-1234-5678 and +8613912345678', 'rejected 139****5678, 139****5678 and 139****5678'],
    ['nothing personal', 'SMS provider answered 500 Internal Server Error', 'SMS provider answered 500 Internal Server Error'],
    ['a longer digit run is no mobile', 'order 213812345678901', 'order 213812345678901'],
  ])('%s', (_case, answer, kept) => {
    expect(providerAnswer(answer)).toBe(kept);
  });

  it('keeps at most MAX_ANSWER_CHARS characters', () => {
    const kept = providerAnswer('x'.repeat(5000));
    expect(kept).toHaveLength(MAX_ANSWER_CHARS);
    expect(kept.endsWith('…')).toBe(true);
  });
});
