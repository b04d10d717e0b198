import { Transform } from 'class-transformer';
import { shanghaiDateOf } from '../calendar';
import { parseCreditCode, normalizeMobile, parseResidentId } from '../identity';

// Invalid values pass through untouched so the validator reports exactly what was sent.

/** Rewrites a valid mobile number to its 11 digits. */
export function NormalizeMobile(): PropertyDecorator {
  return Transform(({ value }) => {
    const parsed = normalizeMobile(value);
    return parsed.ok ? parsed.value : value;
  });
}

/** Rewrites a valid resident ID with its check character in upper case. */
export function NormalizeResidentId(): PropertyDecorator {
  return Transform(({ value }) => {
    const parsed = parseResidentId(value, shanghaiDateOf(new Date()));
    return parsed.ok ? parsed.value.normalized : value;
  });
}

/** Rewrites a valid credit code in upper case. */
export function NormalizeCreditCode(): PropertyDecorator {
  return Transform(({ value }) => {
    const parsed = parseCreditCode(value);
    return parsed.ok ? parsed.value.normalized : value;
  });
}
