import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, DistrictChangeInput, DistrictInput, DistrictListView, DistrictView } from '@openday/contracts';
import { Clock, problem } from '@openday/platform';
import { activeDistrictCodeList, insertDistrict, listDistricts, lockDistrict, updateDistrict, type District } from './district-store';

const UNIQUE_VIOLATION = '23505';

/** The district list the city office keeps; eligibility is checked against its active districts. */
@Injectable()
export class DistrictsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(includeInactive = false): Promise<DistrictListView> {
    const rows = await listDistricts(this.dataSource.manager, includeInactive);
    return { items: rows.map(toView) };
  }

  async add(actor: Actor, input: DistrictInput): Promise<DistrictView> {
    keptByCityOffice(actor);
    try {
      await insertDistrict(this.dataSource.manager, input);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      throw problem('conflict', {
        detail: `The district ${input.code} is on the list already.`,
        errors: [{ field: 'code', rule: 'uniqueDistrict', message: `${input.code} is on the list already` }],
      });
    }
    return { code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, active: true };
  }

  async change(actor: Actor, code: string, change: DistrictChangeInput): Promise<DistrictView> {
    keptByCityOffice(actor);
    return this.dataSource.transaction(async (manager) => {
      const district = await lockDistrict(manager, code);
      if (!district) throw problem('not-found', { detail: `No district ${code}.` });
      const changed = { code, nameZh: change.nameZh, nameEn: change.nameEn, active: change.active };
      await updateDistrict(manager, changed, this.clock.now());
      return toView(changed);
    });
  }
}

/** The codes eligibility may name now; plan commands read them inside their own transaction. */
export async function activeDistrictCodes(manager: EntityManager): Promise<Set<string>> {
  return new Set(await activeDistrictCodeList(manager));
}

function keptByCityOffice(actor: Actor): void {
  if (actor.role !== 'city-office') throw problem('not-allowed', { detail: 'Only the city office keeps the district list.' });
}

function toView(district: District): DistrictView {
  return { code: district.code, nameZh: district.nameZh, nameEn: district.nameEn, active: district.active };
}
