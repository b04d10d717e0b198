/**
 * The demo city the gateway's seed command creates. Pure data, no imports, so the seed, the
 * tests and the scripts read the demo logins from here (the gateway re-exports it for its seed).
 */

/** Every demo account's password. Demo data only: the seed refuses to run with NODE_ENV=production. */
export const DEMO_PASSWORD = 'OpenDay-demo-2026';

export type DemoAgencyKind = 'municipal-bureau' | 'district-town-government' | 'vertical-department' | 'court' | 'public-institution';

export const DEMO_AGENCIES: ReadonlyArray<{ id: string; name: string; kind: DemoAgencyKind; district: string | null }> = [
  { id: 'city-office', name: '市政府办公室', kind: 'municipal-bureau', district: null },
  { id: 'water-affairs-bureau', name: '市水务局', kind: 'municipal-bureau', district: null },
  { id: 'gulou-district', name: '鼓楼区政府', kind: 'district-town-government', district: 'gulou' },
  { id: 'tax-bureau', name: '市税务局', kind: 'vertical-department', district: null },
  { id: 'intermediate-court', name: '市中级人民法院', kind: 'court', district: null },
  { id: 'water-supply-company', name: '市自来水公司', kind: 'public-institution', district: null },
];

export type DemoRole = 'city-office' | 'agency-admin' | 'agency-staff' | 'reviewer' | 'department-handler';

/** One account per staff role, plus a second agency's admin and staff to show agency isolation. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; role: DemoRole; agencyId: string }> = [
  { username: 'city-office', displayName: '市府办 陈主任', role: 'city-office', agencyId: 'city-office' },
  { username: 'water-admin', displayName: '水务局 林科长', role: 'agency-admin', agencyId: 'water-affairs-bureau' },
  { username: 'water-staff', displayName: '水务局 王干事', role: 'agency-staff', agencyId: 'water-affairs-bureau' },
  { username: 'water-reviewer', displayName: '水务局 遴选小组 张委员', role: 'reviewer', agencyId: 'water-affairs-bureau' },
  { username: 'tax-handler', displayName: '税务局 纳税服务科 李科员', role: 'department-handler', agencyId: 'tax-bureau' },
  { username: 'gulou-admin', displayName: '鼓楼区 黄主任', role: 'agency-admin', agencyId: 'gulou-district' },
  { username: 'gulou-staff', displayName: '鼓楼区 郑干事', role: 'agency-staff', agencyId: 'gulou-district' },
];

/** Citizens sign in with any mainland mobile number and the code texted to it; this one is for demos. */
export const DEMO_CITIZEN_MOBILE = '13800138000';
