import { BusNamespace } from '../../bus-namespace';
import { ApplicationRejectedV1 } from './application-rejected.v1';
import { ApplicationRejectedV2 } from './application-rejected.v2';
import { ApplicationWaitlistedV1 } from './application-waitlisted.v1';
import { ApplicationWaitlistedV2 } from './application-waitlisted.v2';

const namespace = new BusNamespace();

/** Each v2 beside its v1: same facts plus the selection group's reason, on an internal subject. */
const PAIRS = [
  ['application-rejected', ApplicationRejectedV1.contract, ApplicationRejectedV2.contract],
  ['application-waitlisted', ApplicationWaitlistedV1.contract, ApplicationWaitlistedV2.contract],
] as const;

describe.each(PAIRS)('%s v2', (name, v1, v2) => {
  const example = v2.definition.example as unknown as Record<string, unknown>;
  const withReason = (groupReason: unknown) => ({ ...example, groupReason });

  it('lives on an internal subject beside the public v1', () => {
    expect(v2.subjectIn(namespace)).toBe(`openday_internal.vetting.${name}.v2`);
    expect(v1.subjectIn(namespace)).toBe(`openday.vetting.${name}.v1`);
    expect(v2.definition.sensitive).toBeUndefined();
  });

  it('accepts its example and a decision without a reason', () => {
    expect(v2.validate(example)).toEqual({ valid: true, errors: [] });
    expect(v2.validate(withReason(null))).toEqual({ valid: true, errors: [] });
    expect(v2.validate(withReason('x'.repeat(500)))).toEqual({ valid: true, errors: [] });
  });

  it.each([
    ['a blank reason', '   ', '/groupReason must match pattern'],
    ['an empty reason', '', '/groupReason must NOT have fewer than 1 characters'],
    ['a reason over 500 characters', 'x'.repeat(501), '/groupReason must NOT have more than 500 characters'],
    ['a reason that is not text', 42, '/groupReason must be string,null'],
  ])('refuses %s', (_, groupReason, error) => {
    const check = v2.validate(withReason(groupReason));
    expect(check.valid).toBe(false);
    expect(check.errors.join('; ')).toContain(error);
  });

  it('needs the reason field (null when there is none)', () => {
    const { groupReason: _dropped, ...withoutReason } = example;
    expect(v2.validate(withoutReason).errors.join('; ')).toContain("must have required property 'groupReason'");
  });

  it('carries exactly the facts of v1, so v1 stays the public record of the same change', () => {
    const { groupReason: _dropped, ...facts } = example;
    expect(v1.validate(facts)).toEqual({ valid: true, errors: [] });
    expect(v1.validate(example).valid).toBe(false);
  });
});
