import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { SurveysRpcController } from './surveys.rpc.controller';
import { SurveyService } from './survey.service';

/** An open day's survey: its questions, the attendees' answers and the counted results. */
@Module({
  imports: [ClockModule.fromEnvironment('FEEDBACK_TEST_NOW')],
  controllers: [SurveysRpcController],
  providers: [SurveyService],
})
export class SurveysModule {}
