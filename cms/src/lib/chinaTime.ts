/**
 * China's time, in which every deadline, working day and nightly run of this agency is counted,
 * wherever the server or the reader is. China has one time zone and no daylight saving: UTC+8.
 */
export const CHINA_TIME_ZONE = "Asia/Shanghai";
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** 00:00 China time of the day after the one `ms` falls on (as an instant, in ms). */
export function nextChinaMidnight(ms: number): number {
  return (Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - CHINA_OFFSET_MS;
}

/**
 * `2026-11-27 18:00`: the admin's own date format (`admin.dateFormat` in config.ts), China time.
 * Plain arithmetic on the fixed offset, not Intl: an export formats 100,000 of these.
 */
export function formatChinaTime(instant: string | Date): string {
  const china = new Date(new Date(instant).getTime() + CHINA_OFFSET_MS);
  return china.toISOString().slice(0, 16).replace("T", " ");
}

/** `2026-11-27`: the day an instant falls on in China (date-only fields). */
export function formatChinaDate(instant: string | Date): string {
  return formatChinaTime(instant).slice(0, 10);
}
