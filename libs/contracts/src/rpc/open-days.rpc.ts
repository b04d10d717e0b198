// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { IsUUID } from 'class-validator';
import { PageQuery } from './page-query';

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
