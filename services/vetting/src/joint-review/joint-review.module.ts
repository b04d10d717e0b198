import { Module } from '@nestjs/common';
import { SelectionRunsModule } from '../selection-runs/selection-runs.module';
import { JointReviewRpcController } from './joint-review.rpc.controller';
import { JointReviewService } from './joint-review.service';

/** The department's signature on a selection before it is final. */
@Module({
  imports: [SelectionRunsModule],
  controllers: [JointReviewRpcController],
  providers: [JointReviewService],
})
export class JointReviewModule {}
