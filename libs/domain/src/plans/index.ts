export * from './plan-rules';
export { examplePlan, type EditablePlan } from './example-plan';
export { registrationState, type RegistrationState, type RegistrationWindow } from './registration-window';
