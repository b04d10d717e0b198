import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/** @nestjs/swagger's metadata keys (its DECORATORS constants are not exported from the package root). */
const MODEL_PROPERTIES = 'swagger/apiModelProperties';
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

type Class = abstract new (...args: never[]) => unknown;
type SchemaOptions = Record<string, unknown>;

/**
 * The request classes of libs/contracts carry class-validator rules but no
 * @ApiProperty (contracts do not depend on Swagger), so the document showed
 * their queries, path parameters and bodies as nothing. The validation pipe
 * checks exactly these rules, so they are also the truest description: each
 * validated property without its own @ApiProperty gets one derived from them.
 * Properties documented by hand keep their documentation.
 */
export function documentValidatedClasses(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Class, ValidationMetadata[]> };
  // Parents first, so a subclass's property list extends its parent's complete list.
  const classes = [...storage.validationMetadatas.keys()].sort((a, b) => ancestors(a).length - ancestors(b).length);
  for (const target of classes) documentClass(target);
}

function ancestors(target: Class): Class[] {
  const chain: Class[] = [];
  for (let parent = Object.getPrototypeOf(target) as Class; parent && parent !== Function.prototype; parent = Object.getPrototypeOf(parent) as Class) {
    chain.push(parent);
  }
  return chain;
}

function documentClass(target: Class): void {
  const storage = getMetadataStorage();
  const rules = storage.getTargetValidationMetadatas(target as unknown as new () => unknown, '', false, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  const prototype = target.prototype as object;
  for (const [property, propertyRules] of byProperty) {
    if (Reflect.getMetadata(MODEL_PROPERTIES, prototype, property)) continue;
    ApiProperty(propertyOptions(target, property, propertyRules) as ApiPropertyOptions)(prototype, property);
  }
  // A subclass documented before its parent gained properties would hide them: list the whole chain on the class itself.
  const inherited = ancestors(target).flatMap((parent) => (Reflect.getOwnMetadata(MODEL_PROPERTIES_ARRAY, parent.prototype as object) as string[] | undefined) ?? []);
  const own = (Reflect.getOwnMetadata(MODEL_PROPERTIES_ARRAY, prototype) as string[] | undefined) ?? [];
  if (own.length || inherited.length) Reflect.defineMetadata(MODEL_PROPERTIES_ARRAY, [...new Set([...inherited, ...own])], prototype);
}

function ruleName(rule: ValidationMetadata): string {
  if (rule.name) return rule.name;
  return rule.constraintCls ? (getMetadataStorage().getTargetValidatorConstraints(rule.constraintCls)[0]?.name ?? '') : '';
}

function propertyOptions(target: Class, property: string, rules: ValidationMetadata[]): SchemaOptions {
  const optional = rules.some((rule) => rule.type === 'conditionalValidation');
  const isArray = rules.some((rule) => ruleName(rule) === 'isArray' || rule.each === true);
  const item: SchemaOptions = {};
  const list: SchemaOptions = {};
  for (const rule of rules) {
    const [first, second] = (rule.constraints ?? []) as unknown[];
    const facets = rule.each || !isArray ? item : list;
    switch (ruleName(rule)) {
      case 'isString':
      case 'isResidentId':
      case 'isMainlandMobile':
      case 'isCreditCode':
        item.type ??= 'string';
        break;
      case 'isInt':
        item.type = 'integer';
        break;
      case 'isNumber':
        item.type = 'number';
        break;
      case 'isBoolean':
        item.type = 'boolean';
        break;
      case 'isUuid':
        Object.assign(item, { type: 'string', format: 'uuid' });
        break;
      case 'isEmail':
        Object.assign(item, { type: 'string', format: 'email' });
        break;
      case 'isDateString':
      case 'isIso8601':
        item.type = 'string';
        item.format ??= 'date-time';
        break;
      case 'isIn':
        item.enum = first as unknown[];
        break;
      case 'equals':
        item.enum = [first];
        break;
      case 'matches':
        item.type ??= 'string';
        item.pattern = first instanceof RegExp ? first.source : String(first);
        // A calendar date carries a date-only pattern; the ISO 8601 check alone would say date-time.
        if (/^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/.test(item.pattern as string)) item.format = 'date';
        break;
      case 'isPersonName':
      case 'isFreeText':
        // The text policy (libs/domain/src/text): [min, max] characters once normalised.
        Object.assign(item, { type: 'string', minLength: first, maxLength: second });
        break;
      case 'isLength':
        Object.assign(facets, { minLength: first, ...(second === undefined ? {} : { maxLength: second }) });
        break;
      case 'maxLength':
        facets.maxLength = first;
        break;
      case 'min':
        facets.minimum = first;
        break;
      case 'max':
        facets.maximum = first;
        break;
      case 'arrayMinSize':
        list.minItems = first;
        break;
      case 'arrayMaxSize':
        list.maxItems = first;
        break;
    }
  }
  const nested = nestedClass(target, property);
  if (nested) item.type = nested;
  if (item.pattern && item.format === 'date' && item.type === 'string') delete item.pattern;
  const required = !optional;
  if (!isArray) return { ...item, required };
  if (nested) return { type: nested, isArray: true, ...list, required };
  return { type: 'array', items: { type: 'string', ...item }, ...list, required };
}

/** The class of a nested object (class-transformer's @Type, else the declared type when it is a class of its own). */
function nestedClass(target: Class, property: string): Class | undefined {
  const declared = defaultMetadataStorage.findTypeMetadata(target as unknown as new () => unknown, property)?.typeFunction() as Class | undefined;
  const designType = Reflect.getMetadata('design:type', target.prototype as object, property) as Class | undefined;
  // @Type(() => Number) on a query field is a conversion, not a nested object.
  return [declared, designType].find((type) => type && ![String, Number, Boolean, Array, Object, Date].includes(type as never));
}
