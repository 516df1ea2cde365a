// Password hashing with argon2id (OWASP parameters: 19 MiB, 2 iterations).
import argon2 from "argon2";

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the username is unknown keeps response time from revealing which
// usernames exist.
let dummyHash: Promise<string> | null = null;
export function burnPasswordCheck(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("hallwatch-dummy-password-0");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
