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

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: CHINA_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** `2026-11-27 18:00`: the admin's own date format (`admin.dateFormat` in config.ts), China time. */
export function formatChinaTime(instant: string | Date): string {
  const found = parts.formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    found.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** `2026-11-27`: the day an instant falls on in China (date-only fields). */
export function formatChinaDate(instant: string | Date): string {
  return formatChinaTime(instant).slice(0, 10);
}
