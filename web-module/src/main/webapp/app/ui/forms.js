// Small helpers for forms: a labelled input with the API's message for its field, and the problem banner.
import { html, nothing } from 'lit';

/**
 * A labelled field. problem: the Problem of the last save (its fields[name] is shown under the input).
 * Extra attributes: type, value, required, autocomplete, inputmode, maxlength, hint; onInput(event).
 */
export function field({ id, name = id, label, type = 'text', value = '', problem, hint, required = false,
  autocomplete, inputmode, maxlength, onInput, error }) {
  const message = error || problem?.fields?.[name];
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`
    <label for=${id}>${label}${required ? html` <span class="muted">(required)</span>` : nothing}</label>
    <input id=${id} name=${name} type=${type} .value=${value ?? ''} ?required=${required}
      autocomplete=${autocomplete ?? nothing} inputmode=${inputmode ?? nothing} maxlength=${maxlength ?? nothing}
      aria-invalid=${message ? 'true' : 'false'} aria-describedby=${described || nothing}
      @input=${onInput ?? nothing}>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing}`;
}

/** The problem of the last action as a sentence, with a reload button when someone else changed the object. */
export function problemBanner(problem, { onReload } = {}) {
  if (!problem) return nothing;
  const fieldsNamed = Object.keys(problem.fields ?? {}).length > 0;
  return html`<div class="problem" role="alert">
    <strong>${problem.changedBySomeoneElse ? 'Changed by someone else.' : 'Not saved.'}</strong>
    ${problem.sentence}${fieldsNamed ? `${/[.!?]$/.test(problem.sentence) ? '' : '.'} See the fields marked below.` : ''}
    ${problem.changedBySomeoneElse && onReload
      ? html`<div class="actions"><button type="button" @click=${onReload}>Reload</button></div>` : nothing}
  </div>`;
}

/** Reads a form's named inputs into an object of strings. */
export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}
