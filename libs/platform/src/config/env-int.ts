import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export interface EnvIntRange {
  min: number;
  /** Omitted: no upper bound. */
  max?: number;
}

/**
 * An integer variable (a count, or a duration in the unit its name ends with: `_MS`, `_SECONDS`,
 * `_MINUTES`, `_HOURS`, `_DAYS`) within `min`..`max`; the field's initialiser is its default.
 * Anything else is refused as "NAME must be an integer between MIN and MAX" (or "of at least MIN").
 */
export function EnvInt({ min, max }: EnvIntRange): PropertyDecorator {
  const rule = { message: `$property must be an integer ${max === undefined ? `of at least ${min}` : `between ${min} and ${max}`}` };
  const decorators = [Type(() => Number), IsInt(rule), Min(min, rule), ...(max === undefined ? [] : [Max(max, rule)])];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}
