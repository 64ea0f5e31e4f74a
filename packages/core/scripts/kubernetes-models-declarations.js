/*
 * Reads the type declarations of one `kubernetes-models` package (and of the
 * `@kubernetes-models/apimachinery` it depends on) into compact schema nodes (see
 * src/kubernetes-schema/builtin-schema.ts). Every `.d.ts` file declares one definition of the Kubernetes
 * OpenAPI spec: an interface (an object), or a type alias (Quantity, IntOrString, Time...).
 * Numbers stay `number` here; kubernetes-models-integers.js tells integers apart.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const APIMACHINERY = '@kubernetes-models/apimachinery';
const QUANTITY_ID = 'apimachinery/api/resource/Quantity';
// CRD schemas use x-kubernetes-* keys that the declarations lack; the API server checks them.
const ARBITRARY = new Set(['apiextensions.k8s.io/v1/JSONSchemaProps', 'apiextensions.k8s.io/v1beta1/JSONSchemaProps']);

/** `.d.ts` files of a package, without index files and ajv's `_schemas`. */
function declarationFiles(root) {
  const files = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '_schemas') walk(full);
      } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') files.push(full);
    }
  })(root);
  return files.sort();
}

/**
 * Reads a kubernetes-models package directory. Returns `definitions` (id → node), `kinds`
 * (`apiVersion/kind` → id) and `classes` (id → { file, name }: the model class of an object
 * definition, whose validate() tells integers apart).
 */
function readDeclarations(packageDir) {
  const realDir = fs.realpathSync(packageDir);
  const apimachineryDir = path.dirname(require.resolve(`${APIMACHINERY}/package.json`, { paths: [realDir] }));
  const roots = [
    { dir: realDir, prefix: '' },
    { dir: fs.realpathSync(apimachineryDir), prefix: 'apimachinery/' },
  ];
  const idOf = (file) => {
    for (const root of roots) {
      if (file.startsWith(root.dir + path.sep)) return root.prefix + path.relative(root.dir, file).replace(/\.d\.ts$/, '').split(path.sep).join('/');
    }
    throw new Error(`${file} is outside the packages read`);
  };
  const resolveImport = (fromFile, specifier) => {
    let base;
    if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
    else if (specifier.startsWith(`${APIMACHINERY}/`)) base = path.join(roots[1].dir, specifier.slice(APIMACHINERY.length + 1));
    else return undefined;
    const candidate = `${base.replace(/\.m?js$/, '')}.d.ts`;
    if (!fs.existsSync(candidate)) throw new Error(`${fromFile}: cannot resolve ${specifier}`);
    return idOf(candidate);
  };

  const definitions = {};
  const kinds = {};
  const classes = {};
  for (const root of roots) {
    for (const file of declarationFiles(root.dir)) {
      const read = readFile(file, idOf(file), (specifier) => resolveImport(file, specifier));
      if (!read) continue;
      definitions[read.id] = read.node;
      if (read.kind) kinds[read.kind] = read.id;
      if (read.className) classes[read.id] = { file: file.replace(/\.d\.ts$/, '.js'), name: read.className };
    }
  }
  return { definitions, kinds, classes };
}

/** The file's imports (local name → definition id), declarations, classes and exports (exported → local name). */
function scan(source, resolveImport) {
  const imported = new Map();
  const declarations = new Map();
  const classNames = new Set();
  const exported = new Map();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const target = resolveImport(statement.moduleSpecifier.text);
      for (const element of statement.importClause?.namedBindings?.elements ?? []) if (target) imported.set(element.name.text, target);
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      declarations.set(statement.name.text, statement);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      classNames.add(statement.name.text);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      // `export type { IContainerPort as IIoK8sApiCoreV1ContainerPort, ContainerPort as IoK8sApiCoreV1ContainerPort }`
      for (const element of statement.exportClause.elements) exported.set(element.name.text, (element.propertyName ?? element.name).text);
    }
  }
  return { imported, declarations, classNames, exported };
}

/** The definition a file declares (the `IIoK8s...` export) and its model class, or undefined. */
function readFile(file, id, resolveImport) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const { imported, declarations, classNames, exported } = scan(source, resolveImport);
  const locals = [...exported].filter(([name]) => name.startsWith('IIoK8s')).map(([, local]) => local);
  if (locals.length > 1) throw new Error(`${file}: more than one definition`);
  const main = locals[0] && declarations.get(locals[0]);
  if (!main) return undefined;
  imported.set(locals[0], id);
  const convert = (node) => convertType(node, imported, file);
  if (ts.isTypeAliasDeclaration(main)) return { id, node: id === QUANTITY_ID ? 'quantity' : convert(main.type) };
  const { properties, required } = readMembers(main.members, convert);
  const literal = (name) => (typeof properties[name] === 'object' && properties[name].enum?.length === 1 ? properties[name].enum[0] : undefined);
  const apiVersion = literal('apiVersion');
  const kind = literal('kind');
  let requiredFields = required;
  if (apiVersion && kind) {
    // Objects embedded in others (volumeClaimTemplates, List items) usually leave these out.
    properties.apiVersion = 'string';
    properties.kind = 'string';
    requiredFields = required.filter((name) => name !== 'apiVersion' && name !== 'kind');
  }
  // An interface without members (RawExtension, FieldsV1, JSON) stands for arbitrary content.
  const node = Object.keys(properties).length === 0 || ARBITRARY.has(id) ? 'any' : objectNode(properties, requiredFields);
  const className = [...exported].find(([name, local]) => name.startsWith('IoK8s') && classNames.has(local))?.[1];
  return { id, node, kind: apiVersion && kind ? `${apiVersion}/${kind}` : undefined, className: node === 'any' ? undefined : className };
}

function readMembers(members, convert) {
  const properties = {};
  const required = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText().replace(/^["']|["']$/g, '');
    properties[name] = convert(member.type);
    if (!member.questionToken) required.push(name);
  }
  return { properties, required };
}

function objectNode(properties, required) {
  return { object: properties, ...(required.length ? { required } : {}) };
}

function convertType(node, imported, file) {
  const convert = (child) => convertType(child, imported, file);
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return 'string';
    case ts.SyntaxKind.NumberKeyword: return 'number';
    case ts.SyntaxKind.BooleanKeyword: return 'boolean';
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword: return 'any';
    case ts.SyntaxKind.ArrayType: return { array: convert(node.elementType) };
    case ts.SyntaxKind.ParenthesizedType: return convert(node.type);
  }
  if (ts.isLiteralTypeNode(node)) return ts.isStringLiteral(node.literal) ? { enum: [node.literal.text] } : 'any';
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.map(convert);
    if (parts.every((part) => typeof part === 'object' && 'enum' in part)) return { enum: [...new Set(parts.flatMap((part) => part.enum))].sort() };
    const distinct = [...new Set(parts.map((part) => JSON.stringify(part)))];
    if (distinct.length === 1) return parts[0];
    if (distinct.length === 2 && parts.includes('string') && parts.includes('number')) return 'int-or-string';
    return 'any';
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) return { array: convert(node.typeArguments[0]) };
    const target = imported.get(name);
    if (target) return { ref: target };
    console.warn(`${file}: unknown type ${name}, left unchecked`);
    return 'any';
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index && node.members.length === 1) return { map: convert(index.type) };
    // StatefulSet volumeClaimTemplates: kubernetes-models inlines the PersistentVolumeClaim.
    if (!index && node.members.length > 0) {
      const { properties, required } = readMembers(node.members, convert);
      return objectNode(properties, required);
    }
  }
  console.warn(`${file}: unsupported type ${node.getText()}, left unchecked`);
  return 'any';
}

module.exports = { readDeclarations };
