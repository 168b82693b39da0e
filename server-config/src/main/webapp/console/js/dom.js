// Small DOM helpers: pages are built from elements and text nodes, never from HTML strings, so
// nothing the API returns can become markup.

/** An element with attributes (on* are listeners) and children (nodes, text; null is skipped). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A message in the page's live region: screen readers announce it, people see it on top. */
export function say(text, kind = 'info', action = null) {
  const messages = document.getElementById('messages');
  const message = h('p', { class: `message ${kind}` }, text, action ? ' ' : null, action);
  fill(messages, message);
  if (kind === 'info') {
    setTimeout(() => message.remove(), 6000);
  }
}

export function clearMessages() {
  fill(document.getElementById('messages'));
}

/** An ISO-8601 instant as the reader's local date and time. */
export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, date.toLocaleString());
}

/** How long ago, in the largest whole unit: "3 h", "2 d". */
export function age(iso) {
  const seconds = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

/** A confidence or share between 0 and 1 as a meter with its percentage beside it. */
export function confidence(value, label = 'confidence') {
  const percent = `${Math.round(value * 100)}\u00a0%`;
  return h('span', { class: 'confidence' },
    h('meter', { min: 0, max: 1, low: 0.5, high: 0.8, optimum: 1, value, 'aria-label': `${label} ${percent}` }),
    h('span', {}, percent));
}

/** A definition list from [term, description] pairs (null descriptions are left out). */
export function facts(pairs) {
  return h('dl', { class: 'facts' },
    pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** The designed state of a list with nothing in it. */
export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

/** Whether a key press was meant for a form control rather than for the page's shortcuts. */
export function typing(event) {
  const target = event.target;
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
