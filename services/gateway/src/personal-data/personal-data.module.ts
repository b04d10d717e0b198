import { Module } from '@nestjs/common';
import { RpcModule } from '../rpc/rpc.module';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataService } from './personal-data.service';

/** A citizen's rights over their personal data: download, who read it, erasure. */
@Module({ imports: [RpcModule], controllers: [PersonalDataController], providers: [PersonalDataService] })
export class PersonalDataModule {}
