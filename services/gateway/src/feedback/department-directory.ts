import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { problem } from '@openday/platform';
import { AgenciesService } from '../agencies/agencies.service';

/** Feedback is assigned only to departments in the gateway's agencies directory. */
@Injectable()
export class DepartmentDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
  ) {}

  async assertExists(departmentId: string): Promise<void> {
    const agency = await this.agencies.exists(this.dataSource.manager, departmentId);
    if (agency?.active) return;
    throw problem('unprocessable', {
      detail: 'The request names an unknown department.',
      errors: [{ field: 'departmentId', rule: 'knownAgency', message: `departmentId must be an active agency in the directory (${departmentId} is not)` }],
    });
  }
}
