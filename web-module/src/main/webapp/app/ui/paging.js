// Cursor paging over the API's {items, next} listings, and a debounce for search as you type: one request when
// the person pauses, never one per keystroke.

/** Calls fn(...args) once no call has come for `ms` milliseconds. */
export function debounce(fn, ms = 300) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * The pages of a listing seen so far: `after` cursors of the pages before the current one, so "Previous" reads
 * the same page again with its cursor and "Next" uses the API's `next`.
 */
export class Pager {
  constructor() {
    this.reset();
  }

  reset() {
    this.cursors = [null]; // the cursor of each page visited; the last one is the current page's
    this.next = null;
  }

  get current() {
    return this.cursors[this.cursors.length - 1];
  }

  get hasPrevious() {
    return this.cursors.length > 1;
  }

  forward() {
    if (this.next) this.cursors.push(this.next);
  }

  back() {
    if (this.hasPrevious) this.cursors.pop();
  }

  /** The page number (from 1) being shown. */
  get number() {
    return this.cursors.length;
  }

  /** path with `limit` and the current page's `after`. */
  path(path, limit) {
    const params = new URLSearchParams();
    params.set('limit', String(limit));
    if (this.current) params.set('after', this.current);
    return `${path}${path.includes('?') ? '&' : '?'}${params}`;
  }
}

/** Saves an answer's Blob as a file the browser downloads (a CSV), without a token in any URL. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
