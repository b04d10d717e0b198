import { Module } from '@nestjs/common';
import { RegistrationPersonalDataExporter, RegistrationPersonalDataExportRpc } from './personal-data-export';

@Module({ controllers: [RegistrationPersonalDataExportRpc], providers: [RegistrationPersonalDataExporter] })
export class PersonalDataExportModule {}
