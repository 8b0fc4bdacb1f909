import ts from "typescript";

// Props that our components and the browser show to the person: text on the screen or read out by a screen reader.
const VISIBLE_PROPS = new Set(["placeholder", "aria-label", "title", "alt", "label", "submitLabel", "empty", "hint", "heading", "buttonLabel"]);

// Words that are the same in every language: the product's name and symbols (NPS, CSV, UTC).
const SAME_IN_EVERY_LANGUAGE = new Set(["NPS", "Loop", "CSV", "UTC"]);

/** Text a person would read as English: a word of two letters or more (not "n", "·", "–", a number, a symbol or a URL). */
const isWords = (text: string) =>
  !/^\s*https?:\/\/\S*\s*$/.test(text) && (text.match(/\p{L}{2,}/gu) ?? []).some((word) => !SAME_IN_EVERY_LANGUAGE.has(word));

type InlineString = { file: string; line: number; text: string };

/** Every English text written straight into the JSX of a file, instead of coming from lib/i18n/messages. */
export function findInlineStrings(file: string, source: string): InlineString[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: InlineString[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText())) {
      const value = node.initializer;
      const literal = value && ts.isJsxExpression(value) ? value.expression : value;
      if (literal && (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) && isWords(literal.text)) report(node, literal.text);
      if (literal && ts.isTemplateExpression(literal) && isWords(literal.head.text + literal.templateSpans.map((s) => s.literal.text).join(" "))) {
        report(node, literal.getText());
      }
    }
    // {"Some words"} or {cond ? "Yes" : "No"} as a JSX child.
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression) {
      const strings: ts.Node[] = [];
      const collect = (expression: ts.Node) => {
        if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) strings.push(expression);
        else if (ts.isConditionalExpression(expression)) [expression.whenTrue, expression.whenFalse].forEach(collect);
        else if (ts.isBinaryExpression(expression)) {
          // `cond && "text"` shows the right side; `a || "text"` and `a ?? "text"` either; a comparison shows neither.
          const kind = expression.operatorToken.kind;
          if (kind === ts.SyntaxKind.AmpersandAmpersandToken) collect(expression.right);
          if (kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken) [expression.left, expression.right].forEach(collect);
        }
        else if (ts.isParenthesizedExpression(expression)) collect(expression.expression);
      };
      collect(node.expression);
      for (const literal of strings) if (isWords((literal as ts.StringLiteral).text)) report(literal, (literal as ts.StringLiteral).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
