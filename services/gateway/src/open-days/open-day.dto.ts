import { ApiProperty } from '@nestjs/swagger';
import type { OpenDayView, Page } from '@openday/contracts';

export class OpenDayDto implements OpenDayView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '走进自来水厂：从源头到龙头' }) title: string;
  @ApiProperty({ example: 'water-affairs-bureau' }) agencyId: string;
  @ApiProperty({ format: 'date', example: '2026-11-29' }) date: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class OpenDayPageDto implements Page<OpenDayView> {
  @ApiProperty({ type: [OpenDayDto] }) items: OpenDayDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}
