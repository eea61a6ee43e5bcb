// A schedule's cron expression in words, for the common 5-field forms (minute hour day-of-month month
// day-of-week; numbers, "*", lists "1,3", ranges "1-5" and steps "*/15"). Anything else is shown as written.
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

function list(field, names, offset = 0) {
  return field.split(',').map((part) => {
    const range = part.match(/^(\d+)-(\d+)$/);
    if (range) return `${names(Number(range[1]) - offset)} to ${names(Number(range[2]) - offset)}`;
    return names(Number(part) - offset);
  }).join(', ');
}

const pad = (n) => String(n).padStart(2, '0');

/** "0 7 * * 1-5" → "At 07:00, Monday to Friday". */
export function cronInWords(cron) {
  const parts = String(cron || '').trim().split(/\s+/);
  if (parts.length !== 5 || !parts.every((p) => /^(\*|\*\/\d+|\d+(-\d+)?(,\d+(-\d+)?)*)$/.test(p))) return cron;
  const [minute, hour, dom, month, dow] = parts;
  let time;
  if (/^\d+$/.test(minute) && /^\d+(,\d+)*$/.test(hour)) {
    time = `At ${hour.split(',').map((h) => `${pad(h)}:${pad(minute)}`).join(' and ')}`;
  } else if (minute.startsWith('*/') && hour === '*') {
    time = `Every ${minute.slice(2)} minutes`;
  } else if (/^\d+$/.test(minute) && hour === '*') {
    time = `At minute ${minute} of every hour`;
  } else if (/^\d+$/.test(minute) && hour.startsWith('*/')) {
    time = `At minute ${minute}, every ${hour.slice(2)} hours`;
  } else if (minute === '*' && hour === '*') {
    time = 'Every minute';
  } else {
    return cron;
  }
  const when = [];
  if (dom !== '*') when.push(dom.startsWith('*/') ? `every ${dom.slice(2)} days` : `on day ${dom} of the month`);
  if (month !== '*') when.push(month.startsWith('*/') ? `every ${month.slice(2)} months` : `in ${list(month, (m) => MONTHS[m] ?? m, 1)}`);
  if (dow !== '*') when.push(dow.startsWith('*/') ? `every ${dow.slice(2)} days of the week` : list(dow, (d) => DAYS[d % 7] ?? d));
  if (dom === '*' && dow === '*' && month === '*') when.push('every day');
  return `${time}, ${when.join(', ')}`;
}
