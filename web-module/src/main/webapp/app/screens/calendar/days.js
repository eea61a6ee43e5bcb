// Local days of the shop (YYYY-MM-DD strings) and instants shown in its time zone. A day is a date, not an
// instant: the API cuts days in the shop's zone (ShopCalendar), so the screen only names dates and lets the
// browser's Intl show each instant in that zone.
import { session } from '../../session.js';

const ISO_DAY = new Map();
const TIME = new Map();
const LONG_DAY = new Map();

function cached(map, zone, make) {
  if (!map.has(zone)) map.set(zone, make());
  return map.get(zone);
}

/** The shop's local date of an instant (or now). */
export function dayOf(instant = new Date(), zone = session.timeZone) {
  // en-CA writes dates as YYYY-MM-DD
  return cached(ISO_DAY, zone, () => new Intl.DateTimeFormat('en-CA',
    { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(new Date(instant));
}

/** "9:30 AM" in the shop's zone. */
export function timeOf(instant, zone = session.timeZone) {
  return cached(TIME, zone, () => new Intl.DateTimeFormat(undefined, { timeZone: zone, timeStyle: 'short' }))
    .format(new Date(instant));
}

/** "Monday, December 7" for a date (no zone: a date is the same everywhere). */
export function dayName(day) {
  return cached(LONG_DAY, 'UTC', () => new Intl.DateTimeFormat(undefined,
    { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' })).format(new Date(`${day}T00:00:00Z`));
}

export function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week of a date. */
export function mondayOf(day) {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function isDay(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text ?? '') && !Number.isNaN(new Date(`${text}T00:00:00Z`).getTime());
}
