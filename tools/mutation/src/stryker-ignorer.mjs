/**
 * A Stryker ignorer plugin (`vodkit-scope`): leaves alone the code inside the mutated files that
 * scope.json names, each rule with its reason, which Stryker reports as the mutant's
 * `statusReason` (status `Ignored`, not counted in the score). Rules name functions (stable
 * across edits, unlike line ranges) or the objects whose member assignments are log records.
 *
 * Plain JavaScript because Stryker imports plugins itself, without a TypeScript loader.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const scope = JSON.parse(readFileSync(join(here, '..', 'scope.json'), 'utf8'));

/** The repository-relative, `/`-separated path of the file a babel path belongs to. */
function fileOf(path) {
  const name = path.hub?.file?.opts?.filename;
  if (typeof name !== 'string') return undefined;
  return relative(root, name).split(sep).join('/');
}

/** `a.b.c` for a member expression made of identifiers, else undefined. */
function dotted(node) {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const object = dotted(node.object);
    return object === undefined ? undefined : `${object}.${node.property.name}`;
  }
  return undefined;
}

/**
 * The name the node at `path` declares: a function, a class or object method (getters too), or a
 * `const` (whatever its value: a function, a pattern, a table).
 */
function declaredName(path) {
  if (path.isFunctionDeclaration()) return path.node.id?.name;
  if ((path.isClassMethod() || path.isObjectMethod()) && path.node.key.type === 'Identifier') {
    return path.node.key.name;
  }
  if (path.isVariableDeclarator() && path.node.id.type === 'Identifier') return path.node.id.name;
  return undefined;
}

/** Whether `path` is a string or template literal given as a message (see scope.json). */
function isMessageText(path, rule) {
  if (!path.isStringLiteral() && !path.isTemplateLiteral()) return false;
  const parent = path.parentPath;
  if (parent?.isCallExpression() && parent.node.callee.type === 'Identifier') {
    const positions = rule.textArguments?.[parent.node.callee.name];
    return positions?.includes(parent.node.arguments.indexOf(path.node)) === true;
  }
  if (parent?.isObjectProperty() && parent.node.value === path.node) {
    const key = parent.node.key;
    return key.type === 'Identifier' && rule.textProperties?.includes(key.name) === true;
  }
  return false;
}

/** `*` is every file; `dir/*` every file under dir/. */
const appliesTo = (rule, file) =>
  rule.file === '*' ||
  file === undefined ||
  rule.file === file ||
  (rule.file.endsWith('/*') && file.startsWith(rule.file.slice(0, -1)));

/** @type {{ shouldIgnore(path: import('@babel/core').NodePath): string | undefined }} */
const ignorer = {
  shouldIgnore(path) {
    const file = fileOf(path);
    const name = declaredName(path);
    for (const rule of scope.ignore) {
      if (!appliesTo(rule, file)) continue;
      if (name !== undefined && rule.names?.includes(name)) return `${name}: ${rule.reason}`;
      if (isMessageText(path, rule)) return rule.reason;
      if (
        rule.assignmentsTo !== undefined &&
        path.isExpressionStatement() &&
        path.node.expression.type === 'AssignmentExpression' &&
        path.node.expression.left.type === 'MemberExpression' &&
        rule.assignmentsTo.includes(dotted(path.node.expression.left.object))
      ) {
        return rule.reason;
      }
    }
    return undefined;
  },
};

/** What Stryker loads from this module (`PluginKind.Ignore` is the string `Ignore`). */
export const strykerPlugins = [{ kind: 'Ignore', name: 'vodkit-scope', value: ignorer }];
