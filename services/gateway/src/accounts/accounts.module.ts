import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { staffEmailCipherProviders } from './staff-email';

@Module({ controllers: [AccountsController], providers: [AccountsService, ...staffEmailCipherProviders], exports: [AccountsService] })
export class AccountsModule {}
