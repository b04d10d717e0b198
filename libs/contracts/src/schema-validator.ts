import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);

export type JsonSchema = Record<string, unknown>;

export interface SchemaCheck {
  valid: boolean;
  errors: string[];
}

export function compileSchema(schema: JsonSchema): (value: unknown) => SchemaCheck {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) => {
    const valid = validate(value) as boolean;
    return { valid, errors: valid ? [] : describeErrors(validate.errors ?? []) };
  };
}

function describeErrors(errors: ErrorObject[]): string[] {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
