import { Transform } from 'class-transformer';

/** `true`/`1`/`yes` and `false`/`0`/`no` (any case); anything else stays a string for `@IsBoolean()` to reject. */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const normalised = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(normalised)) return true;
    if (['false', '0', 'no'].includes(normalised)) return false;
    return value;
  });
}

/** Comma-separated list → trimmed, non-empty items (validate them with `{ each: true }`). */
export function EnvList(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '')
      : value,
  );
}
