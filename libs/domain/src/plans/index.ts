export * from './plan-rules';
export { examplePlan, type EditablePlan } from './example-plan';
