import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsCreditCode, IsMainlandMobile, IsResidentId } from './identity-validators';
import { NormalizeCreditCode, NormalizeMobile, NormalizeResidentId } from './normalize';

class ApplicantDto {
  @NormalizeResidentId()
  @IsResidentId()
  idNumber: unknown;

  @NormalizeMobile()
  @IsMainlandMobile()
  mobile: unknown;
}

class GroupApplicationDto {
  @NormalizeCreditCode()
  @IsCreditCode()
  unitCreditCode: unknown;

  @IsMainlandMobile({ each: true })
  contactMobiles: unknown[];
}

const VALID_APPLICANT = { idNumber: '11010519491231002x', mobile: '+86 138-1234-5678' };

function errorsOf(dto: object) {
  return validateSync(dto).map(({ property, value, constraints }) => ({ property, value, constraints }));
}

describe('identity validators on a DTO', () => {
  it('accept valid values and the transforms normalise them', () => {
    const dto = plainToInstance(ApplicantDto, VALID_APPLICANT);
    expect(errorsOf(dto)).toEqual([]);
    expect(dto).toEqual({ idNumber: '11010519491231002X', mobile: '13812345678' });
  });

  it.each([
    ['idNumber', '110105199003071238', 'isResidentId', 'Resident ID checksum: the last character does not match the first 17 digits'],
    ['idNumber', '110105199002301231', 'isResidentId', 'Resident ID birth date: 1990-02-30 is not a real calendar date'],
    ['idNumber', '110105209901011234', 'isResidentId', 'Resident ID birth date: 2099-01-01 is in the future'],
    ['idNumber', '11010519900307123', 'isResidentId', 'Resident ID format: must be 18 characters, 17 digits followed by a digit or X'],
    ['idNumber', undefined, 'isResidentId', 'Resident ID format: must be 18 characters, 17 digits followed by a digit or X'],
    ['mobile', '+86 128 1234 5678', 'isMainlandMobile', 'Mobile number: must be a mainland mobile number, 11 digits starting with 13–19, optionally after +86'],
    ['mobile', 13812345678, 'isMainlandMobile', 'Mobile number: must be a mainland mobile number, 11 digits starting with 13–19, optionally after +86'],
  ])('report %s %p under %s, leaving the value as sent', (property, value, constraint, message) => {
    const dto = plainToInstance(ApplicantDto, { ...VALID_APPLICANT, [property]: value });
    expect(errorsOf(dto)).toEqual([{ property, value, constraints: { [constraint]: message } }]);
  });

  it.each([
    ['9144030071526726xg', []],
    ['9144030071526726XH', ['isCreditCode']],
    ['91440300I92203821X', ['isCreditCode']],
  ])('check the unit credit code %p', (unitCreditCode, constraintNames) => {
    const dto = plainToInstance(GroupApplicationDto, { unitCreditCode, contactMobiles: ['13812345678'] });
    expect(validateSync(dto).flatMap((error) => Object.keys(error.constraints ?? {}))).toEqual(constraintNames);
  });

  it('reports the credit code rule that failed', () => {
    const dto = plainToInstance(GroupApplicationDto, { unitCreditCode: '9144030071526726XH', contactMobiles: [] });
    expect(validateSync(dto)[0].constraints).toEqual({
      isCreditCode: 'Credit code checksum: the last character does not match the first 17 characters',
    });
  });

  it('pass ValidationOptions through, e.g. each for arrays', () => {
    const dto = plainToInstance(GroupApplicationDto, {
      unitCreditCode: '914403001922038216',
      contactMobiles: ['13812345678', '12812345678'],
    });
    expect(errorsOf(dto)).toEqual([
      {
        property: 'contactMobiles',
        value: ['13812345678', '12812345678'],
        constraints: { isMainlandMobile: expect.stringContaining('Mobile number:') },
      },
    ]);
  });

  it('let a DTO replace the message', () => {
    class CustomMessageDto {
      @IsMainlandMobile({ message: '请填写正确的手机号' })
      mobile = '123';
    }
    expect(validateSync(new CustomMessageDto())[0].constraints).toEqual({ isMainlandMobile: '请填写正确的手机号' });
  });
});
