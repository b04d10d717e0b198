import { Global, Module } from '@nestjs/common';
import { personalDataProvider } from '@openday/platform';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';

/** Global so any controller's create operation can be marked @Idempotent(). */
@Global()
@Module({ providers: [personalDataProvider(['PERSONAL_DATA_KEY']), IdempotencyService, IdempotencyInterceptor], exports: [IdempotencyService, IdempotencyInterceptor] })
export class IdempotencyModule {}
