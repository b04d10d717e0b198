import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, NatsRecordBuilder } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { firstValueFrom, timeout } from 'rxjs';
import { BusNamespace } from '@openday/contracts';
import { CORRELATION_HEADER, TRACEPARENT_HEADER, currentCorrelation } from '@openday/messaging';
import { fromRpcError } from '../problem';

export const RPC_PROXY = Symbol('RPC_PROXY');
export const RPC_TIMEOUT_MS = Symbol('RPC_TIMEOUT_MS');

/**
 * The gateway's way to ask a service: request/reply over NATS to the
 * service's queue group, carrying the correlation, with a deadline.
 * No service listening becomes 503; one too slow, 504 (see fromRpcError).
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  constructor(
    @Inject(RPC_PROXY) private readonly proxy: ClientProxy,
    private readonly namespace: BusNamespace,
    @Inject(RPC_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  async call<TReply>(service: string, operation: string, payload: object): Promise<TReply> {
    const h = natsHeaders();
    const correlation = currentCorrelation();
    if (correlation) {
      h.set(CORRELATION_HEADER, correlation.correlationId);
      h.set(TRACEPARENT_HEADER, correlation.traceparent);
    }
    const record = new NatsRecordBuilder(payload).setHeaders(h).build();
    const reply$ = this.proxy
      .send<TReply>(this.namespace.rpcSubject(service, operation), record)
      .pipe(timeout(this.timeoutMs));
    try {
      return await firstValueFrom(reply$);
    } catch (err) {
      throw fromRpcError(err);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
