#!/usr/bin/env node
/*
 * Regenerates src/rules/schema/kubernetes-schema.json, the bundled schema of the built-in
 * Kubernetes kinds that `schema-invalid` validates against, from the type declarations of the
 * pinned `kubernetes-types` package (generated upstream from the Kubernetes OpenAPI spec).
 * Run: node packages/core/scripts/generate-kubernetes-schema.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const PKG_DIR = path.dirname(require.resolve('kubernetes-types/package.json', { paths: [path.join(__dirname, '..')] }));
const OUT = path.join(__dirname, '..', 'src', 'rules', 'schema', 'kubernetes-schema.json');
const VERSION = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8')).version;

const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
    else if (entry.name.endsWith('.d.ts')) files.push(full);
  }
})(PKG_DIR);

const idOf = (file, name) => `${path.relative(PKG_DIR, file).replace(/\.d\.ts$/, '')}.${name}`;
const sources = new Map(files.map((file) => [file, ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)]));
const definitions = {};
// Fields the kubernetes-types declarations lack although the Kubernetes OpenAPI spec has them
// (found by linting real manifests): added so that correct manifests do not fail.
const MISSING_FIELDS = {
  'admissionregistration/v1.RuleWithOperations': { resources: { array: 'string' }, scope: 'string' },
  'admissionregistration/v1beta1.RuleWithOperations': { resources: { array: 'string' }, scope: 'string' },
  'admissionregistration/v1alpha1.RuleWithOperations': { resources: { array: 'string' }, scope: 'string' },
};
const kinds = {};

for (const [file, source] of sources) {
  const scope = new Map();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const target = path.resolve(path.dirname(file), `${statement.moduleSpecifier.text}.d.ts`);
      for (const element of statement.importClause?.namedBindings?.elements ?? []) scope.set(element.name.text, idOf(target, (element.propertyName ?? element.name).text));
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      scope.set(statement.name.text, idOf(file, statement.name.text));
    }
  }
  const convert = (node) => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return 'string';
      case ts.SyntaxKind.NumberKeyword: return 'number';
      case ts.SyntaxKind.BooleanKeyword: return 'boolean';
      case ts.SyntaxKind.LiteralType: return ts.isStringLiteral(node.literal) ? 'string' : 'any';
      case ts.SyntaxKind.ArrayType: return { array: convert(node.elementType) };
      case ts.SyntaxKind.ParenthesizedType: return convert(node.type);
    }
    if (ts.isUnionTypeNode(node)) {
      const parts = [...new Set(node.types.map(convert).map((p) => JSON.stringify(p)))].map((p) => JSON.parse(p));
      if (parts.length === 1) return parts[0];
      if (parts.length === 2 && parts.includes('string') && parts.includes('number')) return 'int-or-string';
      return 'any';
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (name === 'Array' && node.typeArguments?.length === 1) return { array: convert(node.typeArguments[0]) };
      const id = scope.get(name);
      if (id === 'api/resource.Quantity') return 'quantity';
      return id ? { ref: id } : 'any';
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index && node.members.length === 1) return { map: convert(index.type) };
    }
    return 'any';
  };
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement)) definitions[idOf(file, statement.name.text)] = convert(statement.type);
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const properties = {};
    const required = [];
    let apiVersion;
    let kind;
    // Inherited members (`interface RuleWithOperations extends Rule`) are fields too.
    const bases = (statement.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => type.expression.getText()));
    const members = [...statement.members];
    for (const base of bases) {
      const declaration = source.statements.find((other) => ts.isInterfaceDeclaration(other) && other.name.text === base);
      if (declaration) members.push(...declaration.members);
      else console.warn(`unresolved base ${base} of ${statement.name.text}`);
    }
    for (const member of members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = member.name.getText().replace(/^["']|["']$/g, '');
      properties[name] = convert(member.type);
      if (!member.questionToken) required.push(name);
      if (name === 'apiVersion' && ts.isLiteralTypeNode(member.type)) apiVersion = member.type.literal.text;
      if (name === 'kind' && ts.isLiteralTypeNode(member.type)) kind = member.type.literal.text;
    }
    // An interface without members (RawExtension, JSON) stands for arbitrary content.
    Object.assign(properties, MISSING_FIELDS[idOf(file, statement.name.text)] ?? {});
    // JSONSchemaProps: CRD schemas use x-kubernetes-* keys the declarations lack; the API server checks them.
    definitions[idOf(file, statement.name.text)] = Object.keys(properties).length === 0 || statement.name.text === 'JSONSchemaProps' ? 'any' : { object: properties, ...(required.length ? { required } : {}) };
    if (apiVersion && kind) kinds[`${apiVersion}/${kind}`] = idOf(file, statement.name.text);
  }
}

fs.writeFileSync(OUT, `${JSON.stringify({ source: `kubernetes-types@${VERSION}`, kubernetesVersion: `v${VERSION.replace(/\.\d+$/, '')}`, kinds, definitions })}\n`);
console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${Object.keys(kinds).length} kinds, ${Object.keys(definitions).length} definitions`);
