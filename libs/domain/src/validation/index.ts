export { IsCreditCode, IsMainlandMobile, IsResidentId } from './identity-validators';
export { NormalizeCreditCode, NormalizeMobile, NormalizeResidentId } from './normalize';
export { IsFreeText, IsPersonName } from './text-validators';
