import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 hashes with argon2id by default; these are OWASP's recommended minimums.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** A real hash of a throwaway password, so an unknown e-mail costs the same time as a wrong password. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy-password-for-timing');
  try {
    return await verify(storedHash ?? (await decoy), password);
  } catch {
    return false;
  }
}
