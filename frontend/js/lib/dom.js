// Small helpers for building views with escaped HTML strings and reading forms.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Marks a string as already-safe HTML so `html` does not escape it. */
export function raw(value) {
  return { __html: String(value) };
}

/** Tagged template: interpolated values are escaped unless wrapped in raw(); arrays are joined. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((part) => (part && part.__html !== undefined ? part.__html : escapeHtml(part))).join('');
    out += strings[i + 1];
  });
  return raw(out);
}

export function render(container, template) {
  container.innerHTML = template.__html;
}

export function formData(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** Shows an API error on a form: the summary on top and per-field messages under the inputs. */
export function showFormError(form, error) {
  const summary = form.querySelector('.form-error');
  form.querySelectorAll('.field-error').forEach((el) => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  if (!error) {
    if (summary) summary.textContent = '';
    return;
  }
  if (summary) {
    summary.textContent = error.message || 'Something went wrong. Please try again.';
    summary.focus?.();
  }
  for (const [name, message] of Object.entries(error.fields || {})) {
    const input = form.elements.namedItem(name);
    if (!input || !input.id) continue;
    input.setAttribute('aria-invalid', 'true');
    const note = document.createElement('p');
    note.className = 'error-text field-error';
    note.id = `${input.id}-error`;
    note.textContent = message;
    input.setAttribute('aria-describedby', note.id);
    input.insertAdjacentElement('afterend', note);
  }
}
