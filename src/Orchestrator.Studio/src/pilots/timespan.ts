/** .NET TimeSpan text ("d.hh:mm:ss[.fffffff]", "hh:mm:ss") as the server reads and writes it. */

export interface Duration {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const pattern = /^(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?$/;

/** Reads "14.00:00:00" or "00:05:00"; null for anything else (negative spans included). */
export function parseTimeSpan(text: string | null | undefined): Duration | null {
  const match = pattern.exec((text ?? '').trim());
  if (!match) return null;
  const [, d, h, m, s] = match;
  const duration = { days: Number(d ?? 0), hours: Number(h), minutes: Number(m), seconds: Number(s ?? 0) };
  if (duration.hours > 23 || duration.minutes > 59 || duration.seconds > 59) return null;
  return duration;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Writes the parts as TimeSpan text, carrying overflow (90 minutes = 1:30) the way TimeSpan normalises. */
export function formatTimeSpan(duration: Partial<Duration>): string {
  let total = (duration.days ?? 0) * 86_400 + (duration.hours ?? 0) * 3_600 + (duration.minutes ?? 0) * 60 + (duration.seconds ?? 0);
  total = Math.max(0, Math.round(total));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const clock = `${two(hours)}:${two(minutes)}:${two(seconds)}`;
  return days > 0 ? `${days}.${clock}` : clock;
}

export function totalSeconds(duration: Duration): number {
  return duration.days * 86_400 + duration.hours * 3_600 + duration.minutes * 60 + duration.seconds;
}
