/** The kinds of organising agency in domain.md. */
export const AGENCY_KINDS = [
  'municipal-bureau',
  'district-town-government',
  'vertical-department',
  'court',
  'public-institution',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  'municipal-bureau': '市直部门 municipal bureau',
  'district-town-government': '区县/乡镇政府 district or town government',
  'vertical-department': '垂直管理部门 vertically managed department',
  court: '法院 court',
  'public-institution': '公共企事业单位 public enterprise or institution',
};

/** The city office's own agency: city-office accounts belong to it, and it cannot be deactivated. */
export const CITY_OFFICE_AGENCY_ID = 'city-office';

export const AGENCY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const DISTRICT_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
