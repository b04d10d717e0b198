import { Controller, Inject, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataRequest, PersonalDataRpcOperations, type RegistrationPersonalDataExport } from '@openday/contracts';
import { PERSONAL_DATA, rpcPattern, type PersonalDataProtection } from '@openday/platform';
import { allApplicationsOf, peopleOfApplications } from '../applications/application-store';
import { publishedOpenDaysByIds } from '../published-open-days/published-open-day-store';

/**
 * Everything registration holds about a citizen's account: each application they
 * submitted with its people, decrypted. It also names the applications, people and
 * person keys, which the gateway passes on to the other services.
 */
@Injectable()
export class RegistrationPersonalDataExporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalDataProtection,
  ) {}

  async export(accountId: string): Promise<RegistrationPersonalDataExport> {
    const applications = await allApplicationsOf(this.dataSource.manager, accountId);
    const ids = applications.map((application) => application.id);
    const people = await peopleOfApplications(this.dataSource.manager, this.personalData.cipher, ids);
    const openDays = await publishedOpenDaysByIds(
      this.dataSource.manager,
      applications.map((a) => a.openDayId),
    );
    const titles = new Map(openDays.map((openDay) => [openDay.id, openDay.title]));
    return {
      service: 'registration',
      applicationIds: ids,
      personIds: people.map((person) => person.id),
      personKeys: [...new Set(people.map((person) => person.personKey))],
      records: applications.map((application) => ({
        kind: 'application',
        applicationId: application.id,
        openDayId: application.openDayId,
        openDayTitle: titles.get(application.openDayId) ?? null,
        sessionId: application.sessionId,
        sessionDate: application.sessionDate,
        channel: application.channel,
        recommendingOrganisation: application.recommendingOrganisation,
        unit: application.unitName ? { name: application.unitName, creditCode: application.unitCreditCode } : null,
        status: application.status,
        submittedAt: application.submittedAt.toISOString(),
        withdrawnAt: application.withdrawnAt?.toISOString() ?? null,
        people: people
          .filter((person) => person.applicationId === application.id)
          .map((person) => ({
            personId: person.id,
            name: person.name,
            idNumber: person.idNumber,
            mobile: person.mobile,
            email: person.email,
            language: person.language,
            category: person.category,
            district: person.district,
            privacyConsentAt: person.privacyConsentAt.toISOString(),
            selectionOutcome: person.selectionOutcome,
            selectionReason: person.selectionReason,
            waitlistPosition: person.waitlistPosition,
          })),
      })),
    };
  }
}

@Controller()
export class RegistrationPersonalDataExportRpc {
  constructor(private readonly exporter: RegistrationPersonalDataExporter) {}

  @MessagePattern(rpcPattern('registration', PersonalDataRpcOperations.export))
  export(@Payload() request: PersonalDataRequest): Promise<RegistrationPersonalDataExport> {
    return this.exporter.export(request.accountId);
  }
}
