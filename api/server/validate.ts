import type { Context } from 'hono';
import type { ApiSpec, ErrorObject, HttpMethod, SpecOperation } from './spec.ts';
import { ProblemError, preferredLang, validationProblem, type FieldError, type Lang } from './problem.ts';
import { readJsonBody } from './http/request-body.ts';

/**
 * Request validation for one documented operation. Body errors point into the body (`/level`); query errors
 * point at `/` + the parameter name (`/pageSize`), as the spec's ProblemFieldError prescribes.
 */
export class OperationValidator {
  readonly op: SpecOperation;
  private readonly spec: ApiSpec;

  constructor(spec: ApiSpec, path: string, method: HttpMethod) {
    this.spec = spec;
    this.op = spec.operation(path, method);
  }

  /** Validated query parameters, coerced to the declared types; empty values count as absent. */
  query<T>(c: Context): T {
    const raw: Record<string, unknown> = {};
    for (const [name, values] of Object.entries(c.req.queries())) {
      const present = values.filter((v) => v !== '');
      const param = this.op.parameters.find((p) => p.in === 'query' && p.name === name);
      if (!param || present.length === 0) continue;
      raw[name] = param.schema.type === 'array' ? present : present[present.length - 1];
    }
    const validate = this.spec.parameterValidator(this.op, 'query');
    if (!validate(raw)) throw validationProblem(fieldErrors(validate.errors, lang(c)));
    return raw as T;
  }

  /** Reads and validates the JSON body against the operation's request schema. */
  async body<T>(c: Context): Promise<T> {
    if (!this.op.bodyPointer) throw new Error(`${this.op.pointer} documents no JSON body`);
    const body = await readJsonBody(c);
    const validate = this.spec.validator(this.op.bodyPointer);
    if (!validate(body)) throw validationProblem(fieldErrors(validate.errors, lang(c)));
    return body as T;
  }

  /** A body the operation does not require: none at all counts as `{}`; one that is sent is read and checked. */
  async optionalBody<T>(c: Context): Promise<T> {
    const empty = c.req.header('content-type') === undefined && !Number(c.req.header('content-length')) && c.req.header('transfer-encoding') === undefined;
    if (!empty) return this.body<T>(c);
    const validate = this.spec.validator(this.op.bodyPointer!);
    if (!validate({})) throw validationProblem(fieldErrors(validate.errors, lang(c)));
    return {} as T;
  }

  /** The Idempotency-Key header, checked against its documented schema; missing or malformed is a 400. */
  idempotencyKey(c: Context): string {
    const param = this.op.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
    if (!param) throw new Error(`${this.op.pointer} documents no Idempotency-Key`);
    const key = c.req.header('idempotency-key');
    if (key === undefined || !this.spec.validator(param.schemaPointer)(key)) {
      throw new ProblemError('idempotency-key-missing', {
        detail: {
          zh: '此请求须携带 8 至 128 位（字母、数字、_ 或 -）的 Idempotency-Key 请求头。',
          en: 'This request needs an Idempotency-Key header of 8 to 128 characters [A-Za-z0-9_-].',
        },
      });
    }
    return key;
  }
}

function lang(c: Context): Lang {
  return preferredLang(c.req.header('accept-language'));
}

/** Ajv errors as problem `errors[]`, one per field and rule, pointing at the field itself. */
export function fieldErrors(errors: ErrorObject[] | null | undefined, language: Lang): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let pointer = e.instancePath;
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required') pointer += `/${String(params.missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${String(params.additionalProperty)}`;
    if (e.keyword === 'dependentRequired') pointer += `/${String(params.missingProperty)}`;
    // anyOf/oneOf/if wrappers repeat what their branches already said.
    if (['anyOf', 'oneOf', 'if', 'not', '$ref'].includes(e.keyword) && out.some((o) => o.pointer === pointer)) continue;
    const key = `${pointer}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, code: e.keyword, message: describe(e, language) });
  }
  return out;
}

function describe(e: ErrorObject, language: Lang): string {
  const p = e.params as Record<string, unknown>;
  const zh: Record<string, string> = {
    required: '必填项',
    type: `类型应为 ${String(p.type)}`,
    enum: `取值应为以下之一：${((p.allowedValues as unknown[]) ?? []).join('、')}`,
    const: `取值应为 ${JSON.stringify(p.allowedValue)}`,
    minimum: `不能小于 ${String(p.limit)}`,
    maximum: `不能大于 ${String(p.limit)}`,
    exclusiveMinimum: `应大于 ${String(p.limit)}`,
    exclusiveMaximum: `应小于 ${String(p.limit)}`,
    minLength: `至少 ${String(p.limit)} 个字符`,
    maxLength: `最多 ${String(p.limit)} 个字符`,
    minItems: `至少 ${String(p.limit)} 项`,
    maxItems: `最多 ${String(p.limit)} 项`,
    uniqueItems: '不能包含重复项',
    pattern: '格式不正确',
    format: `应为 ${String(p.format)} 格式`,
    additionalProperties: '不支持的字段',
  };
  if (language === 'zh' && zh[e.keyword]) return zh[e.keyword]!;
  if (e.keyword === 'additionalProperties') return 'is not an allowed field';
  if (e.keyword === 'required') return 'is required';
  return e.message ?? e.keyword;
}
