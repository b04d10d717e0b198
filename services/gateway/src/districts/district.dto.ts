import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DISTRICT_CODE, type DistrictListView, type DistrictView } from '@openday/contracts';

export class DistrictDto implements DistrictView {
  @ApiProperty({ example: 'gulou', description: 'The code plans and applications name the district by' }) code: string;
  @ApiProperty({ example: '鼓楼区' }) nameZh: string;
  @ApiProperty({ example: 'Gulou District' }) nameEn: string;
  @ApiProperty({ example: true, description: 'Only active districts can be chosen for eligibility' }) active: boolean;
}

export class DistrictListDto implements DistrictListView {
  @ApiProperty({ type: [DistrictDto] }) items: DistrictDto[];
}

export class DistrictCodeParams {
  @ApiProperty({ example: 'gulou' })
  @Matches(DISTRICT_CODE, { message: 'code must be a district code' })
  code: string;
}
