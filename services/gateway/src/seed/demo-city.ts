// The demo city lives in @openday/testing, where the seed, the tests and the scripts all read it.
export { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_CITIZEN_MOBILE, DEMO_PASSWORD, type DemoAgencyKind, type DemoRole } from '@openday/testing';
