import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceCoreModule } from '@openday/platform';
import type { GatewayConfig } from './gateway.config';
import { gatewayDatabase } from './gateway.database';
import { OpenDaysModule } from './open-days/open-days.module';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { AgenciesModule } from './agencies/agencies.module';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { ApplicationsModule } from './applications/applications.module';
import { PlansModule } from './plans/plans.module';
import { CalendarModule } from './calendar/calendar.module';
import { DistrictsModule } from './districts/districts.module';
import { PublicOpenDaysModule } from './public-open-days/public-open-days.module';
import { SelectionModule } from './selection/selection.module';
import { TicketsModule } from './tickets/tickets.module';
import { InboxModule } from './inbox/inbox.module';
import { FeedbackModule } from './feedback/feedback.module';
import { ReportsModule } from './reports/reports.module';
import { PersonalDataModule } from './personal-data/personal-data.module';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceCoreModule.forRoot({ service: 'gateway', config, database: gatewayDatabase }),
        AccessModule,
        AuditModule,
        IdempotencyModule,
        AgenciesModule,
        AccountsModule,
        AuthModule,
        OpenDaysModule,
        ApplicationsModule,
        PlansModule,
        CalendarModule,
        DistrictsModule,
        PublicOpenDaysModule,
        SelectionModule,
        TicketsModule,
        InboxModule,
        FeedbackModule,
        ReportsModule,
        PersonalDataModule,
      ],
    };
  }
}
