import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type {
  AttendanceFigures,
  AverageFigure,
  FeedbackFigures,
  OpenDayReport,
  OpenDayReportRow,
  OpenDaySummaryView,
  ParticipationFigures,
  StatisticsGroup,
  StatisticsOpenDay,
  StatisticsView,
} from '@openday/contracts';

export class AgencyIdParams {
  @ApiProperty({ example: 'water-affairs-bureau' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'agencyId must be an agency code' })
  agencyId: string;
}

export class SummaryDoc {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'The agency’s short summary; the figures are added at filing time.' })
  text: string;
}

class AverageFigureDto implements AverageFigure {
  @ApiProperty({ type: Number, nullable: true, description: 'Rounded to two decimals; null when there is nothing to average.' }) average: number | null;
  @ApiProperty() count: number;
}

class FeedbackFiguresDto implements FeedbackFigures {
  @ApiProperty({ description: 'Every item.' }) collected: number;
  @ApiProperty({ description: 'Ever assigned to a department.' }) assigned: number;
  @ApiProperty() answered: number;
  @ApiProperty({ description: 'Answered "solved".' }) solved: number;
  @ApiProperty({ description: 'Unanswered and past the due date now.' }) overdueNow: number;
  @ApiProperty({ description: 'Overdue at some point, answered late included.' }) overdueEver: number;
  @ApiProperty({ description: 'Answered after the due date.' }) answeredLate: number;
  @ApiProperty({ type: AverageFigureDto, description: 'The survey’s overall question (1-5).' }) satisfaction: AverageFigureDto;
  @ApiProperty({ type: AverageFigureDto, description: 'Representatives’ ratings of the answers (1-5).' }) rating: AverageFigureDto;
}

class AttendanceFiguresDto implements AttendanceFigures {
  @ApiProperty() ticketsIssued: number;
  @ApiProperty() ticketsRevoked: number;
  @ApiProperty() checkedIn: number;
  @ApiProperty() noShows: number;
  @ApiProperty({ description: 'True once the open day ended: the figures are final.' }) final: boolean;
}

class ParticipationFiguresDto implements ParticipationFigures {
  @ApiProperty({ description: 'Applications received.' }) applications: number;
  @ApiProperty({ description: 'People selected.' }) selected: number;
  @ApiProperty({ description: 'Admission tickets issued.' }) ticketsIssued: number;
  @ApiProperty({ description: 'Checked in at the door (final once an open day ended).' }) checkedIn: number;
  @ApiProperty({ description: 'No-shows of the open days that ended.' }) noShows: number;
  @ApiProperty({ description: 'How many of the open days ended (their no-shows are final).' }) ended: number;
}

class StatisticsGroupDto implements StatisticsGroup {
  @ApiProperty({ description: 'The month (YYYY-MM, by first session) or the agency code.', example: '2026-11' }) key: string;
  @ApiProperty() openDays: number;
  @ApiProperty({ type: ParticipationFiguresDto }) participation: ParticipationFiguresDto;
  @ApiProperty({ type: FeedbackFiguresDto }) figures: FeedbackFiguresDto;
}

class StatisticsOpenDayDto implements StatisticsOpenDay {
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) firstDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastDate: string | null;
  @ApiProperty({ description: 'True once the open day ended: its attendance is final.' }) ended: boolean;
}

export class StatisticsDto implements StatisticsView {
  @ApiProperty({ enum: ['open-day', 'agency', 'city'] }) scope: StatisticsView['scope'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) openDayId: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The year asked for, or null for every year.' }) year: number | null;
  @ApiProperty() openDays: number;
  @ApiProperty({ type: FeedbackFiguresDto }) figures: FeedbackFiguresDto;
  @ApiProperty({ type: ParticipationFiguresDto }) participation: ParticipationFiguresDto;
  @ApiProperty({ type: StatisticsOpenDayDto, nullable: true, description: 'The open day, for scope open-day.' }) openDay: StatisticsOpenDayDto | null;
  @ApiProperty({
    type: [StatisticsGroupDto],
    description: 'By month of the first session: every month of the year asked for, or from the first to the last month with an open day; empty months included.',
  })
  byMonth: StatisticsGroupDto[];
  @ApiProperty({ type: [StatisticsGroupDto], description: 'By organising agency (code), every agency with an open day.' }) byAgency: StatisticsGroupDto[];
}

export class OpenDaySummaryDto implements OpenDaySummaryView {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: FeedbackFiguresDto, description: 'As at filing time.' }) figures: FeedbackFiguresDto;
  @ApiProperty({ type: AttendanceFiguresDto, description: 'As at filing time.' }) attendance: AttendanceFiguresDto;
  @ApiProperty() filedBy: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty() firstFiledBy: string;
  @ApiProperty({ format: 'date-time' }) firstFiledAt: string;
  @ApiProperty() revision: number;
}

class OpenDayReportRowDto implements OpenDayReportRow {
  @ApiProperty({ format: 'uuid' }) openDayId: string;
  @ApiProperty() title: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) firstDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastDate: string | null;
  @ApiProperty() applications: number;
  @ApiProperty() selected: number;
  @ApiProperty() ticketsIssued: number;
  @ApiProperty() checkedIn: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null until the open day ended.' }) noShows: number | null;
  @ApiProperty() collected: number;
  @ApiProperty() answered: number;
  @ApiProperty() solved: number;
  @ApiProperty() overdueNow: number;
  @ApiProperty({ type: Number, nullable: true }) satisfaction: number | null;
  @ApiProperty() satisfactionCount: number;
  @ApiProperty({ type: Number, nullable: true }) rating: number | null;
  @ApiProperty() ratingCount: number;
  @ApiProperty() summaryFiled: boolean;
}

export class OpenDayReportDto implements OpenDayReport {
  @ApiProperty({ type: [OpenDayReportRowDto] }) rows: OpenDayReportRowDto[];
}
