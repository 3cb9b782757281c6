/** The library's version, compared when a tag is already taken (two copies of the library on one page). */
export const VERSION = '0.1.0';

const versionKey = Symbol.for('zhengwu-widgets.version');

type Tagged = CustomElementConstructor & { [versionKey]?: string };

/**
 * Registers `ctor` as `tag` unless the tag is taken. A portal may load the library twice (a CMS fragment and a
 * page template each with its own script tag); the first definition wins and a second copy of another version
 * warns instead of throwing `NotSupportedError`.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // server-side rendering or a worker
  const existing = customElements.get(tag) as Tagged | undefined;
  if (existing) {
    if (existing !== ctor && existing[versionKey] !== VERSION) {
      console.warn(
        `zhengwu-widgets: <${tag}> is already defined by version ${existing[versionKey] ?? 'unknown'}; ` +
          `version ${VERSION} will use that definition.`,
      );
    }
    return;
  }
  (ctor as Tagged)[versionKey] = VERSION;
  customElements.define(tag, ctor);
}
