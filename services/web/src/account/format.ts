/** Every date a person sees is in Asia/Shanghai, wherever the browser is. */
const ZONE = 'Asia/Shanghai';

/** `2026-11-29` for an instant, in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** `2026-11-29 09:00` for an ISO instant, in Asia/Shanghai. */
export function shanghaiDateTime(iso: string): string {
  const instant = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${shanghaiDate(instant)} ${time}`;
}
