/**
 * A frame under a strict Content-Security-Policy (no inline scripts or styles, no eval, nothing from other origins)
 * that loads `modules` (paths from the project root) after a watcher recording every policy violation in it.
 */
export const STRICT_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'";

const src = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;

export function strictCspFrame(modules: string[], body: string, [width, height]: [number, number]): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.srcdoc = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${STRICT_POLICY}">
    <script type="module" src="${src('test/support/csp-watch.ts')}"></script>
    ${modules.map((m) => `<script type="module" src="${src(m)}"></script>`).join('')}</head>
    <body>${body}</body></html>`;
  document.body.append(frame);
  return frame;
}

/** The policy violations the frame's watcher has recorded so far. */
export const violations = (frame: HTMLIFrameElement): string[] =>
  (frame.contentWindow as unknown as { zwViolations: string[] }).zwViolations;
