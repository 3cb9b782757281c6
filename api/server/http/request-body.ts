import type { Context } from 'hono';
import { ProblemError } from '../problem.ts';

/** Bodies are small forms (a rating, a category id); anything bigger is refused before it is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

const tooLarge = (max: number) => ({ zh: `请求体不得超过 ${max} 字节。`, en: `The body must be at most ${max} bytes.` });

function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads the request body as JSON: 415 for another media type, 413 when the declared or the actual
 * size passes the limit (a lying or absent Content-Length is caught while reading), 400 when it does not parse.
 */
export async function readJsonBody(c: Context, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw new ProblemError('unsupported-media-type', { detail: { zh: '请求体须为 application/json。', en: 'Content-Type must be application/json.' } });
  }
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ProblemError('payload-too-large', { detail: tooLarge(maxBytes) });
  }
  const text = await readLimited(c.req.raw, maxBytes);
  if (text.trim() === '') throw new ProblemError('malformed-json', { detail: { zh: '请求体为空。', en: 'The request body is empty.' } });
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // The parser's message locates the error; cut it short so it never echoes much of the body back.
    const where = (err as Error).message.slice(0, 200);
    throw new ProblemError('malformed-json', { detail: { zh: `请求体不是有效的 JSON：${where}`, en: where } });
  }
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ProblemError('payload-too-large', { detail: tooLarge(maxBytes) });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProblemError('malformed-json', { detail: { zh: '请求体不是有效的 UTF-8 文本。', en: 'The request body is not valid UTF-8.' } });
  }
}
