import { ceilingFor, ORDINARY_CITIZEN } from './allocation-plan';
import { requiredOrdinaryPlaces } from './ordinary-share';
import { SelectionState, selectedIn } from './selection-state';

/** The minimum share of ordinary citizens is not met by the places taken, and why. */
export interface OrdinaryShortfall {
  ordinaryShareMet: false;
  /** Ordinary citizens the minimum share asks for, given the places taken. */
  required: number;
  selectedOrdinary: number;
  placesTaken: number;
  cause: 'ordinary-quota-below-minimum-share' | 'not-enough-ordinary-candidates';
}

export function ordinaryShortfall(state: SelectionState): OrdinaryShortfall | null {
  const placesTaken = state.selected.length;
  const required = requiredOrdinaryPlaces(state.plan.minOrdinaryShare, placesTaken);
  const selectedOrdinary = selectedIn(state, ORDINARY_CITIZEN);
  if (selectedOrdinary >= required) return null;
  const quotaFull = selectedOrdinary >= ceilingFor(state.plan, ORDINARY_CITIZEN);
  return {
    ordinaryShareMet: false,
    required,
    selectedOrdinary,
    placesTaken,
    cause: quotaFull ? 'ordinary-quota-below-minimum-share' : 'not-enough-ordinary-candidates',
  };
}
