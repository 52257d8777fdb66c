/**
 * Finds user-visible strings written straight into UI source files, for the test that keeps
 * every UI string in assets/locales. Reads the TypeScript syntax tree, so comments, import
 * paths, CSS class names and message keys are not mistaken for text.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** A string a person would see, written in a source file rather than looked up by key. */
export interface HardCoded {
  file: string;
  line: number;
  text: string;
}

// Attributes whose values are never shown to a person.
const CODE_ATTRIBUTES = new Set([
  'class',
  'className',
  'id',
  'key',
  'role',
  'type',
  'name',
  'href',
  'rel',
  'target',
  'lang',
  'dir',
  'for',
  'htmlFor',
  'autocomplete',
  'autoComplete',
  'inputMode',
  'enterKeyHint',
  'method',
  'accept',
  'download',
  'form',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-live',
  'aria-haspopup',
  'aria-current',
  'aria-orientation',
  'aria-sort',
  'aria-autocomplete',
  'spellcheck',
  'value',
]);

// Calls whose string arguments are code, not text: keys, selectors, events, logging.
const CODE_CALLS =
  /^(t|i18n\.t|querySelector|querySelectorAll|closest|addEventListener|removeEventListener|matches|getAttribute|setAttribute|removeAttribute|hasAttribute|createElement|console\.\w+|(?:new )?(?:Error|TypeError|RangeError|RefusedError)|defineItem|storage\.defineItem|sendMessage|getURL|startsWith|endsWith|includes|split|join|replace|replaceAll|padStart|localeCompare|Intl\.\w+|new Intl\.\w+|fetch|postMessage|dispatchEvent|Event|CustomEvent)$/;

/** A string that reads as words: a letter pair, and either a space or a capital first. */
function looksLikeText(s: string): boolean {
  const t = s.trim();
  if (!/\p{L}{2}/u.test(t)) return /[\u3400-\u9fff]/u.test(t);
  if (/^[a-z][\w-]*$/.test(t)) return false; // identifiers, enum values, CSS names
  if (/^[#./@:]|^[a-z]+:\/\//.test(t)) return false; // selectors, paths, routes, URLs
  if (/^[\w-]+(\s[\w-]+)*$/.test(t) && !/[A-Z]/.test(t) && !t.includes(' ')) return false;
  return /\s/.test(t) || /^\p{Lu}\p{Ll}/u.test(t) || /[\u3400-\u9fff]/u.test(t);
}

function calleeName(node: ts.Node): string | null {
  let n: ts.Node | undefined = node.parent;
  while (n && (ts.isConditionalExpression(n) || ts.isBinaryExpression(n) || ts.isParenthesizedExpression(n)))
    n = n.parent;
  if (n && (ts.isCallExpression(n) || ts.isNewExpression(n))) {
    const text = n.expression.getText();
    return ts.isNewExpression(n) ? `new ${text}` : text;
  }
  return null;
}

function isCode(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isImportTypeNode(p.parent ?? p))
    return true;
  if (ts.isLiteralTypeNode(p)) return true;
  if (ts.isPropertyAssignment(p) && p.name === node) return true;
  if (ts.isElementAccessExpression(p)) return true;
  if (ts.isCaseClause(p)) return true;
  if (ts.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.operatorToken.getText())) return true;
  for (let a: ts.Node | undefined = p; a; a = a.parent) {
    if (ts.isJsxAttribute(a))
      return CODE_ATTRIBUTES.has(a.name.getText()) || a.name.getText().startsWith('data-');
    if (ts.isJsxExpression(a) && ts.isJsxElement(a.parent)) break;
    if (ts.isCallExpression(a) || ts.isNewExpression(a) || ts.isBlock(a)) break;
  }
  const callee = calleeName(node);
  return callee !== null && CODE_CALLS.test(callee);
}

/** The hard-coded UI strings in one TypeScript or TSX file. */
export function hardCodedStrings(file: string): HardCoded[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCoded[] = [];
  const report = (node: ts.Node, value: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    // A deliberate exception carries `// i18n-ignore: <why>` on its line or the line before.
    const lines = text.split('\n');
    if (/i18n-ignore/.test(lines[line - 1] ?? '') || /i18n-ignore/.test(lines[line - 2] ?? '')) return;
    found.push({ file, line, text: value.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksLikeText(node.text) && !isCode(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
      if (looksLikeText(parts.replace(/…/g, ' ').trim()) && /\p{L}{2}/u.test(parts) && !isCode(node))
        report(node, parts);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
