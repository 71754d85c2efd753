// Elements built from data with textContent, never innerHTML: nothing the
// API returns is ever parsed as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('p', { class: 'note' }, 'text', otherElement). */
export const h = (tag, attributes, ...children) => build(document.createElement(tag), attributes, children);

/** An SVG element, the same way. */
export const svg = (tag, attributes, ...children) => build(document.createElementNS(SVG_NS, tag), attributes, children);

/** A section card with its heading, labelled by it for screen readers. */
export function section(id, title, ...children) {
  return h('section', { class: 'card', 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), ...children);
}

/** A table: a header row and body rows; the first cell of each row heads it. */
export function table(caption, headers, rows) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      null,
      caption && h('caption', { class: 'hint' }, caption),
      h('thead', null, h('tr', null, headers.map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', null, rows.map(([head, ...cells]) => h('tr', null, h('th', { scope: 'row' }, head), cells))),
    ),
  );
}

/** A table cell: "unknown" set apart in style (not only colour: the word says it). */
export function cell(value, { number = false, best = false } = {}) {
  const classes = [number && 'number', best && 'best', value === 'unknown' && 'unknown'].filter(Boolean).join(' ');
  return h('td', { class: classes || null }, value, best ? h('span', { class: 'visually-hidden' }, ' (best)') : null);
}
