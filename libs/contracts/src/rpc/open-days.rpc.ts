// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { IsDateString, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from './page-query';

/** The minimal open day of the walking slice; plans and filing extend it. */
export class CreateOpenDayRequest {
  @IsString()
  @Length(1, 200)
  title: string;

  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'agencyId must be a lower-case agency code (letters, digits, dashes)' })
  agencyId: string;

  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a calendar date as YYYY-MM-DD' })
  date: string;
}

export class OpenDayIdRequest {
  @IsUUID()
  id: string;
}

export class ListOpenDaysRequest extends PageQuery {}

export interface OpenDayView {
  id: string;
  title: string;
  agencyId: string;
  date: string;
  publishedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
