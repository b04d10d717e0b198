export {
  screenApplicant,
  type NoShowRecord,
  type OpenDayEligibility,
  type ScreenedApplicant,
  type ScreeningContext,
  type ScreeningReason,
  type ScreeningReasonCode,
  type ScreeningResult,
} from './screen-applicant';
