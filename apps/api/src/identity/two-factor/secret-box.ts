import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * TOTP secrets at rest: AES-256-GCM under a key derived (HKDF-SHA-256) from PARLEY_SECRET, so a copy
 * of the database alone gives no secret. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class SecretBox {
  private readonly key: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(platformSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', platformSecret, 'parley', 'two-factor secret v1', 32));
    this.recoveryKey = Buffer.from(hkdfSync('sha256', platformSecret, 'parley', 'two-factor recovery codes v1', 32));
  }

  seal(plain: string, personId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    // The person's id as associated data: a sealed secret copied onto another person's row does not open.
    cipher.setAAD(Buffer.from(personId));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string, personId: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1') throw new Error('unknown sealed secret version');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(personId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** A recovery code's stored form: keyed, so a copy of the database alone cannot be searched for codes. */
  recoveryCodeHash(normalisedCode: string): string {
    return createHmac('sha256', this.recoveryKey).update(normalisedCode).digest('hex');
  }
}
