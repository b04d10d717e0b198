import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { GatewayConfig } from './gateway.config';
import { gatewayDatabase } from './gateway.database';
import { OpenDaysModule } from './open-days/open-days.module';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [ServiceCoreModule.forRoot({ service: 'gateway', config, database: gatewayDatabase }), OpenDaysModule],
    };
  }
}
