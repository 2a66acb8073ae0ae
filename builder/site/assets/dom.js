// Tiny DOM helpers shared by the course scripts. Strings always become text, never HTML.
export const all = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** A new element; string children become text nodes. */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A decorative symbol beside words that say the same ("✓ Correct"): hidden from screen readers. */
export const icon = (symbol) => h("span", { class: "course-icon", "aria-hidden": "true" }, symbol);
