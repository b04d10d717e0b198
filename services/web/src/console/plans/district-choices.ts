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
