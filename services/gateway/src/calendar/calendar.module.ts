import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { CalendarController } from './calendar.controller';

@Module({ imports: [RpcModule], controllers: [CalendarController] })
export class CalendarModule {}
