import assert from 'node:assert/strict';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})="([^"<]*)"`, 'y');
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;

function checkText(text: string, where: string): string {
  assert.equal(text.includes('<'), false, `raw < in ${where}`);
  assert.equal(/&/.test(text.replace(ENTITY, '')), false, `raw & in ${where}: ${text.slice(0, 80)}`);
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * A strict little XML reader for tests: one root, balanced tags, quoted attributes, only the five
 * entities and character references. It throws on anything a real parser would reject that our
 * writers could plausibly produce.
 */
export function parseXml(source: string): XmlElement {
  const text = source.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    stack.at(-1)!.text += checkText(chunk, stack.at(-1)!.name);
    if (lt === -1) break;
    const close = new RegExp(`</(${NAME})\\s*>`, 'y');
    close.lastIndex = lt;
    const closing = close.exec(text);
    if (closing) {
      const open = stack.pop()!;
      assert.equal(open.name, closing[1], `</${closing[1]}> closes <${open.name}>`);
      i = close.lastIndex;
      continue;
    }
    const start = new RegExp(`<(${NAME})`, 'y');
    start.lastIndex = lt;
    const opening = start.exec(text);
    assert.ok(opening, `bad markup at ${text.slice(lt, lt + 40)}`);
    const element: XmlElement = { name: opening[1]!, attributes: {}, children: [], text: '' };
    let at = start.lastIndex;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const attribute = ATTRIBUTE.exec(text);
      if (!attribute) break;
      assert.equal(element.attributes[attribute[1]!], undefined, `duplicate attribute ${attribute[1]}`);
      element.attributes[attribute[1]!] = checkText(attribute[2]!, `@${attribute[1]}`);
      at = ATTRIBUTE.lastIndex;
    }
    const end = /\s*(\/?)>/y;
    end.lastIndex = at;
    const ending = end.exec(text);
    assert.ok(ending, `bad tag <${element.name} at ${text.slice(at, at + 40)}`);
    stack.at(-1)!.children.push(element);
    if (!ending[1]) stack.push(element);
    i = end.lastIndex;
  }
  assert.equal(stack.length, 1, `unclosed <${stack.at(-1)!.name}>`);
  assert.equal(root.children.length, 1, 'exactly one root element');
  assert.equal(root.text.trim(), '', 'no text outside the root');
  return root.children[0]!;
}

/** Every element of a name, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [
    ...(element.name === name ? [element] : []),
    ...element.children.flatMap((child) => findAll(child, name)),
  ];
}
