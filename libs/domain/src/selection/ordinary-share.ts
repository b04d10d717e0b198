// Shares such as 1/3 are not exact in floating point (0.7 × 90 is 62.99999999999999),
// so products within this distance of a whole number count as that number.
const ROUNDING_TOLERANCE = 1e-9;

/** How many of `placesTaken` must go to ordinary citizens so that they hold at least `minShare` of them. */
export function requiredOrdinaryPlaces(minShare: number, placesTaken: number): number {
  return Math.max(0, Math.ceil(minShare * placesTaken - ROUNDING_TOLERANCE));
}
