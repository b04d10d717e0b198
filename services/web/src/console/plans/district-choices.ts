import type { components } from '../../api/schema';

export type District = components['schemas']['DistrictDto'];

/**
 * The districts eligibility can name, in the console's language. A district the plan names
 * but the city office has since deactivated stays shown (by its names, or its code if unknown),
 * so the editor never blanks a choice; saving it is refused by the rules.
 */
export function districtChoices(districts: readonly District[], language: string, chosen: readonly string[] = []): Array<{ value: string; label: string }> {
  const english = language.startsWith('en');
  const nameOf = (district: District) => (english ? district.nameEn : district.nameZh);
  const byCode = new Map(districts.map((district) => [district.code, district]));
  const active = districts.filter((district) => district.active).map((district) => ({ value: district.code, label: nameOf(district) }));
  const kept = chosen
    .filter((code) => !byCode.get(code)?.active)
    .map((code) => {
      const district = byCode.get(code);
      return { value: code, label: district ? nameOf(district) : code };
    });
  return [...active, ...kept];
}

/**
 * The districts a plan's eligibility names, as one phrase in the console's language (鼓楼区、台江区或仓山区;
 * Gulou District, Taijiang District or Cangshan District): a citizen of any of them may apply.
 * A code not on the list is shown as it is.
 */
export function districtNames(districts: readonly District[], language: string, codes: readonly string[]): string {
  const english = language.startsWith('en');
  const byCode = new Map(districts.map((district) => [district.code, district]));
  const names = codes.map((code) => {
    const district = byCode.get(code);
    return district ? (english ? district.nameEn : district.nameZh) : code;
  });
  return new Intl.ListFormat(english ? 'en' : 'zh-CN', { type: 'disjunction' }).format(names);
}
