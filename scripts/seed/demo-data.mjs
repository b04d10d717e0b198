// The demo city's open days, citizens and applications: realistic but fake.
// Plans are found again by agency and title, so titles must stay unique per
// agency and stable between versions of this file.
import { testResidentId } from '@openday/testing';
import { creditCode } from './identity.mjs';

/** Where each plan is taken by the seed (the state the demo shows). */
export const TARGETS = ['draft', 'submitted', 'returned', 'published', 'cancelled'];

/**
 * The working day (index into the list of eligible event dates, which start
 * 10 working days after today) each open day falls on.
 */
const DAY_SLOT = { cancelled: 0, waterPublished: 1, gulouPublished: 2, submitted: 3, returned: 4, draft: 6 };

/** 'YYYY-MM-DDTHH:mm:00+08:00' */
const at = (date, time) => `${date}T${time}:00+08:00`;

/**
 * Every plan the seed makes, with the state it takes it to.
 * `today` and `addDays` come from the caller (Asia/Shanghai calendar dates);
 * `eventDates` are working days far enough ahead for on-time filing.
 */
export function demoPlans({ today, eventDates, addDays }) {
  const date = (slot) => eventDates[DAY_SLOT[slot]];
  const closes = (eventDate) => at(addDays(eventDate, -3), '16:00');
  // Published ones open for applications from the start of today: the window is open now.
  const openNow = (eventDate) => ({ publishAt: at(today, '00:00'), registrationOpensAt: at(today, '00:00'), registrationClosesAt: closes(eventDate) });
  // Not yet approved: published from tomorrow morning (at once, if the city office approves later than that).
  const later = (eventDate) => {
    const opens = at(addDays(today, 1), '09:00');
    return { publishAt: opens, registrationOpensAt: opens, registrationClosesAt: closes(eventDate) };
  };

  return [
    {
      slug: 'water-draft',
      agencyId: 'water-affairs-bureau',
      staff: 'water-staff',
      target: 'draft',
      body: {
        title: '节约用水进社区：水价听证前的座谈会',
        theme: '听取市民对阶梯水价和节水器具补贴的意见',
        forms: ['meeting', 'forum'],
        sessions: [
          {
            date: date('draft'),
            startsAt: '14:30',
            endsAt: '16:30',
            capacity: 15,
            agenda: [
              { startsAt: '14:30', endsAt: '15:00', activity: '列席局务会：节水工作汇报', venue: '市水务局三楼第一会议室' },
              { startsAt: '15:00', endsAt: '16:15', activity: '座谈交流：阶梯水价与节水补贴', venue: '市水务局三楼第一会议室' },
              { startsAt: '16:15', endsAt: '16:30', activity: '发放节水器具和宣传手册' },
            ],
          },
        ],
        venues: [{ name: '市水务局三楼第一会议室', address: '鼓楼区五四路 158 号' }],
        assemblyPoint: '市水务局一楼大厅',
        transport: '自行前往，可乘地铁 1 号线至东街口站',
        quotas: [
          { category: 'ordinary-citizen', places: 8 },
          { category: 'congress-deputy', places: 3 },
          { category: 'cppcc-member', places: 2 },
        ],
        minOrdinaryShare: 0.3334,
        mediaOutsideQuota: true,
        eligibility: { minAge: 18, maxAge: null, districts: [] },
        ...later(date('draft')),
        selectionMode: 'selection-group',
        coSigningDepartments: [],
        notices: ['请携带本人身份证原件', '座谈发言每人不超过 5 分钟'],
      },
    },
    {
      slug: 'water-submitted',
      agencyId: 'water-affairs-bureau',
      staff: 'water-staff',
      target: 'submitted',
      body: {
        title: '走进防汛抗旱指挥中心',
        theme: '观摩汛期会商与应急调度，了解城市内涝防治',
        forms: ['observation', 'forum'],
        sessions: [
          {
            date: date('submitted'),
            startsAt: '09:00',
            endsAt: '11:00',
            capacity: 12,
            agenda: [
              { startsAt: '09:00', endsAt: '09:40', activity: '观摩防汛会商演练', venue: '市防汛抗旱指挥中心' },
              { startsAt: '09:40', endsAt: '10:20', activity: '参观内涝监测大屏与调度系统', venue: '市防汛抗旱指挥中心' },
              { startsAt: '10:30', endsAt: '11:00', activity: '座谈交流：城市内涝防治' },
            ],
          },
        ],
        venues: [{ name: '市防汛抗旱指挥中心', address: '鼓楼区湖东路 210 号' }],
        assemblyPoint: '市防汛抗旱指挥中心东门',
        transport: '自行前往',
        quotas: [
          { category: 'ordinary-citizen', places: 6 },
          { category: 'congress-deputy', places: 3 },
          { category: 'party-member', places: 3 },
        ],
        minOrdinaryShare: 0.5,
        mediaOutsideQuota: true,
        eligibility: { minAge: 18, maxAge: 65, districts: [] },
        ...later(date('submitted')),
        selectionMode: 'lottery',
        coSigningDepartments: [],
        notices: ['请携带本人身份证原件', '指挥中心内请勿拍照'],
      },
    },
    {
      slug: 'water-returned',
      agencyId: 'water-affairs-bureau',
      staff: 'water-staff',
      target: 'returned',
      returnComments: '请在议程中补充两处参观点之间的交通安排和厂区安全须知，并明确集合时间后重新报送。',
      body: {
        title: '污水变清水：城市污水处理厂开放参观',
        theme: '看污水如何处理达标、再生水如何回用',
        forms: ['site-visit'],
        sessions: [
          {
            date: date('returned'),
            startsAt: '09:00',
            endsAt: '11:30',
            capacity: 20,
            agenda: [
              { startsAt: '09:00', endsAt: '10:00', activity: '参观生化处理池与中控室', venue: '城北污水处理厂' },
              { startsAt: '10:20', endsAt: '11:20', activity: '参观再生水回用示范', venue: '城南再生水厂' },
              { startsAt: '11:20', endsAt: '11:30', activity: '发放排水服务手册' },
            ],
          },
        ],
        venues: [
          { name: '城北污水处理厂', address: '晋安区福飞北路 88 号' },
          { name: '城南再生水厂', address: '仓山区盖山路 16 号' },
        ],
        assemblyPoint: '五一广场南门',
        transport: '统一乘坐大巴',
        quotas: [
          { category: 'ordinary-citizen', places: 10 },
          { category: 'congress-deputy', places: 5 },
          { category: 'party-member', places: 5 },
        ],
        minOrdinaryShare: 0.3334,
        mediaOutsideQuota: true,
        eligibility: { minAge: 18, maxAge: 65, districts: [] },
        ...later(date('returned')),
        selectionMode: 'lottery',
        coSigningDepartments: [],
        notices: ['请携带本人身份证原件', '请穿平底鞋'],
      },
    },
    {
      slug: 'water-published',
      agencyId: 'water-affairs-bureau',
      staff: 'water-staff',
      target: 'published',
      approveComments: '同意备案。',
      body: {
        title: '走进自来水厂：从源头到龙头',
        theme: '了解城市供水全过程，座谈水价与水质',
        forms: ['site-visit', 'forum'],
        sessions: [
          {
            date: date('waterPublished'),
            startsAt: '09:00',
            endsAt: '11:30',
            capacity: 20,
            agenda: [
              { startsAt: '09:00', endsAt: '09:20', activity: '参观水厂中控室', venue: '第一水厂' },
              { startsAt: '09:20', endsAt: '10:20', activity: '参观水质监测中心', venue: '水质监测中心' },
              { startsAt: '10:30', endsAt: '11:20', activity: '座谈交流：水价与水质' },
              { startsAt: '11:20', endsAt: '11:30', activity: '发放供水服务手册' },
            ],
          },
        ],
        venues: [
          { name: '第一水厂', address: '晋安区岳峰镇滨江路 1 号' },
          { name: '水质监测中心', address: '晋安区岳峰镇滨江路 9 号' },
        ],
        assemblyPoint: '市民服务中心北门',
        transport: '统一乘坐大巴',
        quotas: [
          { category: 'ordinary-citizen', places: 10 },
          { category: 'congress-deputy', places: 5 },
          { category: 'party-member', places: 5 },
        ],
        minOrdinaryShare: 0.3334,
        mediaOutsideQuota: true,
        eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang', 'cangshan'] },
        ...openNow(date('waterPublished')),
        selectionMode: 'lottery',
        coSigningDepartments: [],
        notices: ['请携带本人身份证原件', '请着便于行走的服装'],
      },
    },
    {
      slug: 'gulou-published',
      agencyId: 'gulou-district',
      staff: 'gulou-staff',
      target: 'published',
      approveComments: '同意备案。',
      body: {
        title: '鼓楼区政务服务中心开放日：一窗通办体验',
        theme: '体验“一窗受理、集成服务”，座谈营商环境',
        forms: ['observation', 'forum'],
        sessions: [
          {
            date: date('gulouPublished'),
            startsAt: '14:30',
            endsAt: '16:30',
            capacity: 10,
            agenda: [
              { startsAt: '14:30', endsAt: '15:20', activity: '观摩综合窗口办件流程', venue: '鼓楼区政务服务中心' },
              { startsAt: '15:30', endsAt: '16:30', activity: '座谈交流：营商环境与办事体验', venue: '鼓楼区政务服务中心' },
            ],
          },
        ],
        venues: [{ name: '鼓楼区政务服务中心', address: '鼓楼区乌山路 96 号' }],
        assemblyPoint: '鼓楼区政务服务中心一楼大厅',
        transport: '自行前往',
        quotas: [
          { category: 'ordinary-citizen', places: 6 },
          { category: 'enterprise', places: 2 },
          { category: 'cppcc-member', places: 2 },
        ],
        minOrdinaryShare: 0.5,
        mediaOutsideQuota: true,
        eligibility: { minAge: 18, maxAge: null, districts: ['gulou'] },
        ...openNow(date('gulouPublished')),
        selectionMode: 'first-come',
        coSigningDepartments: [],
        notices: ['请携带本人身份证原件'],
      },
    },
    {
      slug: 'water-cancelled',
      agencyId: 'water-affairs-bureau',
      staff: 'water-staff',
      target: 'cancelled',
      approveComments: '同意备案。',
      cancelReason: '受寒潮大风天气影响，为确保参观安全，本次开放日取消，改期另行通知。',
      body: {
        title: '水土保持科技示范园开放日',
        theme: '走进示范园，了解水土流失治理与生态修复',
        forms: ['site-visit'],
        sessions: [
          {
            date: date('cancelled'),
            startsAt: '09:00',
            endsAt: '11:30',
            capacity: 20,
            agenda: [
              { startsAt: '09:00', endsAt: '10:00', activity: '参观坡面径流观测场', venue: '水土保持科技示范园' },
              { startsAt: '10:15', endsAt: '11:15', activity: '参观生态清洁小流域', venue: '北峰生态清洁小流域' },
              { startsAt: '11:15', endsAt: '11:30', activity: '合影留念' },
            ],
          },
        ],
        venues: [
          { name: '水土保持科技示范园', address: '晋安区北峰 1 号' },
          { name: '北峰生态清洁小流域', address: '晋安区寿山乡' },
        ],
        assemblyPoint: '五一广场南门',
        transport: '统一乘坐大巴',
        quotas: [{ category: 'ordinary-citizen', places: 20 }],
        minOrdinaryShare: 0.3334,
        mediaOutsideQuota: true,
        eligibility: { minAge: 18, maxAge: 65, districts: [] },
        ...openNow(date('cancelled')),
        selectionMode: 'first-come',
        coSigningDepartments: [],
        notices: ['请携带本人身份证原件', '山区路段请穿防滑鞋'],
      },
    },
  ];
}

/** How many eligible event dates demoPlans needs. */
export const EVENT_DATES_NEEDED = Math.max(...Object.values(DAY_SLOT)) + 1;

// Region codes: 350102 鼓楼区, 350103 台江区, 350104 仓山区 (a Fuzhou-like city).
const person = (name, region, birthDate, sequence, mobile, category, district) => ({
  name,
  idNumber: testResidentId(birthDate, sequence, region),
  mobile,
  category,
  district,
  privacyConsent: true,
});

const CHEN = person('陈建华', '350102', '1978-05-14', '031', '13800138000', 'ordinary-citizen', 'gulou');
const LIN = person('林晓燕', '350103', '1985-09-23', '042', '13800138001', 'congress-deputy', 'taijiang');
const HUANG = person('黄志明', '350102', '1972-11-02', '015', '13800138002', 'party-member', 'gulou');
const ZHENG = person('郑丽娟', '350102', '1990-03-08', '026', '13800138011', 'ordinary-citizen', 'gulou');
const WU = person('吴国栋', '350104', '1966-07-19', '057', '13800138012', 'ordinary-citizen', 'cangshan');

/** Citizens who sign in (through the real code flow) and apply; the first is DEMO_CITIZEN_MOBILE. */
export const DEMO_CITIZENS = [
  { mobile: CHEN.mobile, name: CHEN.name },
  { mobile: LIN.mobile, name: LIN.name },
  { mobile: HUANG.mobile, name: HUANG.name },
];

/** Applications, by the plan slug of the open day they are for. */
export const DEMO_APPLICATIONS = [
  { slug: 'chen-water-self', plan: 'water-published', mobile: CHEN.mobile, body: { channel: 'self', applicant: CHEN } },
  {
    slug: 'lin-water-organisation',
    plan: 'water-published',
    mobile: LIN.mobile,
    body: { channel: 'organisation', recommendingOrganisation: '台江区人大代表联络站', applicant: LIN },
  },
  {
    slug: 'huang-water-group',
    plan: 'water-published',
    mobile: HUANG.mobile,
    body: {
      channel: 'group',
      unit: { name: '鼓楼区温泉街道社区服务中心', creditCode: creditCode('12', '350102', '48854071') },
      members: [HUANG, ZHENG, WU],
    },
  },
  { slug: 'chen-gulou-self', plan: 'gulou-published', mobile: CHEN.mobile, body: { channel: 'self', applicant: CHEN } },
];
