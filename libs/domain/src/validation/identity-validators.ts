import { shanghaiDateOf } from '../calendar';
import { parseCreditCode, normalizeMobile, parseResidentId } from '../identity';
import { ruleDecorator } from './rule-decorator';

/** A resident ID or HK/Macau/Taiwan residence permit number; birth dates are checked against today in China. */
export const IsResidentId = ruleDecorator('isResidentId', (value) => {
  const parsed = parseResidentId(value, shanghaiDateOf(new Date()));
  return parsed.ok ? undefined : parsed.message;
});

/** A mainland mobile number as people type it (+86, spaces and dashes allowed). */
export const IsMainlandMobile = ruleDecorator('isMainlandMobile', (value) => {
  const parsed = normalizeMobile(value);
  return parsed.ok ? undefined : parsed.message;
});

/** A unified social credit code, either case. */
export const IsCreditCode = ruleDecorator('isCreditCode', (value) => {
  const parsed = parseCreditCode(value);
  return parsed.ok ? undefined : parsed.message;
});
