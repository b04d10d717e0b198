import { parseAdminCreateArgs } from './admin-create-options';

describe('admin:create arguments', () => {
  it.each<[string, string[], ReturnType<typeof parseAdminCreateArgs>]>([
    ['a username alone', ['--username', 'chen.admin'], { options: { username: 'chen.admin', displayName: '市政府办公室管理员', email: undefined, another: false } }],
    [
      'every option',
      ['--username=chen.admin', '--agency', 'city-office', '--display-name', '陈主任', '--email', 'chen@city.example', '--another'],
      { options: { username: 'chen.admin', displayName: '陈主任', email: 'chen@city.example', another: true } },
    ],
    ['--force as --another', ['--username', 'x-admin', '--force'], { options: { username: 'x-admin', displayName: '市政府办公室管理员', email: undefined, another: true } }],
    ['no username', ['--agency', 'city-office'], { error: '--username is required' }],
    ['another agency', ['--username', 'x-admin', '--agency', 'water-affairs-bureau'], { error: expect.stringContaining('--agency must be city-office') }],
    ['an unknown option', ['--username', 'x-admin', '--password', 'secret'], { error: expect.stringContaining("'--password'") }],
    ['a stray argument', ['--username', 'x-admin', 'extra'], { error: expect.stringContaining('extra') }],
  ])('%s', (_label, args, expected) => {
    expect(parseAdminCreateArgs(args)).toEqual(expected);
  });
});
