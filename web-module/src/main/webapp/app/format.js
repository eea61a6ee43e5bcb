// Amounts and dates in the shop's currency and time zone (Intl), in the browser's language.
import { session } from './session.js';

const cache = new Map();
function formatter(kind, key, make) {
  const id = `${kind}|${key}`;
  if (!cache.has(id)) cache.set(id, make());
  return cache.get(id);
}

/** "1234.5" or 1234.5 → "$1,234.50" in the organization's currency. */
export function money(amount, currency = session.currency) {
  if (amount === null || amount === undefined || amount === '') return '';
  return formatter('money', currency, () => new Intl.NumberFormat(undefined, { style: 'currency', currency }))
    .format(Number(amount));
}

/** An instant shown in the shop's time zone: "Nov 29, 2026, 4:30 PM". */
export function dateTime(iso, timeZone = session.timeZone) {
  if (!iso) return '';
  return formatter('dt', timeZone, () => new Intl.DateTimeFormat(undefined,
    { dateStyle: 'medium', timeStyle: 'short', timeZone })).format(new Date(iso));
}

export function date(iso, timeZone = session.timeZone) {
  if (!iso) return '';
  return formatter('d', timeZone, () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }))
    .format(new Date(iso));
}

/** How long since an instant, in words: "3 h 5 min", "2 d 4 h". */
export function since(iso, now = Date.now()) {
  if (!iso) return '';
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function number(value, digits = 0) {
  if (value === null || value === undefined || value === '') return '';
  return formatter('n', digits, () => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }))
    .format(Number(value));
}

/** "SERVICE_ADVISOR" → "Service advisor". */
export function label(constant) {
  if (!constant) return '';
  const words = String(constant).toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
