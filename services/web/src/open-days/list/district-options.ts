import type { Agency } from '../views';

export interface DistrictOption {
  value: string;
  label: string;
}

/**
 * The districts agencies belong to, named after their district government where there is one
 * (鼓楼区政府 → 鼓楼区); otherwise the district's code.
 */
export function districtOptions(agencies: readonly Pick<Agency, 'name' | 'kind' | 'district'>[]): DistrictOption[] {
  const names = new Map<string, string>();
  for (const agency of agencies) {
    if (!agency.district) continue;
    const governmentName = agency.kind === 'district-town-government' ? agency.name.replace(/(人民)?政府$/, '') : undefined;
    if (governmentName || !names.has(agency.district)) names.set(agency.district, governmentName || agency.district);
  }
  return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}
