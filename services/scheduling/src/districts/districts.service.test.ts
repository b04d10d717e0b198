import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '@openday/contracts';
import { Outbox } from '@openday/messaging';
import { ManualClock } from '@openday/platform';
import { testNamespace } from '@openday/testing';
import { SchedulingTestDatabase } from '../../test/scheduling-database';
import { samplePlan } from '../plans/plan.fixture';
import { PlansService } from '../plans/plans.service';
import { WorkingCalendarService } from '../working-calendar/working-calendar.service';
import { DistrictsService } from './districts.service';

const cityOffice: Actor = { userId: randomUUID(), role: 'city-office' };
const water: Actor = { userId: randomUUID(), role: 'agency-staff', agencyId: 'water-affairs-bureau' };

describe('DistrictsService and plan eligibility on PostgreSQL', () => {
  const database = new SchedulingTestDatabase();
  let dataSource: DataSource;
  let districts: DistrictsService;
  let plans: PlansService;

  beforeAll(async () => {
    dataSource = await database.start('scheduling_districts');
    const clock = new ManualClock(new Date('2026-09-29T08:00:00+08:00'));
    const outbox = new Outbox(testNamespace());
    districts = new DistrictsService(dataSource, clock);
    plans = new PlansService(dataSource, outbox, clock, new WorkingCalendarService(dataSource, outbox, clock));
  });
  afterAll(() => database.stop());

  it('is seeded with the demo city’s districts, in Chinese and English', async () => {
    const { items } = await districts.list();
    expect(items.map((d) => d.code)).toEqual(['gulou', 'taijiang', 'cangshan', 'mawei', 'jinan', 'changle']);
    expect(items[0]).toEqual({ code: 'gulou', nameZh: '鼓楼区', nameEn: 'Gulou District', active: true });
  });

  it('lets only the city office add and change districts', async () => {
    await expect(districts.add(water, { code: 'minhou', nameZh: '闽侯县', nameEn: 'Minhou County' })).rejects.toMatchObject({ status: 403 });
    await expect(districts.change(water, 'gulou', { nameZh: '鼓楼区', nameEn: 'Gulou District', active: false })).rejects.toMatchObject({ status: 403 });
    expect((await districts.list()).items.map((d) => d.code)).not.toContain('minhou');
  });

  it('adds, renames, deactivates and reactivates a district; a code is added once', async () => {
    expect(await districts.add(cityOffice, { code: 'minhou', nameZh: '闽侯', nameEn: 'Minhou' })).toEqual({ code: 'minhou', nameZh: '闽侯', nameEn: 'Minhou', active: true });
    await expect(districts.add(cityOffice, { code: 'minhou', nameZh: '闽侯县', nameEn: 'Minhou County' })).rejects.toMatchObject({
      status: 409,
      problem: { errors: [expect.objectContaining({ field: 'code', rule: 'uniqueDistrict' })] },
    });
    expect(await districts.change(cityOffice, 'minhou', { nameZh: '闽侯县', nameEn: 'Minhou County', active: true })).toEqual({ code: 'minhou', nameZh: '闽侯县', nameEn: 'Minhou County', active: true });
    await districts.change(cityOffice, 'minhou', { nameZh: '闽侯县', nameEn: 'Minhou County', active: false });
    expect((await districts.list()).items.map((d) => d.code)).not.toContain('minhou');
    expect((await districts.list(true)).items.at(-1)).toEqual({ code: 'minhou', nameZh: '闽侯县', nameEn: 'Minhou County', active: false });
    await districts.change(cityOffice, 'minhou', { nameZh: '闽侯县', nameEn: 'Minhou County', active: true });
    expect((await districts.list()).items.at(-1)?.code).toBe('minhou');
    await expect(districts.change(cityOffice, 'nowhere', { nameZh: '无', nameEn: 'Nowhere', active: false })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a plan naming a district not on the list, naming the entry', async () => {
    const plan = samplePlan();
    plan.eligibility.districts = ['gulou', '鼓楼区'];
    await expect(plans.create(water, plan)).rejects.toMatchObject({
      status: 400,
      problem: { errors: [expect.objectContaining({ field: 'eligibility.districts[1]', rule: 'knownDistrict' })] },
    });
  });

  it('refuses to submit a plan whose district was deactivated since it was drafted, and to save it again', async () => {
    await districts.add(cityOffice, { code: 'yongtai', nameZh: '永泰县', nameEn: 'Yongtai County' });
    const input = samplePlan();
    input.eligibility.districts = ['taijiang', 'yongtai'];
    const draft = await plans.create(water, input);
    await districts.change(cityOffice, 'yongtai', { nameZh: '永泰县', nameEn: 'Yongtai County', active: false });
    const refusal = { status: 400, problem: { errors: [expect.objectContaining({ field: 'eligibility.districts[1]', rule: 'knownDistrict' })] } };
    await expect(plans.submit(water, draft.id)).rejects.toMatchObject(refusal);
    await expect(plans.update(water, draft.id, { ...input, title: `${input.title}（修订）` })).rejects.toMatchObject(refusal);
    await districts.change(cityOffice, 'yongtai', { nameZh: '永泰县', nameEn: 'Yongtai County', active: true });
    expect((await plans.submit(water, draft.id)).status).toBe('submitted');
  });
});
