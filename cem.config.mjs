/**
 * The custom elements manifest and what is generated from it: React 19 JSX types, Vue `GlobalComponents` types,
 * VS Code custom data and JetBrains web-types, all under `dist/integrations/` so that they ship in the package.
 *
 * The manifest documents the public API only. The analyzer alone would also list private and protected members,
 * `#private` fields, Lit's `state: true` properties as attributes, static plumbing (`styles`, `tables`,
 * `formAssociated`), internal modules, and any `this.dispatchEvent(new CustomEvent(name))` whose name is a variable
 * (as an event called `name`). `publicApiOnly()` below removes all of that before anything is written.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

/** Where the integrations are written (shipped: `dist` is in `files`). Their type paths are relative to it. */
const integrations = 'dist/integrations';
/**
 * The package entries that declare the element classes and, through `declare global`, their `zw-*` events: the
 * main entry for residents' elements, `staff-elements.js` for the families it registers (decision 080).
 */
const staffFamilies = [...readFileSync('src/staff-elements.ts', 'utf8').matchAll(/from '\.\/(?!core\/)([\w-]+)\/index\.js'/g)].map((m) => m[1]);
const typesEntry = (modulePath) => (staffFamilies.some((f) => modulePath.startsWith(`src/${f}/`)) ? '../staff-elements.js' : '../index.js');

// ---------------------------------------------------------------------------------------------------------------
// What the analyzer's AST pass collects for the link phase.

/** Class name → names of the Lit properties declared with `state: true` (internal state, never attributes). */
const stateProperties = new Map();
/** Event name → the type of the event in the global `HTMLElementEventMap` (one declaration per event). */
const eventTypes = new Map();
/** Module path → local name → { module, name } that it was imported from (relative specifiers only). */
const imports = new Map();

const srcPath = (from, specifier) => posix.join(posix.dirname(from), specifier).replace(/\.js$/, '.ts');

/** Lit lifecycle and form-associated callbacks: public to the platform, not an API anyone calls. */
const PLATFORM_CALLBACK = /Callback$/;

/** The modules a consumer can import, from the package's `exports` (`./dist/x/index.js` → `src/x/index.ts`). */
function entryModules() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const targets = Object.values(pkg.exports ?? {}).map((t) => (typeof t === 'string' ? t : (t.default ?? t.import)));
  const entries = targets
    .filter((t) => typeof t === 'string' && /^\.\/dist\/(?!cdn\/).*\.js$/.test(t))
    .map((t) => t.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  // The CDN files are built from the package's main export and its staff-elements entry.
  return new Set(['src/index.ts', ...entries]);
}

/**
 * Removes from the manifest everything that is not public API, and gives each event its type from
 * `HTMLElementEventMap`. Runs first in the link phase, so every integration below sees the cleaned manifest.
 */
function publicApiOnly() {
  return {
    name: 'zw-public-api-only',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const specifier = node.moduleSpecifier.text;
        if (!specifier.startsWith('.')) return;
        const byName = imports.get(moduleDoc.path) ?? new Map();
        imports.set(moduleDoc.path, byName);
        const bindings = node.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) {
            byName.set(el.name.text, {
              module: srcPath(moduleDoc.path, specifier),
              name: (el.propertyName ?? el.name).text,
            });
          }
        }
      } else if (ts.isClassDeclaration(node) && node.name) {
        // `@attr {type} name` in the class header: the documented type wins over the field's (Lit's plugin runs after
        // the JSDoc one and would put back `ToggleMode` where editors need the values `'elder' | 'contrast' | …`).
        const classDoc = moduleDoc.declarations?.find((d) => d.name === node.name.text);
        for (const doc of node.jsDoc ?? []) {
          for (const [, type, name] of doc
            .getFullText()
            .matchAll(/@attr(?:ibute)?\s+\{((?:[^{}]|\{[^{}]*\})*)\}\s+([\w-]+)/g)) {
            const attr = classDoc?.attributes?.find((a) => a.name === name);
            if (attr) attr.type = { text: type.trim() };
          }
        }
        for (const member of node.members) {
          const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
          if (!isStatic || member.name?.getText() !== 'properties') continue;
          const object = ts.isPropertyDeclaration(member) ? member.initializer : undefined;
          if (!object || !ts.isObjectLiteralExpression(object)) continue;
          for (const prop of object.properties) {
            if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
            const internal = prop.initializer.properties.some(
              (o) =>
                ts.isPropertyAssignment(o) &&
                ((o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword) ||
                  (o.name.getText() === 'attribute' && o.initializer.kind === ts.SyntaxKind.FalseKeyword)),
            );
            if (!internal) continue;
            const names = stateProperties.get(node.name.text) ?? new Set();
            names.add(prop.name.getText().replace(/^['"]|['"]$/g, ''));
            stateProperties.set(node.name.text, names);
          }
        }
      } else if (ts.isInterfaceDeclaration(node) && node.name.text === 'HTMLElementEventMap') {
        for (const member of node.members) {
          if (ts.isPropertySignature(member) && member.name && ts.isStringLiteral(member.name) && member.type) {
            eventTypes.set(member.name.text, member.type.getText());
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const modules = new Map(manifest.modules.map((m) => [m.path, m]));
      const entries = entryModules();

      // 1. Which declarations a consumer can reach through the package's exports.
      const reachable = new Set(); // "path#name"
      const seen = new Set();
      const visit = (path, name) => {
        const key = `${path}#${name}`;
        if (seen.has(key)) return;
        seen.add(key);
        const mod = modules.get(path);
        if (!mod) return;
        if (name === '*') {
          for (const e of mod.exports ?? []) if (e.kind === 'js') follow(mod, e, e.name);
          return;
        }
        if (mod.declarations?.some((d) => d.name === name)) reachable.add(key);
        const exported = mod.exports?.find((e) => e.kind === 'js' && e.name === name);
        if (exported) follow(mod, exported, name);
        const imported = imports.get(path)?.get(name);
        if (imported) visit(imported.module, imported.name);
      };
      const follow = (mod, e, name) => {
        const target = e.declaration?.module;
        const path =
          !target || target === mod.path
            ? mod.path
            : target.startsWith('.')
              ? srcPath(mod.path, target)
              : target.replace(/\.js$/, '.ts');
        if (path === mod.path && e.declaration?.name === name) {
          if (mod.declarations?.some((d) => d.name === name)) reachable.add(`${path}#${name}`);
          const imported = imports.get(path)?.get(name);
          if (imported) visit(imported.module, imported.name);
        } else visit(path, e.declaration?.name ?? name);
      };
      for (const entry of entries) visit(entry, '*');

      // Every element is public through its tag, and a public class is documented with the classes it extends.
      const classes = new Map();
      for (const mod of manifest.modules)
        for (const d of mod.declarations ?? []) if (d.kind === 'class') classes.set(d.name, { mod, d });
      for (const { mod, d } of classes.values()) if (d.customElement) reachable.add(`${mod.path}#${d.name}`);
      for (const { mod, d } of classes.values()) {
        if (!reachable.has(`${mod.path}#${d.name}`)) continue;
        for (let c = classes.get(d.superclass?.name); c; c = classes.get(c.d.superclass?.name))
          reachable.add(`${c.mod.path}#${c.d.name}`);
      }

      // 2. Drop internal modules and declarations.
      manifest.modules = manifest.modules.filter((mod) => {
        mod.declarations = (mod.declarations ?? []).filter((d) => reachable.has(`${mod.path}#${d.name}`));
        if (!entries.has(mod.path)) {
          mod.exports = (mod.exports ?? []).filter(
            (e) => e.kind === 'custom-element-definition' || mod.declarations.some((d) => d.name === e.name),
          );
        }
        return entries.has(mod.path) || mod.declarations.length > 0;
      });

      // 3. Inside each class: public members only, real attributes only, documented events only.
      const elementLike = new Set();
      for (const { d } of classes.values()) {
        if (!d.customElement) continue;
        for (let c = d; c; c = classes.get(c.superclass?.name)?.d) elementLike.add(c.name);
      }
      for (const mod of manifest.modules) {
        for (const d of mod.declarations) {
          if (d.kind !== 'class') continue;
          const isElement = elementLike.has(d.name);
          d.members = (d.members ?? []).filter(
            (m) =>
              // A member the analyzer cannot name (a computed key) is not documented API.
              typeof m.name === 'string' &&
              m.privacy !== 'private' &&
              m.privacy !== 'protected' &&
              !m.name.startsWith('#') &&
              !(isElement && m.static) &&
              !(isElement && m.kind === 'method' && PLATFORM_CALLBACK.test(m.name)),
          );
          for (const m of d.members) if (m.privacy === undefined) m.privacy = 'public';
          if (!isElement) continue;
          const publicFields = new Set(d.members.filter((m) => m.kind === 'field').map((m) => m.name));
          const internal = (attr) => stateProperties.get(attr.inheritedFrom?.name ?? d.name)?.has(attr.fieldName);
          d.attributes = (d.attributes ?? []).filter((a) => !internal(a));
          // An attribute whose property is not public (`lang` is read through the protected `ownLang`) is still an
          // attribute; it just has no public field to point to.
          for (const a of d.attributes) if (a.fieldName && !publicFields.has(a.fieldName)) delete a.fieldName;
          // Events: the ones the class header documents with @fires. A dispatch the analyzer finds in code but no
          // @fires names is not part of the contract (and may be a helper's variable, not an event name).
          d.events = (d.events ?? []).filter((e) => e.name && e.description);
          for (const e of d.events) {
            const type = eventTypes.get(e.name);
            if (type) e.type = { text: type };
            else
              console.warn(`[zw-public-api-only] ${d.tagName}: event ${e.name} has no HTMLElementEventMap declaration`);
          }
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// React and Vue types, from a copy of the clean manifest shaped for the two generators.

/**
 * The generators type each prop with `attr[typesSrc].text` and each event handler as `CustomEvent<event.type.text>`,
 * written in one file without imports. So every attribute and property gets the type of its public field, through
 * an import type of the package's entry (which also brings the `zw-*` events of `HTMLElementEventMap` into scope),
 * each event gets its `detail` type from that map, and read-only properties (`locale`, `checked`) are left out: a
 * framework that sets them would throw.
 */
function forFrameworks(manifest) {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement) continue;
      const cls = `import('${typesEntry(mod.path)}').${d.name}`;
      const fields = new Set((d.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name));
      for (const a of d.attributes ?? []) {
        // Without a public field (`lang`, zw-rating's `name`), the attribute's documented type: a string.
        const field = a.fieldName && fields.has(a.fieldName);
        a.frameworkType = { text: field ? `${cls}['${a.fieldName}']` : (a.type?.text ?? 'string') };
      }
      d.members = (d.members ?? []).filter((m) => !(m.kind === 'field' && m.readonly));
      for (const m of d.members) if (m.kind === 'field') m.frameworkType = { text: `${cls}['${m.name}']` };
      for (const e of d.events ?? []) e.type = { text: `HTMLElementEventMap['${e.name}']['detail']` };
    }
  }
  return copy;
}

const camelize = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Vue's template type check (vue-tsc) looks a kebab-case attribute up as its camelCase prop (`api-base` → `apiBase`)
 * and `@zw-select` as the prop `onZwSelect`, as Vue's compiler does; at run time Vue sets `api-base` as an attribute
 * and listens to `zw-select`. So the Vue types name props and handlers that way. The events are listed under their
 * real names in the tag's description (the generator would list them under the handler's name).
 */
function forVue(manifest) {
  const copy = forFrameworks(manifest);
  for (const mod of copy.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement) continue;
      for (const a of d.attributes ?? []) a.name = camelize(a.name);
      const events = (d.events ?? []).map((e) => ` - **${e.name}** (\`@${e.name}\`) - ${e.description}`);
      d.vueDescription = [
        d.summary || d.description,
        ...(events.length ? ['', '### **Events:**', ...events] : []),
      ].join('\n');
      for (const e of d.events ?? []) e.name = camelize(e.name).replace(/^./, (c) => c.toUpperCase());
    }
  }
  return copy;
}

/** Runs an integration's link phase on a framework-shaped copy, so that the manifest itself stays as documented. */
function onCopy(plugin, shape) {
  return {
    name: `${plugin.name} (framework types)`,
    packageLinkPhase({ customElementsManifest, context }) {
      plugin.packageLinkPhase({ customElementsManifest: shape(customElementsManifest), context });
    },
  };
}

/** React 19 reads a custom element's props from `React.JSX.IntrinsicElements`: one augmentation of the module. */
function reactJsxAugmentation() {
  return {
    name: 'zw-react-jsx',
    packageLinkPhase() {
      const file = `${integrations}/react.d.ts`;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(
        file,
        `/**
 * React 19 types for the zhengwu-widgets elements: every tag with its attributes and properties, and its events as
 * \`on<event name>\` props (\`onzw-select\`, \`onzw-rating-sent\`, …), which React 19 adds as listeners for that event.
 *
 * Use: \`/// <reference types="zhengwu-widgets/react" />\` in a .d.ts file of the app (or
 * \`import type {} from 'zhengwu-widgets/react';\`).
 */
import type { CustomElements } from './jsx.js';

export type { CustomElements, ScopedElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`,
      );
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.gen.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    publicApiOnly(),
    onCopy(
      customElementJsxPlugin({ outdir: integrations, fileName: 'jsx.d.ts', typesSrc: 'frameworkType', hideLogs: true }),
      forFrameworks,
    ),
    reactJsxAugmentation(),
    onCopy(
      customElementVuejsPlugin({
        outdir: integrations,
        fileName: 'vue.d.ts',
        typesSrc: 'frameworkType',
        descriptionSrc: 'vueDescription',
        hideEventDocs: true,
        hideLogs: true,
      }),
      forVue,
    ),
    customElementVsCodePlugin({
      outdir: integrations,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir: integrations, webTypesFileName: 'web-types.json', hideLogs: true }),
  ],
};
