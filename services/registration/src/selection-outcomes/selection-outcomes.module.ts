import { Module } from '@nestjs/common';
import { SelectionOutcomeSubscriber } from './selection-outcome.subscriber';

@Module({ providers: [SelectionOutcomeSubscriber] })
export class SelectionOutcomesModule {}
