import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { BusNamespace } from '@openday/contracts';

export interface StreamSettings {
  replicas: number;
  maxAgeHours: number;
  duplicateWindowSeconds: number;
}

export const defaultStreamSettings: StreamSettings = {
  replicas: 1,
  maxAgeHours: 24 * 30,
  duplicateWindowSeconds: 120,
};

const HOUR_MS = 3_600_000;

/**
 * Limits retention with a max age, so subscriber systems can replay history
 * and several consumers read the same events independently.
 */
type NamedStreamConfig = Partial<StreamConfig> & { name: string };

function streamConfig(name: string, subjects: string[], settings: StreamSettings): NamedStreamConfig {
  return {
    name,
    subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(settings.maxAgeHours * HOUR_MS),
    duplicate_window: nanos(settings.duplicateWindowSeconds * 1000),
    num_replicas: settings.replicas,
  };
}

async function ensureStream(jsm: JetStreamManager, config: NamedStreamConfig): Promise<void> {
  const name = config.name;
  const existing = await jsm.streams.info(name).catch((err: unknown) => {
    if (isNotFound(err)) return null;
    throw err;
  });
  if (!existing) {
    await jsm.streams.add(config).catch(async (err: unknown) => {
      // Another replica created it between our look-up and our add.
      if (!String(err).includes('already in use')) throw err;
    });
    return;
  }
  const { name: _name, ...update } = config;
  await jsm.streams.update(name, update);
}

function isNotFound(err: unknown): boolean {
  return /not found/i.test(String((err as Error)?.message ?? err));
}

/**
 * A producing service's two streams, public and internal. Idempotent: safe
 * to run from every replica at every start.
 */
export async function provisionEventStream(
  jsm: JetStreamManager,
  namespace: BusNamespace,
  service: string,
  settings: StreamSettings = defaultStreamSettings,
): Promise<string[]> {
  const names: string[] = [];
  for (const visibility of ['public', 'internal'] as const) {
    const name = namespace.eventStream(service, visibility);
    await ensureStream(jsm, streamConfig(name, [namespace.serviceEventsWildcard(service, visibility)], settings));
    names.push(name);
  }
  return names;
}

export async function provisionDeadLetterStream(
  jsm: JetStreamManager,
  namespace: BusNamespace,
  settings: StreamSettings = defaultStreamSettings,
): Promise<string> {
  const name = namespace.deadLetterStream;
  await ensureStream(jsm, streamConfig(name, [namespace.deadLetterWildcard], settings));
  return name;
}
