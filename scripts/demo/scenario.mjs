// The demo run's fixed cast and choices: citizens, open days, what each
// representative does on the day, and how staff and the department respond.
// Nothing here is random, so two runs give the same figures; only the dates
// move with today (and a lottery draw picks whom, never how many).
import { addDays, shanghaiDateOf } from '@openday/domain';
import { testResidentId } from '@openday/testing';

export { addDays };

export const shanghaiToday = (now = new Date()) => shanghaiDateOf(now);

/** 'YYYY-MM-DDTHH:mm:ss+08:00', as the *_TEST_NOW variables take it. */
export const shanghaiAt = (date, time) => `${date}T${time}+08:00`;

// ---- citizens: 20 fixed people; two live outside Gulou, one is under 18, some give an e-mail, some read English

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平'];
const ENGLISH = { 4: 'Liu Min', 8: 'Zhao Jun', 12: 'Ma Jie', 16: 'Guo Ming' };
const OUTSIDE_GULOU = new Set([7, 15]);
const MINOR = 20;

export const CITIZENS = Array.from({ length: 20 }, (_, i) => {
  const n = i + 1;
  const birth = n === MINOR ? '2010-06-01' : addDays('1962-03-01', n * 611);
  return {
    n,
    name: ENGLISH[n] ?? `${SURNAMES[i]}${GIVEN[i]}`,
    idNumber: testResidentId(birth, String(100 + n * 7).padStart(3, '0'), n % 2 ? '350102' : '350103'),
    mobile: `1390000${String(n).padStart(4, '0')}`,
    email: n % 3 === 1 ? `citizen${n}@example.cn` : undefined,
    language: ENGLISH[n] ? 'en' : 'zh-CN',
    district: OUTSIDE_GULOU.has(n) ? 'taijiang' : 'gulou',
  };
});

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ---- open days: two agencies, four dates, first-come and one lottery

/**
 * `slot` indexes the event dates (working days from 10 working days ahead);
 * `applicants` are citizen numbers, applying in this order.
 * On the day, the ticket holders (by citizen number) act by position: see DAY_PLAN.
 */
export const OPEN_DAYS = [
  {
    key: 'water-plant',
    agencyId: 'water-affairs-bureau',
    staff: 'water-staff',
    admin: 'water-admin',
    slot: 0,
    selectionMode: 'first-come',
    capacity: 8,
    districts: [],
    applicants: range(1, 10),
    title: '走进自来水厂：从源头到龙头',
    theme: '了解城市供水全过程，座谈水价与水质',
    forms: ['site-visit', 'forum'],
    venues: [
      { name: '第一水厂', address: '滨江路 1 号' },
      { name: '水质监测中心', address: '滨江路 9 号' },
    ],
    assemblyPoint: '市民中心北门',
  },
  {
    key: 'gulou-service-centre',
    agencyId: 'gulou-district',
    staff: 'gulou-staff',
    admin: 'gulou-admin',
    slot: 3,
    selectionMode: 'first-come',
    capacity: 10,
    districts: ['gulou'],
    applicants: [...range(5, 16), 20],
    title: '鼓楼区政务服务中心开放日',
    theme: '体验“一窗通办”，座谈办事难点堵点',
    forms: ['observation', 'forum'],
    venues: [{ name: '鼓楼区政务服务中心', address: '鼓楼区湖东路 99 号' }],
    assemblyPoint: '政务服务中心一楼大厅',
  },
  {
    key: 'sewage-plant',
    agencyId: 'water-affairs-bureau',
    staff: 'water-staff',
    admin: 'water-admin',
    slot: 6,
    selectionMode: 'lottery',
    capacity: 6,
    districts: [],
    applicants: range(9, 20),
    title: '污水处理厂开放日：一滴水的重生',
    theme: '参观污水处理工艺，座谈河道水环境治理',
    forms: ['site-visit', 'forum'],
    venues: [
      { name: '洋里污水处理厂', address: '晋安区洋里路 2 号' },
      { name: '中水回用站', address: '晋安区洋里路 8 号' },
    ],
    assemblyPoint: '市民中心北门',
  },
  {
    key: 'gulou-enforcement',
    agencyId: 'gulou-district',
    staff: 'gulou-staff',
    admin: 'gulou-admin',
    slot: 9,
    selectionMode: 'first-come',
    capacity: 8,
    districts: ['gulou'],
    applicants: [...range(1, 6), 17, 18, 19],
    title: '城管执法观摩与座谈',
    theme: '观摩街面执法，座谈占道经营与停车管理',
    forms: ['observation', 'forum'],
    venues: [{ name: '鼓楼区城管执法大队', address: '鼓楼区杨桥路 12 号' }],
    assemblyPoint: '东街口百货大楼前',
  },
];

/** Event dates are picked this many working days apart, the first one at least 10 working days ahead. */
export const SLOTS_NEEDED = Math.max(...OPEN_DAYS.map((o) => o.slot)) + 1;

/** The lottery's registration closes this long after its plan is created: time to publish the four open days and apply. */
export const LOTTERY_CLOSES_AFTER_MS = 75_000;

export function planBody(openDay, eventDate, { now = Date.now() } = {}) {
  const publishAt = new Date(now + 2_000).toISOString();
  const closesAt = openDay.selectionMode === 'lottery' ? new Date(now + LOTTERY_CLOSES_AFTER_MS).toISOString() : shanghaiAt(addDays(eventDate, -3), '16:00:00');
  const [first, second] = openDay.venues;
  return {
    title: openDay.title,
    theme: openDay.theme,
    forms: openDay.forms,
    sessions: [
      {
        date: eventDate,
        startsAt: '09:00',
        endsAt: '11:30',
        capacity: openDay.capacity,
        agenda: [
          { startsAt: '09:00', endsAt: '10:15', activity: `参观：${first.name}`, venue: first.name },
          { startsAt: '10:15', endsAt: '11:30', activity: '座谈交流', venue: (second ?? first).name },
        ],
      },
    ],
    venues: openDay.venues,
    assemblyPoint: openDay.assemblyPoint,
    transport: '统一乘坐大巴',
    quotas: [{ category: 'ordinary-citizen', places: openDay.capacity }],
    minOrdinaryShare: 0.3334,
    mediaOutsideQuota: true,
    eligibility: { minAge: 18, maxAge: null, districts: openDay.districts },
    registrationOpensAt: publishAt,
    registrationClosesAt: closesAt,
    selectionMode: openDay.selectionMode,
    coSigningDepartments: [],
    notices: ['请携带本人身份证原件'],
    publishAt,
  };
}

// ---- the day: what the ticket holder at each position does

/**
 * By position among the open day's ticket holders (ordered by citizen number):
 * 'wrong-then-right': the first real-name check is refused (wrong ID card), the second admits;
 * 'refused': the wrong card, refused, not admitted (a no-show at the end);
 * 'absent': never comes (a no-show); anyone else is admitted at once.
 */
export function attendanceOf(openDayIndex, position, holders) {
  if (position === 0) return 'wrong-then-right';
  if (position === holders - 1) return 'absent';
  if (openDayIndex % 2 === 1 && position === holders - 2) return 'refused';
  return 'admitted';
}

const TOPICS = ['infrastructure', 'public-service', 'transparency', 'environment', 'policy', 'safety', 'event-organisation', 'other'];
const OPINIONS = [
  '建议公开每月水质检测报告，并在小区公告栏张贴。',
  '办事窗口午休时间能否错峰开放，方便上班族。',
  '希望在官网公开项目进度和资金使用情况。',
  '河道沿岸垃圾清理不及时，建议增加巡查频次。',
  '阶梯水价的第一档用水量偏低，建议按家庭人口调整。',
  '老旧小区消防通道被占用，建议联合执法清理。',
  '活动当天大巴到达较晚，建议提前公布集合时间。',
  '建议开通线上预约参观，扩大开放日覆盖面。',
];
const SATISFACTION = [5, 4, 5, 3, 4, 5, 2, 4, 5, 4];

/** Admitted representatives give an opinion unless position % 4 === 3; answer the survey unless position % 5 === 4. */
export function opinionOf(openDayIndex, position) {
  if (position % 4 === 3) return undefined;
  const k = openDayIndex * 3 + position;
  return { topic: TOPICS[k % TOPICS.length], text: OPINIONS[k % OPINIONS.length] };
}

export function satisfactionOf(openDayIndex, position) {
  return position % 5 === 4 ? undefined : SATISFACTION[(openDayIndex + position) % SATISFACTION.length];
}

// ---- accountability: assignment, answers, ratings (by the item's place in the run, 0-based)

/** The only demo department with a handler account (libs/testing/src/demo-city.ts). */
export const DEPARTMENT = { id: 'tax-bureau', handler: 'tax-handler' };
/** Staff give each assignment this many days to answer (the platform's default counts working days on the official calendar). */
export const DAYS_TO_ANSWER = 14;

/** Every 6th item stays with the agency, unassigned. */
export const isAssigned = (itemIndex) => itemIndex % 6 !== 5;

const OUTCOMES = ['solved', 'will-be-solved', 'explained', 'not-our-remit'];
const RATINGS = [5, 4, 3, 5, 2, 4];

/** The department's answer to the n-th assigned item, or undefined (every 5th is left to go overdue). */
export function answerOf(assignedIndex, eventDate) {
  if (assignedIndex % 5 === 4) return undefined;
  const outcome = OUTCOMES[assignedIndex % OUTCOMES.length];
  const answers = {
    solved: '已核实并整改完毕，感谢您的监督。',
    'will-be-solved': '已列入明年一季度工作计划，届时将向社会公布进展。',
    explained: '受现行政策限制，暂无法调整，已向上级部门反映。',
    'not-our-remit': '该事项不属我局职责，已转交市城管委办理。',
  };
  return {
    outcome,
    answer: answers[outcome],
    ...(outcome === 'will-be-solved' ? { promisedBy: addDays(eventDate, 120) } : {}),
    ...(outcome === 'not-our-remit' ? { passedTo: '市城市管理委员会' } : {}),
  };
}

/** The representative's rating of the n-th answer, or undefined (every 4th is not rated). */
export const ratingOf = (answeredIndex) => (answeredIndex % 4 === 3 ? undefined : RATINGS[answeredIndex % RATINGS.length]);

export function summaryText(openDay, row) {
  return `${openDay.title}：${row.selected} 人入选，${row.checkedIn} 人到场，收集意见 ${row.collected} 条，已答复 ${row.answered} 条。`;
}
