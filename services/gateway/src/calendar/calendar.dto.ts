import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CalendarCoverageView, FilingDeadlineView, WorkingCalendarView } from '@openday/contracts';

export class WorkingCalendarDto implements WorkingCalendarView {
  @ApiProperty({ type: [Number], example: [2024, 2025, 2026], description: 'Years whose official schedule is complete' }) coveredYears: number[];
  @ApiProperty({ type: [String], example: ['2026-10-01'], description: 'Weekdays off' }) holidays: string[];
  @ApiProperty({ type: [String], example: ['2026-10-10'], description: 'Weekend days worked (调休)' }) adjustedWorkingDays: string[];
}

export class CalendarChangeBodyDoc {
  @ApiPropertyOptional({ type: [Number], example: [2027], description: 'Years added, with their holidays and adjusted days in the same change' }) coveredYears?: number[];
  @ApiPropertyOptional({ type: [String], example: ['2027-01-01'] }) holidays?: string[];
  @ApiPropertyOptional({ type: [String], example: ['2027-02-20'] }) adjustedWorkingDays?: string[];
  @ApiPropertyOptional({ type: [String], example: [], description: 'Days listed by mistake: the Monday–Friday rule applies again' }) ordinaryDays?: string[];
  @ApiPropertyOptional({ example: '国务院办公厅关于2027年部分节假日安排的通知' }) note?: string;
}

export class FilingDeadlineDto implements FilingDeadlineView {
  @ApiProperty({ format: 'date', example: '2026-10-12' }) eventDate: string;
  @ApiProperty({ example: 5 }) workingDays: number;
  @ApiProperty({ format: 'date', example: '2026-09-29' }) lastOnTimeFilingDate: string;
}

export class CalendarCoverageDto implements CalendarCoverageView {
  @ApiProperty({ format: 'date', example: '2026-12-02' }) today: string;
  @ApiProperty({ type: [Number], example: [2024, 2025, 2026] }) coveredYears: number[];
  @ApiProperty({ type: [Number], example: [2027], description: 'Years to add now (empty when in order)' }) missingYears: number[];
  @ApiProperty({ example: false, description: 'The current year itself is missing' }) urgent: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'Add the official schedule for 2027 (holidays and adjusted working days) before deadlines reach into it.' })
  message: string | null;
}
