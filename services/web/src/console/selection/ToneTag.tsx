import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Tone = 'ok' | 'bad' | 'info' | 'warn' | 'plain';

// antd's coloured tags put small light text on a tint below the 4.5:1 contrast a clerk's screen needs; these are darker.
const TONES: Record<Tone, { color: string; background: string; borderColor: string } | undefined> = {
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#0a3d91', background: '#e6f4ff', borderColor: '#91caff' },
  warn: { color: '#614700', background: '#fffbe6', borderColor: '#ffd666' },
  plain: undefined,
};

/** A status tag whose words stay readable. */
export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
