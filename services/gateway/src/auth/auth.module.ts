import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthController } from './auth.controller';
import { CitizenSignInService } from './citizen-sign-in.service';
import { HousekeepingService } from './housekeeping.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [AccountsModule],
  controllers: [AuthController],
  providers: [SessionsService, CitizenSignInService, HousekeepingService],
  exports: [SessionsService],
})
export class AuthModule {}
