import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig } from '@openday/platform';

export class GatewayConfig extends BaseServiceConfig {
  override PORT = 3000;
  override DATABASE_URL = 'postgres://openday_gateway:openday_gateway@127.0.0.1:5432/openday_gateway';
  override NATS_URL = ['nats://127.0.0.1:4222'];

  /** How long the gateway waits for a service's reply before answering 504. */
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer between 100 and 60000' })
  @Min(100, { message: '$property must be an integer between 100 and 60000' })
  @Max(60_000, { message: '$property must be an integer between 100 and 60000' })
  RPC_TIMEOUT_MS = 5000;
}
