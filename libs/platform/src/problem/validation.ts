import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { problem } from './catalogue';
import type { FieldProblem } from './problem';

/**
 * Deeper than anything this platform takes (a plan's sessions' agenda items
 * are four levels down). class-transformer walks nested values recursively,
 * unknown properties too, so a body nested a few thousand levels overflowed
 * the stack: a 500 instead of a 400.
 */
export const MAX_INPUT_DEPTH = 16;

class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = tooDeep(value);
    if (field !== undefined) {
      throw problem('invalid-input', {
        detail: 'The request has invalid fields.',
        errors: [{ field: field || metadata.data || metadata.type, rule: 'maxDepth', message: `must not nest objects or arrays more than ${MAX_INPUT_DEPTH} levels deep` }],
      });
    }
    return super.transform(value, metadata);
  }
}

/** The path of the first value nested past MAX_INPUT_DEPTH, or undefined; iterative, so it cannot overflow itself. */
function tooDeep(root: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return path;
    for (const [key, child] of Object.entries(value)) {
      stack.push({ value: child, path: Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The validation every service uses for bodies, queries and message payloads:
 * unknown properties are errors (not silently dropped), payloads become DTO
 * instances, and a failure is a 400 problem listing each field and rule;
 * input nested past MAX_INPUT_DEPTH is refused before any of that.
 */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The problem names fields and rules, never echoes the submitted values.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => problem('invalid-input', { detail: 'The request has invalid fields.', errors: fieldProblems(errors) }),
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
