import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { ActingRequest, QueryBoolean } from './plans.rpc';
import { IsFreeText } from '@openday/domain';

/** Request/reply operations of the district list the city office keeps, `rpc.scheduling.<operation>`. */
export const DistrictOperations = {
  list: 'districts.list',
  add: 'districts.add',
  change: 'districts.change',
} as const;

/** A district's code: lower-case pinyin, the key plans and applications name it by (e.g. `gulou`). */
export const DISTRICT_CODE = /^[a-z][a-z0-9-]{1,39}$/;

export class DistrictQuery {
  /** Deactivated districts too (for the city office's page); the active ones only when left out. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}

/** A district's names, shown in the console's and the portal's language. */
export class DistrictNames {
  @IsFreeText({ maxLength: 40 })
  nameZh: string;

  @IsFreeText({ maxLength: 80 })
  nameEn: string;
}

export class DistrictInput extends DistrictNames {
  @IsString()
  @Matches(DISTRICT_CODE, { message: 'code must be lower-case pinyin letters, digits or hyphens, 2–40 long, e.g. gulou' })
  code: string;
}

/** The district as it is from now on (PUT): renamed, deactivated or reactivated. */
export class DistrictChangeInput extends DistrictNames {
  /** A deactivated district can no longer be chosen for eligibility; open days already naming it keep it. */
  @IsBoolean()
  active: boolean;
}

export class AddDistrictRequest extends ActingRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => DistrictInput)
  district: DistrictInput;
}

export class ChangeDistrictRequest extends ActingRequest {
  @IsString()
  @Matches(DISTRICT_CODE, { message: 'code must be a district code' })
  code: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => DistrictChangeInput)
  change: DistrictChangeInput;
}

export interface DistrictView {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface DistrictListView {
  items: DistrictView[];
}
