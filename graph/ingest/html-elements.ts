import { NodeType, type HTMLElement, type Node } from 'node-html-parser';

/** An element's tag in lower case ('' for a node without one): pages mix <TD> and <td>. */
export function tagOf(el: HTMLElement): string {
  return el.rawTagName?.toLowerCase() ?? '';
}

export function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

/** The element children of `el`, in document order (text and comments left out). */
export function childElements(el: HTMLElement): HTMLElement[] {
  return el.childNodes.filter(isElement);
}
