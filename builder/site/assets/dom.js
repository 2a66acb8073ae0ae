// @ts-check
// What the course scripts share: building elements (strings always become text, never HTML),
// reading parsed JSON safely, and components: how they start and follow the page's lifecycle.

/**
 * The element type a selector finds: the tag's own type for a plain tag name ("input"), else HTMLElement.
 * @template {string} S
 * @typedef {S extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[S] : HTMLElement} Found
 */

/**
 * Every element in `root` that matches `selector`, in document order.
 * @template {string} S
 * @param {S} selector
 * @param {ParentNode} [root]
 * @returns {Found<S>[]}
 */
export const all = (selector, root = document) =>
  /** @type {Found<S>[]} */ (Array.from(root.querySelectorAll(selector)));

/**
 * The first element in `root` that matches `selector`; throws when there is none (the page is not the
 * builder's, and the component must not start half-made).
 * @template {string} S
 * @param {S} selector
 * @param {ParentNode} [root]
 * @returns {Found<S>}
 */
export function find(selector, root = document) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return /** @type {Found<S>} */ (element);
}

/**
 * A new element; string children become text nodes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string> | null} [attributes]
 * @param {...(Node | string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * A decorative symbol beside words that say the same ("✓ Correct"): hidden from screen readers.
 * @param {string} symbol
 */
export const icon = (symbol) => h("span", { class: "course-icon", "aria-hidden": "true" }, symbol);

/**
 * Whether `value` is a JSON object (not null, not an array).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Whether `object` is an object with its own property `name`. Saved progress and answer keys are parsed
 * JSON: an inherited name ("constructor", "__proto__") must never count as an answer or an entry.
 * @param {unknown} object
 * @param {string} name
 * @returns {object is Record<string, unknown>}
 */
export const own = (object, name) => object !== null && typeof object === "object" && Object.hasOwn(object, name);

// -- components --------------------------------------------------------------------------------
// After GOV.UK Frontend's Component and createAll(): a component is a class whose roots are found by
// its `selector` and marked data-<moduleName>-init when it starts. start(Class) starts it on
// every such root now and whenever the page shows new content, and keeps it up to date with the
// saved progress (one lifecycle hook for every component, below).

/**
 * Why components are asked to update: "restored" the page came back from the back/forward cache;
 * "stored" another tab or window saved progress; "saved" another component on this page did.
 * @typedef {"restored" | "stored" | "saved"} Change
 */

/** The event a component fires on its root when it has saved progress (see Component#notifySaved). */
const SAVED = "course:progress-saved";

/** A component of the course page, started on one root element. */
export class Component {
  /** The component's name: a started root is marked data-<moduleName>-init. */
  static moduleName = "component";
  /** The CSS selector of the component's roots. */
  static selector = "";

  /**
   * Marks `root` as this component's before the subclass sets it up, as GOV.UK's base does: a root is
   * never set up twice, even when its setup failed half-way (listeners added before the failure would
   * double up).
   * @param {HTMLElement} root
   */
  constructor(root) {
    const name = /** @type {typeof Component} */ (this.constructor).moduleName;
    if (root.hasAttribute(`data-${name}-init`)) throw new Error(`this ${name} is already set up`);
    root.setAttribute(`data-${name}-init`, "");
    this.root = root;
  }

  /**
   * Brings the component up to date with progress saved since it last read it (nothing by default).
   * @param {Change} _change
   */
  update(_change) {}

  /** Tells the page's other components that this one has saved progress. */
  notifySaved() {
    this.root.dispatchEvent(new CustomEvent(SAVED, { bubbles: true }));
  }
}

/**
 * A component class: what createAll() and start() take.
 * @template {Component} [C=Component]
 * @typedef {{ new (root: HTMLElement): C, moduleName: string, selector: string }} ComponentClass
 */

/** @type {Set<Component>} */
const live = new Set();

/**
 * Starts `Class` on every root in `scope` not marked data-<moduleName>-init, each in isolation: one that
 * fails is reported on the console and its root keeps working as the builder rendered it, without
 * script. Safe to call again. Forgets the components whose roots have left the page.
 * @template {Component} C
 * @param {ComponentClass<C>} Class
 * @param {ParentNode} [scope]
 * @returns {C[]} the components started by this call
 */
export function createAll(Class, scope = document) {
  for (const component of live) if (!component.root.isConnected) live.delete(component);
  const marker = `data-${Class.moduleName}-init`;
  /** @type {C[]} */
  const started = [];
  for (const root of all(Class.selector, scope)) {
    if (root.hasAttribute(marker)) continue;
    try {
      const component = new Class(root);
      live.add(component);
      started.push(component);
    } catch (error) {
      console.error(`course: ${Class.moduleName}${root.id ? ` "${root.id}"` : ""} could not start:`, error);
    }
  }
  return started;
}

/**
 * The components started on this page that are still on it; with `Class`, only those of that class.
 * @template {Component} C
 * @param {ComponentClass<C>} [Class]
 * @returns {C[]}
 */
export function components(Class) {
  const found = [...live].filter((component) => component.root.isConnected);
  return /** @type {C[]} */ (Class ? found.filter((component) => component instanceof Class) : found);
}

/** @type {Set<ComponentClass>} */
const classes = new Set();

/**
 * Starts `Class` on the page now and follows the page's lifecycle for it: started again on every page
 * Material's instant navigation shows and on a page restored from the back/forward cache, and updated
 * when progress is saved by another tab or by another component of the page.
 * @param {ComponentClass} Class
 */
export function start(Class) {
  const first = !classes.size;
  classes.add(Class);
  if (first) follow();
  createAll(Class);
}

/** The one page-lifecycle hook, set up once for every component class started. */
function follow() {
  const startAll = () => [...classes].flatMap((Class) => createAll(Class));
  // Material for MkDocs' instant navigation swaps pages without running modules again; its document$
  // observable emits for every page shown (the first one too), and createAll() is safe to repeat.
  const material = /** @type {{ document$?: { subscribe?: unknown } }} */ (/** @type {unknown} */ (window));
  const pages = material.document$;
  if (pages && typeof pages.subscribe === "function") pages.subscribe(startAll);
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    // Back from the back/forward cache: this page's components show what other pages saved meanwhile.
    const fresh = new Set(startAll());
    updateAll("restored", (component) => !fresh.has(component));
  });
  window.addEventListener("storage", () => updateAll("stored"));
  document.addEventListener(SAVED, (event) => updateAll("saved", (component) => component.root !== event.target));
}

/**
 * Updates every live component (that `which` accepts), each in isolation like createAll().
 * @param {Change} change
 * @param {(component: Component) => boolean} [which]
 */
function updateAll(change, which = () => true) {
  for (const component of components()) {
    if (!which(component)) continue;
    try {
      component.update(change);
    } catch (error) {
      const name = /** @type {typeof Component} */ (component.constructor).moduleName;
      console.error(`course: ${name} could not update:`, error);
    }
  }
}
