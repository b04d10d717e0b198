import { Module } from '@nestjs/common';
import { personalDataProvider } from '@openday/platform';
import { RegistrationPersonalDataExporter, RegistrationPersonalDataExportRpc } from './personal-data-export';

/** The export decrypts what it reads, so it has the cipher; it hashes nothing. */
@Module({ controllers: [RegistrationPersonalDataExportRpc], providers: [personalDataProvider(['PERSONAL_DATA_KEY']), RegistrationPersonalDataExporter] })
export class PersonalDataExportModule {}
