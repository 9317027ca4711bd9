/** A length of time as people say it, in the reader's language (units from Intl): "2 min 15 sec", in French "2 min 15 s". */
export function formatDuration(totalSeconds: number, lng: string): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const unit = (value: number, u: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(lng, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
  if (minutes > 0) return seconds > 0 ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(minutes, 'minute');
  return unit(seconds, 'second');
}

/** A running clock for the room screen and the chair's timer: "2:05", "1:02:05". */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
