import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { BusNamespace, EventVisibility } from '@openday/contracts';

/** How long each kind of stream keeps a message. */
export interface StreamMaxAgeHours {
  /** Public events: subscriber systems replay them. */
  public: number;
  /** Internal events carry personal data: kept only until every consumer has surely read them. */
  internal: number;
  /** Failed messages (possibly internal ones): kept for an operator to investigate and replay. */
  deadLetter: number;
}

export interface StreamSettings {
  replicas: number;
  maxAgeHours: StreamMaxAgeHours;
  duplicateWindowSeconds: number;
}

export const defaultStreamSettings: StreamSettings = {
  replicas: 1,
  maxAgeHours: { public: 24 * 90, internal: 24 * 7, deadLetter: 24 * 14 },
  duplicateWindowSeconds: 120,
};

const HOUR_MS = 3_600_000;

type NamedStreamConfig = Partial<StreamConfig> & { name: string };

/**
 * Limits retention with a max age, so subscriber systems can replay history
 * and several consumers read the same events independently.
 */
function streamConfig(name: string, subjects: string[], settings: StreamSettings, maxAgeHours: number): NamedStreamConfig {
  return {
    name,
    subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(maxAgeHours * HOUR_MS),
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
    await ensureStream(jsm, eventStreamConfig(namespace, service, visibility, settings));
    names.push(name);
  }
  return names;
}

function eventStreamConfig(
  namespace: BusNamespace,
  service: string,
  visibility: EventVisibility,
  settings: StreamSettings,
): NamedStreamConfig {
  const subjects = [namespace.serviceEventsWildcard(service, visibility)];
  return streamConfig(namespace.eventStream(service, visibility), subjects, settings, settings.maxAgeHours[visibility]);
}

const PERMISSION_RETRY_MS = 1000;

/**
 * Another service's stream, which a consumer reads: created here only if it is
 * missing and this user may create it (an open local NATS), never changed. Under
 * the production permissions only the producer creates its streams, so a
 * consumer that starts first waits for it.
 */
export async function awaitProducerStream(
  jsm: JetStreamManager,
  namespace: BusNamespace,
  producer: string,
  visibility: EventVisibility,
  settings: StreamSettings = defaultStreamSettings,
  onWaiting: (stream: string) => void = () => undefined,
): Promise<void> {
  const config = eventStreamConfig(namespace, producer, visibility, settings);
  for (let attempt = 0; ; attempt++) {
    const exists = await jsm.streams.info(config.name).then(
      () => true,
      (err: unknown) => {
        if (isNotFound(err)) return false;
        throw err;
      },
    );
    if (exists) return;
    const created = await jsm.streams.add(config).then(
      () => true,
      (err: unknown) => {
        if (String(err).includes('already in use')) return true;
        if (isPermissionViolation(err)) return false;
        throw err;
      },
    );
    if (created) return;
    if (attempt === 0) onWaiting(config.name);
    await new Promise((resolve) => setTimeout(resolve, PERMISSION_RETRY_MS));
  }
}

function isPermissionViolation(err: unknown): boolean {
  return /permissions violation/i.test(String((err as Error)?.message ?? err));
}

export async function provisionDeadLetterStream(
  jsm: JetStreamManager,
  namespace: BusNamespace,
  settings: StreamSettings = defaultStreamSettings,
): Promise<string> {
  const name = namespace.deadLetterStream;
  await ensureStream(jsm, streamConfig(name, [namespace.deadLetterWildcard], settings, settings.maxAgeHours.deadLetter));
  return name;
}

/**
 * Subscriber systems' replay: a stream in their own NATS account capturing the
 * public subjects it imports from the platform's (deploy/nats/accounts.conf),
 * kept as long as the public streams. Created by that account's admin user.
 */
export async function provisionReplayStream(
  jsm: JetStreamManager,
  namespace: BusNamespace,
  settings: StreamSettings = defaultStreamSettings,
): Promise<string> {
  const name = `${namespace.root}_public`.toUpperCase();
  await ensureStream(jsm, streamConfig(name, [`${namespace.root}.>`], settings, settings.maxAgeHours.public));
  return name;
}
