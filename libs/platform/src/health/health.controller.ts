import type { ServerResponse } from 'node:http';
import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from './nats-connection.token';

const CHECK_TIMEOUT_MS = 1000;

/**
 * Terminus answers 503 once Nest's shutdown has begun (its executor flips in
 * `beforeApplicationShutdown`), so both probes fail while the server drains.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  /** The process is up and not shutting down; dependencies are not checked, so an outage does not restart every pod. */
  @Get('live')
  live(@Res() res: ServerResponse): Promise<void> {
    return this.answer(res, []);
  }

  /** Safe to send traffic: the database answers and the NATS connection is up. */
  @Get('ready')
  ready(@Res() res: ServerResponse): Promise<void> {
    return this.answer(res, [this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS), () => this.natsCheck()]);
  }

  private natsCheck() {
    const check = this.indicators.check('nats');
    if (this.nats.isClosed()) return check.down({ message: 'connection closed' });
    if (this.nats.isDraining()) return check.down({ message: 'connection draining' });
    // rtt() fails at once while disconnected (e.g. reconnecting) and otherwise proves a round trip.
    return check.attempt(async () => ({ rttMs: await this.nats.rtt() })).withTimeout(CHECK_TIMEOUT_MS);
  }

  /**
   * Terminus reports failure by throwing a 503 carrying its result; the result
   * is written as is (not as a problem), the shape probes and dashboards expect.
   */
  private async answer(res: ServerResponse, checks: HealthIndicatorFunction[]): Promise<void> {
    let status = 200;
    let body: unknown;
    try {
      body = await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      status = 503;
      body = error.getResponse();
    }
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify(body));
  }
}
