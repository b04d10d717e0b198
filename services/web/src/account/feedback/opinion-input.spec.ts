import { checkOpinion, type OpinionDraft } from './opinion-input';

const good: OpinionDraft = { topic: 'infrastructure', text: '建议公布夜间检修时间', attachment: '' };

describe('checkOpinion', () => {
  const cases: Array<[string, Partial<OpinionDraft>, Record<string, string>]> = [
    ['a complete opinion', {}, {}],
    ['no topic', { topic: '' }, { topic: 'topicRequired' }],
    ['only spaces', { text: '   ' }, { text: 'textRequired' }],
    ['2000 characters of Chinese', { text: '字'.repeat(2000) }, {}],
    ['2001 characters', { text: '字'.repeat(2001) }, { text: 'textTooLong' }],
    ['an https link', { attachment: 'https://example.cn/photo.jpg' }, {}],
    ['not a link', { attachment: 'photo.jpg' }, { attachment: 'attachmentInvalid' }],
  ];

  it.each(cases)('%s', (_name, change, expected) => {
    const problems = checkOpinion({ ...good, ...change });
    expect(Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, p?.key]))).toEqual(expected);
  });
});
