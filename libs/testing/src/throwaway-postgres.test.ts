import { Client } from 'pg';
import { startThrowawayPostgres } from './throwaway-postgres';

async function currentDatabase(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT current_database() AS name');
    return rows[0].name;
  } finally {
    await client.end();
  }
}

describe('throw-away PostgreSQL cluster', () => {
  it('starts on a port of its own, survives a restart and is gone after stop', async () => {
    const pg = await startThrowawayPostgres();
    expect(pg.port).not.toBe(5432);
    expect(await currentDatabase(pg.url)).toBe('app');

    const held = new Client({ connectionString: pg.adminUrl });
    const dropped = new Promise<Error>((resolve) => held.on('error', resolve));
    await held.connect();
    await pg.restart();
    expect((await dropped).message).toMatch(/terminating connection due to administrator command/);
    expect(await currentDatabase(pg.adminUrl)).toBe('postgres');

    await pg.stop();
    await expect(currentDatabase(pg.adminUrl)).rejects.toThrow();
  }, 30_000);
});
