import { isDatabaseUnreachable } from './database-unreachable';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('database unreachable', () => {
  it.each([
    ['server shut down (restart)', withCode('terminating connection due to administrator command', '57P01'), true],
    ['server starting up', withCode('the database system is starting up', '57P03'), true],
    ['too many connections', withCode('sorry, too many clients already', '53300'), true],
    ['connection exception class', withCode('connection failure', '08006'), true],
    ['refused socket', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), true],
    ['dropped socket', new Error('Connection terminated unexpectedly'), true],
    ['connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['connection lost inside a transaction (TypeORM)', new Error('Database connection provided by a query runner was already released, cannot continue'), true],
    ['wrapped by TypeORM', Object.assign(new Error('query failed'), { driverError: withCode('x', '57P01') }), true],
    ['unique violation', withCode('duplicate key value violates unique constraint', '23505'), false],
    ['serialization failure', withCode('could not serialize access', '40001'), false],
    ['a handler bug', new TypeError('cannot read properties of undefined'), false],
    ['from another realm (not instanceof Error)', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, true],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s → %s', (_case, err, expected) => {
    expect(isDatabaseUnreachable(err)).toBe(expected);
  });
});
