import type { BusNamespace } from '../bus-namespace';
import type { AsyncApiTag } from './asyncapi-document';

export const DOCUMENT_TITLE = 'Open Day platform events';

export function documentDescription(namespace: BusNamespace): string {
  return [
    'Events published by the Open Day platform services on NATS JetStream.',
    '',
    '## Envelope',
    'Every message body is a JSON [CloudEvents 1.0](https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md) ' +
      'envelope (`specversion`, `id`, `source`, `type`, `time`, `subject`, `datacontenttype`, `data`). ' +
      '`type` names the event and its version (`gov.openday.<service>.<event>.v<N>`); `subject` is the id of the ' +
      'record the event is about; `data` follows the schema of that event type.',
    '',
    '## Subjects and versions',
    `Each event type has its own subject \`${namespace.root}.<service>.<event>.v<N>\`. ` +
      'A breaking change is published as a new version on a new subject beside the old one.',
    '',
    '## Headers',
    '- `Nats-Msg-Id`: the CloudEvents `id`, used by JetStream for de-duplication. Delivery is at-least-once: ' +
      'store the ids you have processed and ignore repeats.',
    '- `traceparent`: W3C Trace Context of the request that caused the event.',
    '- `x-correlation-id`: correlation id of that request, also found in the log lines of every service involved.',
    '',
    '## Visibility',
    'Operations are tagged `public` or `internal`. Public events carry identifiers and the facts other systems need, ' +
      'and never a resident ID number, a phone number or an e-mail address. Subscriber systems read only public ' +
      'subjects: internal subjects, which may carry personal data between platform services, are not readable ' +
      "by subscriber accounts and are listed here only for the platform's own services.",
  ].join('\n');
}

export const visibilityTags: Record<'public' | 'internal', AsyncApiTag> = {
  public: { name: 'public', description: 'Readable by subscriber systems; carries no personal data.' },
  internal: { name: 'internal', description: 'Platform services only; not readable by subscriber accounts.' },
};
