import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
/** The HKDF info of two-factor's keys (decision 0050): kept as they were, so what they sealed still opens. */
const TWO_FACTOR_SECRETS = 'two-factor secret v1';
const TWO_FACTOR_RECOVERY_CODES = 'two-factor recovery codes v1';

/**
 * Secrets at rest (TOTP secrets, identity providers' client secrets): AES-256-GCM under a key derived
 * (HKDF-SHA-256) from PARLEY_SECRET for one purpose, so a copy of the database alone gives no secret.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url). A secret may be bound to its owner (associated
 * data, e.g. the person's id): copied onto another row, it does not open.
 */
export class SecretBox {
  private readonly key: Buffer;
  private readonly recoveryKey: Buffer;

  /** `purpose` names the key (`parley:<purpose>`); without one, two-factor's keys. */
  constructor(platformSecret: string, purpose?: string) {
    this.key = Buffer.from(hkdfSync('sha256', platformSecret, 'parley', purpose ? `parley:${purpose}` : TWO_FACTOR_SECRETS, 32));
    this.recoveryKey = Buffer.from(hkdfSync('sha256', platformSecret, 'parley', TWO_FACTOR_RECOVERY_CODES, 32));
  }

  seal(plain: string, boundTo?: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    if (boundTo !== undefined) cipher.setAAD(Buffer.from(boundTo));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string, boundTo?: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    if (boundTo !== undefined) decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** A recovery code's stored form: keyed, so a copy of the database alone cannot be searched for codes. */
  recoveryCodeHash(normalisedCode: string): string {
    return createHmac('sha256', this.recoveryKey).update(normalisedCode).digest('hex');
  }
}
