import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Residents' personal data at rest (docs/decisions/055-personal-data.md): the phone number a resident leaves for a
 * 回访 is sealed with AES-256-GCM before it is stored, bound to its row (the rating id is the additional data, so a
 * sealed value copied into another row does not open), and opened only for the rating officer of its hall.
 *
 * Keys come from ZW_DATA_KEY: 32 bytes in base64 or hex, comma-separated while one is replaced (the first seals;
 * every one opens what it sealed, named by its id in the sealed value). Without it the published development key is
 * used, which protects nothing, and `npm run api` says so loudly.
 */
export const DEV_DATA_KEY = createHash('sha256').update('zhengwu-widgets development data key: published, protects nothing').digest('base64');

const PREFIX = 'zwpd1';

interface Key {
  id: string;
  bytes: Buffer;
}

function keyOf(text: string): Key {
  const raw = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('A data key (ZW_DATA_KEY) must be 32 bytes, in base64 (44 characters) or hex (64).');
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
}

/** ZW_DATA_KEY as keys (none when unset). */
export function parseDataKeys(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A key to put in ZW_DATA_KEY. */
export function newDataKey(): string {
  return randomBytes(32).toString('base64');
}

export class PersonalData {
  private readonly keys: Key[];
  /** A key derived for request hashes, so that a stored hash cannot be matched against guessed phone numbers. */
  private readonly hashKey: Buffer;

  constructor(keys: readonly string[] = []) {
    this.keys = (keys.length ? keys : [DEV_DATA_KEY]).map(keyOf);
    this.hashKey = createHmac('sha256', this.keys[0]!.bytes).update('zw-personal-data:request-hash').digest();
  }

  /** Whether a stored value is sealed (rows from before sealing hold the plain number). */
  static isSealed(stored: string): boolean {
    return stored.startsWith(`${PREFIX}.`);
  }

  /** `zwpd1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), bound to `context` (the row's id). */
  seal(plain: string, context: string): string {
    const key = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, key.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  /** The plain value; throws if the key is unknown, or the value was altered or belongs to another row. */
  open(sealed: string, context: string): string {
    if (!PersonalData.isSealed(sealed)) return sealed;
    const [, id, iv = '', tag = '', ct = ''] = sealed.split('.');
    const key = this.keys.find((k) => k.id === id);
    if (!key) throw new Error(`personal data sealed with key ${id}, which ZW_DATA_KEY does not hold`);
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** A keyed stand-in for a value inside a stored request hash (an idempotency check compares bodies by hash). */
  blind(plain: string): string {
    return createHmac('sha256', this.hashKey).update(plain).digest('base64url');
  }
}
