import { Module } from '@nestjs/common';
import { ContactDirectory } from './contact-directory';
import { PERSONAL_DATA_CIPHER, personalDataCipherProviders } from './personal-data.provider';

/** Applicants' contact details, sealed at rest: the directory every message looks its recipient up in. */
@Module({
  providers: [...personalDataCipherProviders, ContactDirectory],
  exports: [PERSONAL_DATA_CIPHER, ContactDirectory],
})
export class ContactsModule {}
