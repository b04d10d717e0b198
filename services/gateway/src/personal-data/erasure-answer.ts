import type { PersonalDataErasure } from '@openday/contracts';

/** One application (or record) kept after an erasure, and why, in words. */
export interface KeptItem {
  applicationId: string;
  openDayTitle: string | null;
  reason: string;
  zh: string;
  en: string;
}

/** What an erasure did, in words for the citizen (zh-CN and en), with the figures behind them. */
export interface ErasureAnswer {
  erasedAt: string;
  accountErased: boolean;
  /** Records erased per service (the gateway's own account data under `gateway`). */
  erased: Record<string, number>;
  kept: KeptItem[];
  /** Paragraphs, in order: what was erased, what was kept and why, what happens next. */
  words: { zh: string[]; en: string[] };
}

const REASON_WORDS: Record<string, { zh: (title: string) => string; en: (title: string) => string }> = {
  'open-day-in-progress': {
    zh: (title) => `「${title}」正在进行或尚未结束，您在该活动中的报名、凭证和签到记录暂时保留，活动结束后按保存期限自动删除。`,
    en: (title) => `“${title}” has not ended yet, so your application, ticket and check-in for it are kept until it ends, then erased automatically when the retention period runs out.`,
  },
  'no-show-register': {
    zh: (title) => `「${title}」的爽约记录仅以不可还原的加密摘要保存，到期后删除，用于今后活动的遴选。`,
    en: (title) => `The no-show recorded at “${title}” is kept only as a keyed hash that cannot be turned back into your identity, for the selection of later open days, until its period ends.`,
  },
  'audit-log': {
    zh: () => `审计日志依法保存：其中只记录工作人员何时读取过哪份名单，不含您的姓名、身份证号或手机号。`,
    en: () => `The audit log is kept by law: it records only when staff read which list, never your name, ID number or mobile.`,
  },
};

const UNKNOWN_REASON = {
  zh: (title: string) => `「${title}」的部分记录暂时保留，到期后按保存期限删除。`,
  en: (title: string) => `Some records of “${title}” are kept for now and erased when their retention period ends.`,
};

/**
 * Turns the services' erase replies into the answer the citizen reads. Reasons are
 * stable codes (`open-day-in-progress`, `no-show-register`, `audit-log`); an unknown
 * code still gets a sentence, never a bare code.
 */
export function erasureAnswer(
  replies: readonly PersonalDataErasure[],
  gatewayErased: number,
  titles: ReadonlyMap<string, string>,
  erasedAt: Date,
): ErasureAnswer {
  const erased: Record<string, number> = { gateway: gatewayErased };
  for (const reply of replies) erased[reply.service] = (erased[reply.service] ?? 0) + reply.erased;
  const seen = new Set<string>();
  const kept: KeptItem[] = [];
  for (const reply of replies) {
    for (const item of reply.kept) {
      const key = `${item.applicationId}/${item.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const title = titles.get(item.applicationId) ?? null;
      const words = REASON_WORDS[item.reason] ?? UNKNOWN_REASON;
      kept.push({
        applicationId: item.applicationId,
        openDayTitle: title,
        reason: item.reason,
        zh: words.zh(title ?? '该活动'),
        en: words.en(title ?? 'the open day'),
      });
    }
  }
  const total = Object.values(erased).reduce((sum, count) => sum + count, 0);
  const zh = [
    kept.length === 0
      ? `您的账号已注销，平台已删除关于您的全部 ${total} 条记录（报名、联系方式、凭证、消息和意见等）。`
      : `您的账号已注销，平台已删除关于您的 ${total} 条记录；以下内容暂时保留：`,
    ...kept.map((item) => item.zh),
    REASON_WORDS['audit-log'].zh(''),
    '如需再次使用，用同一手机号登录即会创建一个新的账号，与已删除的数据无关。',
  ];
  const en = [
    kept.length === 0
      ? `Your account is closed and the platform erased all ${total} records about you (applications, contact details, tickets, messages, opinions and more).`
      : `Your account is closed and the platform erased ${total} records about you; these are kept for now:`,
    ...kept.map((item) => item.en),
    REASON_WORDS['audit-log'].en(''),
    'Signing in again with the same mobile number starts a new account, unconnected to what was erased.',
  ];
  return { erasedAt: erasedAt.toISOString(), accountErased: true, erased, kept, words: { zh, en } };
}
