import { Module } from '@nestjs/common';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { PublicNoticeRpcController } from './public-notice.rpc.controller';
import { SelectionQueries } from './selection-queries.service';

/** What selection shows: applicants, results, flagged applications, the public notice and the lottery's check. */
@Module({
  imports: [SelectionRunsModule],
  controllers: [PublicNoticeRpcController],
  providers: [SelectionQueries],
})
export class PublicNoticeModule {}
