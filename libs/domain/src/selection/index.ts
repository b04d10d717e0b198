export {
  allocationPlanProblems,
  ceilingFor,
  InvalidAllocationPlanError,
  isOutsideQuota,
  MEDIA,
  offersCategory,
  ORDINARY_CITIZEN,
  ordinaryMinimum,
  quotaFor,
  type AllocationPlan,
  type AllocationPlanProblem,
  type AllocationPlanRule,
  type CategoryQuota,
  type OrdinaryMinimum,
  type QuotaPlan,
} from './allocation-plan';
export { allocate, type SelectionResult } from './allocate';
export { SELECTION_CATEGORIES, type SelectionCategory } from './categories';
export { closeArrivals, decideOnArrival, openSelection } from './first-come';
export { requiredOrdinaryPlaces } from './ordinary-share';
// The rule's single steps, for a service that records each decision as it is taken.
export { assertDistinctApplications, obstacleTo, place, reservationAmong, select } from './selection-state';
export type { Candidate, Decision, Rejection, RejectionReason, SelectionState, WaitlistEntry, WaitlistReason } from './selection-state';
export { ordinaryShortfall, type OrdinaryShortfall } from './shortfall';
export { promoteFromWaitlist, releaseUnclaimable, type Promotion, type SkippedCandidate } from './waitlist';
export { release, replan, type Replanned } from './replan';
