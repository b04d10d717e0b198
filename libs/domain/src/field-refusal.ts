/**
 * One input field a rule refuses: where it sits in the request body (`members[2].idNumber`), the
 * rule it breaks and words a person can act on. Rules return these; the service that called them
 * answers them as the errors of a problem.
 */
export interface FieldRefusal {
  field: string;
  rule: string;
  message: string;
}
