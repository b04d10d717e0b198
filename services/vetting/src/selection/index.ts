export {
  allocationPlanProblems,
  InvalidAllocationPlanError,
  type AllocationPlan,
  type AllocationPlanProblem,
  type AllocationPlanRule,
  type CategoryQuota,
} from './allocation-plan';
export { allocate, type SelectionResult } from './allocate';
export { closeArrivals, decideOnArrival, openSelection } from './first-come';
export { drawLottery, LOTTERY_ALGORITHM, lotteryTicket, newLotterySeed } from './lottery';
export { requiredOrdinaryPlaces } from './ordinary-share';
export type { Candidate, Decision, Rejection, RejectionReason, SelectionState, WaitlistEntry, WaitlistReason } from './selection-state';
export { ordinaryShortfall, type OrdinaryShortfall } from './shortfall';
export { promoteFromWaitlist, type Promotion, type SkippedCandidate } from './waitlist';
