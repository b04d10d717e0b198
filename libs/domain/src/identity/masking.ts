import { normalizeMobile } from './mobile';

const HAN = /\p{Script=Han}/u;

/**
 * Name as shown on public lists: 李四 → 李*, 张小三 → 张*三, 欧阳娜娜 → 欧**娜;
 * names without Chinese characters keep the first letter of each word: John Smith → J*** S****.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (HAN.test(trimmed)) return maskChineseName(Array.from(trimmed));
  return trimmed
    .split(/\s+/)
    .map((word) => {
      const [first = '', ...rest] = Array.from(word);
      return first + stars(rest.length);
    })
    .join(' ');
}

/** First 6 and last 4 characters at most, same length: 110105********1234. */
export function maskResidentId(id: string): string {
  const chars = Array.from(id.trim());
  // Too short to reveal 10 characters and still hide something: hide it all.
  if (chars.length <= 10) return stars(chars.length);
  return chars.slice(0, 6).join('') + stars(chars.length - 10) + chars.slice(-4).join('');
}

/** 138****5678, for staff screens; public lists never show phone numbers. */
export function maskMobile(mobile: string): string {
  const parsed = normalizeMobile(mobile);
  if (!parsed.ok) return stars(Array.from(mobile.trim()).length);
  return parsed.value.slice(0, 3) + stars(4) + parsed.value.slice(-4);
}

/** z***@example.com: the domain stays, the mailbox shows only its first character. */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  if (!trimmed) return '';
  const at = trimmed.lastIndexOf('@');
  const mailbox = at === -1 ? trimmed : trimmed.slice(0, at);
  const domain = at === -1 ? '' : trimmed.slice(at);
  // A fixed number of stars, so the mask does not give away the mailbox's length.
  return (Array.from(mailbox)[0] ?? '') + stars(3) + domain;
}

function maskChineseName(chars: string[]): string {
  if (chars.length <= 1) return stars(chars.length);
  if (chars.length === 2) return chars[0] + stars(1);
  return chars[0] + stars(chars.length - 2) + chars[chars.length - 1];
}

function stars(count: number): string {
  return '*'.repeat(count);
}
