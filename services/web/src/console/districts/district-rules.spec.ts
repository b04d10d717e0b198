import { changesAnything, districtChange, newDistrictBody, serverProblems } from './district-rules';

const gulou = { code: 'gulou', nameZh: '鼓楼区', nameEn: 'Gulou District', active: true };

describe('newDistrictBody', () => {
  it.each([
    ['a new district, trimmed and in lower case', { code: ' Jinan ', nameZh: ' 晋安区 ', nameEn: 'Jin’an District' }, { ok: true, body: { code: 'jinan', nameZh: '晋安区', nameEn: 'Jin’an District' } }],
    ['a code with digits and hyphens', { code: 'new-area-2', nameZh: '新区', nameEn: 'New Area' }, { ok: true, body: { code: 'new-area-2', nameZh: '新区', nameEn: 'New Area' } }],
    ['nothing filled in', { code: ' ', nameZh: '', nameEn: '  ' }, { ok: false, problems: { code: 'required', nameZh: 'required', nameEn: 'required' } }],
    ['a code in Chinese', { code: '晋安', nameZh: '晋安区', nameEn: 'Jin’an' }, { ok: false, problems: { code: 'code-shape' } }],
    ['a one-letter code', { code: 'j', nameZh: '晋安区', nameEn: 'Jin’an' }, { ok: false, problems: { code: 'code-shape' } }],
    ['a code starting with a digit', { code: '2nd', nameZh: '二区', nameEn: 'Second' }, { ok: false, problems: { code: 'code-shape' } }],
    ['a code 41 long', { code: `a${'b'.repeat(40)}`, nameZh: '区', nameEn: 'Area' }, { ok: false, problems: { code: 'code-shape' } }],
    ['names too long', { code: 'long', nameZh: '区'.repeat(41), nameEn: 'x'.repeat(81) }, { ok: false, problems: { nameZh: 'name-length', nameEn: 'name-length' } }],
    ['names at their limits', { code: 'long', nameZh: '区'.repeat(40), nameEn: 'x'.repeat(80) }, { ok: true, body: { code: 'long', nameZh: '区'.repeat(40), nameEn: 'x'.repeat(80) } }],
  ])('%s', (_name, form, result) => {
    expect(newDistrictBody(form)).toEqual(result);
  });
});

describe('districtChange', () => {
  it.each([
    ['renamed', { nameZh: ' 鼓楼新区 ', nameEn: 'New Gulou' }, { ok: true, body: { nameZh: '鼓楼新区', nameEn: 'New Gulou', active: true } }],
    ['deactivated, names kept', { active: false }, { ok: true, body: { nameZh: '鼓楼区', nameEn: 'Gulou District', active: false } }],
    ['a name emptied', { nameZh: '', nameEn: 'Gulou' }, { ok: false, problems: { nameZh: 'required' } }],
  ])('%s', (_name, change, result) => {
    expect(districtChange(gulou, change)).toEqual(result);
  });
});

describe('changesAnything', () => {
  it.each([
    ['the same', { nameZh: '鼓楼区', nameEn: 'Gulou District', active: true }, false],
    ['a new English name', { nameZh: '鼓楼区', nameEn: 'Gulou', active: true }, true],
    ['deactivated', { nameZh: '鼓楼区', nameEn: 'Gulou District', active: false }, true],
  ])('%s', (_name, body, changes) => {
    expect(changesAnything(gulou, body)).toBe(changes);
  });
});

describe('serverProblems', () => {
  const error = (field: string, rule: string) => ({ field, rule, message: `${field} ${rule}` });
  it.each([
    ['409 naming the code', { status: 409, errors: [error('code', 'uniqueDistrict')] }, { code: 'duplicate' }],
    ['409 without fields', { status: 409 }, { code: 'duplicate' }],
    ['400 on the code', { status: 400, errors: [error('code', 'matches')] }, { code: 'code-shape' }],
    ['400 on the names, nested', { status: 400, errors: [error('district.nameZh', 'isLength'), error('change.nameEn', 'isString')] }, { nameZh: 'name-length', nameEn: 'invalid' }],
    ['the first problem of a field wins', { status: 400, errors: [error('nameEn', 'isLength'), error('nameEn', 'isString')] }, { nameEn: 'name-length' }],
    ['a field the form does not show', { status: 400, errors: [error('active', 'isBoolean')] }, {}],
    ['a 503', { status: 503 }, {}],
  ])('%s', (_name, problem, problems) => {
    expect(serverProblems(problem)).toEqual(problems);
  });
});
