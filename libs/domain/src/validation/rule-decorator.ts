import { registerDecorator, ValidationArguments, ValidationOptions, ValidatorConstraint } from 'class-validator';

/** The message of the rule the value breaks, or undefined when it satisfies all of them; `property` names the field in it. */
export type RuleCheck = (value: unknown, property?: string) => string | undefined;

/**
 * Builds a class-validator property decorator from a domain rule, so the error carries the
 * constraint `name` and the domain's own message naming the exact rule that failed;
 * `constraints` are kept in the metadata for whoever describes the rule (the OpenAPI document).
 */
export function ruleDecorator(name: string, check: RuleCheck, constraints?: unknown[]) {
  @ValidatorConstraint({ name })
  class RuleConstraint {
    validate(value: unknown): boolean {
      return check(value) === undefined;
    }

    defaultMessage({ value, property }: ValidationArguments): string {
      return check(value, property) ?? '';
    }
  }

  return (options?: ValidationOptions) =>
    (target: object, propertyName: string): void =>
      registerDecorator({ name, target: target.constructor, propertyName, options, constraints, validator: RuleConstraint });
}
