import { Counter, Gauge, Histogram, register } from 'prom-client';

function counter(name: string, help: string, labelNames: string[]): Counter {
  const existing = register.getSingleMetric(name);
  return (existing as Counter | undefined) ?? new Counter({ name, help, labelNames });
}

/** Gauges whose value is read from live relays/consumers at scrape time. */
type GaugeSource = () => Promise<Array<{ labels: Record<string, string>; value: number }>>;

function sampledGauge(name: string, help: string, labelNames: string[], sources: Set<GaugeSource>): void {
  if (register.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    async collect() {
      this.reset();
      for (const source of sources) {
        const samples = await source().catch(() => []);
        for (const sample of samples) this.set(sample.labels, sample.value);
      }
    },
  });
}

export const outboxBacklogSources = new Set<GaugeSource>();
export const consumerPendingSources = new Set<GaugeSource>();

export const busMetrics = {
  published: counter('openday_events_published_total', 'Events published from the outbox to JetStream', ['type']),
  consumed: counter('openday_events_consumed_total', 'Events taken off JetStream by a consumer', ['consumer', 'outcome']),
  deadLettered: counter('openday_events_dead_lettered_total', 'Events moved to the dead-letter stream', ['consumer']),
  handlerSeconds:
    (register.getSingleMetric('openday_event_handler_duration_seconds') as Histogram | undefined) ??
    new Histogram({
      name: 'openday_event_handler_duration_seconds',
      help: 'Time from taking an event off the stream to its ack',
      labelNames: ['consumer'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
};

sampledGauge('openday_outbox_backlog', 'Outbox rows not yet published', ['service'], outboxBacklogSources);
sampledGauge('openday_consumer_pending', 'Messages in the stream not yet delivered to the consumer', ['consumer'], consumerPendingSources);
