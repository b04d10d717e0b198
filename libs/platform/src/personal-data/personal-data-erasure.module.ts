import { Controller, Inject, Module, type DynamicModule, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PersonalDataRequest, PersonalDataRpcOperations, type PersonalDataErasure } from '@openday/contracts';
import { ClockModule } from '../clock';
import { rpcPattern } from '../rpc';

/** A service's answer to a citizen's erasure request: what it erased and what it must keep, and why. */
export interface PersonalDataEraser {
  erase(request: PersonalDataRequest): Promise<PersonalDataErasure>;
}

const ERASER = Symbol('PERSONAL_DATA_ERASER');

@Module({})
export class PersonalDataErasureModule {
  /** Answers `rpc.<service>.personal-data.erase` with `eraser`, on the service's clock (`testNowVariable` shifts it in tests). */
  static answering(service: string, eraser: Type<PersonalDataEraser>, testNowVariable: string): DynamicModule {
    @Controller()
    class PersonalDataErasureRpc {
      constructor(@Inject(ERASER) private readonly eraser: PersonalDataEraser) {}

      @MessagePattern(rpcPattern(service, PersonalDataRpcOperations.erase))
      erase(@Payload() request: PersonalDataRequest): Promise<PersonalDataErasure> {
        return this.eraser.erase(request);
      }
    }
    return {
      module: PersonalDataErasureModule,
      imports: [ClockModule.fromEnvironment(testNowVariable)],
      controllers: [PersonalDataErasureRpc],
      providers: [eraser, { provide: ERASER, useExisting: eraser }],
    };
  }
}
