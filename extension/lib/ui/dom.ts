/**
 * A small element builder for the extension's pages and panels. Text only ever goes in through
 * `textContent` or text nodes, never `innerHTML`: captured page text is untrusted.
 */
export interface ElementProps {
  class?: string
  text?: string
  attrs?: Record<string, string | undefined>
}

/**
 * Creates an element of the current document.
 * @param tag - the tag name
 * @param props - class, text content and attributes (`undefined` attributes are left out)
 * @param children - nodes, or strings added as text nodes
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: (Node | string | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (props.class) node.className = props.class
  if (props.text !== undefined) node.textContent = props.text
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) node.setAttribute(name, value)
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    node.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return node
}

/** A labelled text input; its value is set as a property, never parsed. */
export function textField(label: string, name: string, value: string | undefined, multiline = false) {
  const input = multiline
    ? el('textarea', { attrs: { name, rows: '2' } })
    : el('input', { attrs: { name, type: 'text' } })
  input.value = value ?? ''
  return { row: el('label', { class: 'field' }, [el('span', { text: label }), input]), input }
}

/** "Mar 5, 2024" in the browser's locale. */
export function shortDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

/** "allied-resource" → "Allied resource". */
export function humanize(value: string): string {
  const text = value.replace(/[-_]/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
