import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** `?cursor=…`: the previous page's nextCursor; absent for the first page. */
class CursorQuery {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}

/** `?cursor=…&limit=…` of a list people read page by page (at most 100 a page). */
export class PageQuery extends CursorQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** The same for staff's working lists (applicants, rosters, the delivery log), where a page may hold a whole session (at most 500). */
export class LongPageQuery extends CursorQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
