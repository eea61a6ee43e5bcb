// Styles shared by every component (Lit adopts them as constructable style sheets: no inline styles, so the
// page's Content-Security-Policy needs no 'unsafe-inline').
import { css } from 'lit';

export const base = css`
  :host { display: block; color: var(--text); font: inherit; }
  * { box-sizing: border-box; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
  h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
  a { color: var(--link); }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  button, .button {
    font: inherit; padding: .5rem .9rem; border-radius: 6px; border: 1px solid var(--accent);
    background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block;
    min-height: 2.5rem;
  }
  button.secondary, .button.secondary { background: #fff; color: var(--accent); }
  button.danger { background: #fff; color: var(--danger); border-color: var(--danger); }
  button.link { background: none; border: none; color: var(--link); text-decoration: underline; padding: .25rem;
    min-height: auto; }
  button[disabled] { opacity: .55; cursor: not-allowed; }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
  input, select, textarea {
    font: inherit; width: 100%; padding: .5rem; border: 1px solid var(--border); border-radius: 6px;
    background: #fff; color: var(--text); min-height: 2.5rem;
  }
  /* a long option or value never widens the page: fields shrink with their column */
  input, select, textarea { max-width: 100%; }
  .row > *, .grid > *, .panels > * { min-width: 0; }
  input[type="checkbox"], input[type="radio"] { width: auto; min-height: auto; margin: 0 .4rem 0 0;
    accent-color: var(--accent); }
  label.checkbox, label.radio { display: flex; align-items: center; font-weight: 400; }
  input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"] {
    border-color: var(--danger); border-width: 2px;
  }
  .field-error { color: var(--danger); margin: .25rem 0 0; font-size: .9rem; }
  .field-error::before { content: "⚠ "; }
  .hint { color: var(--muted); font-size: .9rem; margin: .25rem 0 0; }
  .problem { border: 2px solid var(--danger); background: #fff5f5; color: var(--text); padding: .75rem;
    border-radius: 6px; margin: .75rem 0; }
  .problem strong { color: var(--danger); }
  .notice { border: 1px solid var(--ok); background: #f0fdf4; padding: .75rem; border-radius: 6px; margin: .75rem 0; }
  .muted { color: var(--muted); }
  .row { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; }
  .row > * { flex: 1 1 10rem; }
  .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: 1rem; }
  .card { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--border); vertical-align: top; }
  td.num, th.num { text-align: right; white-space: nowrap; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
    white-space: nowrap; }
  /* A table of records becomes one card per row on a phone: each cell names its column (data-label), the
     first cell (no label) heads the card, and nothing needs to scroll sideways. */
  @media (max-width: 40rem) {
    table.stacks thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    /* its cells too: a header cell keeps its column's width and would reach past the phone's edge otherwise */
    table.stacks thead tr, table.stacks thead th { position: absolute; width: 1px; height: 1px; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; padding: 0; border: 0; }
    table.stacks, table.stacks tbody, table.stacks tr, table.stacks td { display: block; }
    table.stacks tbody tr { border-bottom: 1px solid var(--border); padding: .5rem 0; }
    table.stacks td { border: 0; padding: .15rem 0; text-align: right; white-space: normal; overflow: hidden;
      overflow-wrap: normal; }
    table.stacks td:not([data-label]) { text-align: left; }
    /* a field's focus ring is not cut off at the card's edge; flow-root still holds the floated label */
    table.stacks td:has(input, select, textarea) { overflow: visible; display: flow-root; }
    table.stacks td:first-child { font-weight: 600; }
    table.stacks td[data-label]::before { content: attr(data-label); float: left; margin-right: 1rem;
      font-weight: 600; color: var(--muted); text-align: left; }
    table.stacks tfoot { display: block; }
    table.stacks tfoot tr { display: flex; justify-content: space-between; gap: 1rem; }
    table.stacks tfoot th, table.stacks tfoot td { display: block; border: 0; padding: .15rem 0; font-weight: 600; }
  }
`;
