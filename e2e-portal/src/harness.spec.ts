import { test, expect } from './fixtures';

test('the harness: the platform serves the API and publishes an open day', async ({ platform }) => {
  const day = await platform.publishOpenDay('harness smoke');
  const res = await platform.call('GET', `/api/v1/open-days/${day.openDayId}`);
  expect(res.status).toBe(200);
});
