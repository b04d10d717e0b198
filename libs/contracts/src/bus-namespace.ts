/**
 * Every subject, stream and consumer name is derived from a namespace, so
 * production uses `openday.*` while each test suite gets its own isolated
 * namespace on the same NATS server.
 */
export const DEFAULT_NAMESPACE = 'openday';

const NAMESPACE_PATTERN = /^[a-z][a-z0-9_]{0,30}$/;
/** Request/reply roots (`rpc`, `rpc_<ns>`): a namespace named like one would stream another's requests. */
const RPC_ROOT_PATTERN = /^rpc(_|$)/;

/**
 * public: readable by subscriber systems; must never carry resident ID numbers,
 * phone numbers or e-mail addresses. internal: only the platform's own services.
 */
export type EventVisibility = 'public' | 'internal';

/**
 * Public events live under `<root>.`, internal ones under `<root>_internal.`,
 * so a subscriber account granted `<root>.>` can never read personal data.
 */
export class BusNamespace {
  constructor(readonly root: string = DEFAULT_NAMESPACE) {
    if (!NAMESPACE_PATTERN.test(root)) {
      throw new Error(`bus namespace "${root}" must match ${NAMESPACE_PATTERN}`);
    }
    if (RPC_ROOT_PATTERN.test(root)) {
      throw new Error(`bus namespace "${root}" is reserved: rpc and rpc_* are request/reply roots`);
    }
  }

  eventSubject(service: string, event: string, version: number, visibility: EventVisibility = 'public'): string {
    return `${this.subjectRoot(visibility)}.${service}.${event}.v${version}`;
  }

  serviceEventsWildcard(service: string, visibility: EventVisibility = 'public'): string {
    return `${this.subjectRoot(visibility)}.${service}.>`;
  }

  private subjectRoot(visibility: EventVisibility): string {
    return visibility === 'public' ? this.root : `${this.root}_internal`;
  }

  /** Request/reply lives outside every stream's subjects, or JetStream would answer it. */
  rpcSubject(service: string, operation: string): string {
    const rpcRoot = this.root === DEFAULT_NAMESPACE ? 'rpc' : `rpc_${this.root}`;
    return `${rpcRoot}.${service}.${operation}`;
  }

  eventStream(service: string, visibility: EventVisibility = 'public'): string {
    const suffix = visibility === 'public' ? service : `internal_${service}`;
    return `${this.root}_${suffix}`.toUpperCase();
  }

  get deadLetterStream(): string {
    return `${this.root}_deadletter`.toUpperCase();
  }

  /** Internal: a dead letter may be an internal event holding personal data. */
  deadLetterSubject(consumer: string): string {
    return `${this.subjectRoot('internal')}.deadletter.${consumer}`;
  }

  get deadLetterWildcard(): string {
    return `${this.subjectRoot('internal')}.deadletter.>`;
  }

  consumerName(service: string, purpose: string): string {
    return `${service}_${purpose}`.replace(/[^A-Za-z0-9_-]/g, '_');
  }
}
