/**
 * The table a service keeps its copy of the official working-day calendar in: one row,
 * the whole calendar as scheduling last announced it. Each service creates it in one of
 * its own migrations with this statement.
 */
export const CREATE_WORKING_CALENDAR_COPY = `
  CREATE TABLE working_calendar_copy (
    id smallint PRIMARY KEY CHECK (id = 1),
    calendar jsonb NOT NULL,
    changed_at timestamptz NOT NULL
  )`;
