import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException, type FieldProblem } from './problem';

/**
 * The validation every service uses for bodies, queries and message payloads:
 * unknown properties are errors (not silently dropped), payloads become DTO
 * instances, and a failure is a 400 problem listing each field and rule.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The problem names fields and rules, never echoes the submitted values.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemException({ status: 400, detail: 'The request has invalid fields.', errors: fieldProblems(errors) }),
  });
}

/** Flattens class-validator's tree: nested objects become `a.b`, array items `a[2]`. */
function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}
