import { GenericContainer, Wait } from 'testcontainers';
import { PostgreSqlContainer } from '@testcontainers/postgresql';

export interface StartedService {
  url: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<StartedService> {
  const container = await new PostgreSqlContainer('postgres:17-alpine')
    .withUsername('postgres')
    .withPassword('postgres')
    .start();
  const url = `postgres://postgres:postgres@${container.getHost()}:${container.getPort()}/postgres`;
  return { url, stop: async () => void (await container.stop()) };
}

export async function startNats(): Promise<StartedService> {
  const container = await new GenericContainer('nats:2.12-alpine')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  const url = `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
  return { url, stop: async () => void (await container.stop()) };
}
