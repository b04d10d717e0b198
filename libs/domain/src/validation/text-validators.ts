import { Transform } from 'class-transformer';
import type { ValidationOptions } from 'class-validator';
import { parseFreeText, parsePersonName, PERSON_NAME_MAX_LENGTH, type FreeTextOptions } from '../text';
import { ruleDecorator } from './rule-decorator';

type Parse = (value: unknown) => { ok: true; value: string } | { ok: false; message: string };

/**
 * `lengths` ([min, max] characters) go into the rule's constraints, where the OpenAPI document reads them.
 * Normalises the value (arrays item by item with `each`) to what is stored when
 * it satisfies the policy, and reports `<field> <rule>` when it does not; an
 * invalid value is left as sent so the report is about what was sent.
 */
function textDecorator(name: string, parse: Parse, lengths: [number, number], options?: ValidationOptions): PropertyDecorator {
  const normalise = (value: unknown) => {
    const parsed = parse(value);
    return parsed.ok ? parsed.value : value;
  };
  const transform = Transform(({ value }) => (options?.each && Array.isArray(value) ? value.map(normalise) : normalise(value)));
  const problem = (value: unknown, property: string) => {
    const parsed = parse(value);
    return parsed.ok ? undefined : `${property} ${parsed.message}`;
  };
  // With `each`, class-validator checks item by item but asks for the message with the whole array.
  const validate = ruleDecorator(name, (value, property = 'value') =>
    options?.each && Array.isArray(value)
      ? value.map((item) => problem(item, `each of ${property}`)).find(Boolean)
      : problem(value, property),
    lengths,
  )(options);
  return (target, propertyName) => {
    transform(target, propertyName);
    validate(target, propertyName as string);
  };
}

/** A person's name (libs/domain/src/text/person-name.ts): letters of any script, 1–50 characters; stored normalised. */
export function IsPersonName(options?: ValidationOptions): PropertyDecorator {
  return textDecorator('isPersonName', parsePersonName, [1, PERSON_NAME_MAX_LENGTH], options);
}

/** Text people write and others read (libs/domain/src/text/free-text.ts), within the field's length; stored normalised. */
export function IsFreeText(text: FreeTextOptions, options?: ValidationOptions): PropertyDecorator {
  return textDecorator('isFreeText', (value) => parseFreeText(value, text), [text.minLength ?? 1, text.maxLength], options);
}
