// Department.liaisonEmails is a JSON array kept by administrators; the bulletin goes to each distinct
// well-formed address in it once (case does not make a second address).
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function liaisonAddresses(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const seen = new Set<string>();
  for (const value of stored) {
    if (typeof value !== "string") continue;
    const address = value.trim().toLowerCase();
    if (ADDRESS.test(address)) seen.add(address);
  }
  return [...seen];
}

/** li***@example.gov.cn: enough to tell deliveries apart in a log line */
export const maskAddress = (address: string): string => {
  const at = address.indexOf("@");
  return at <= 0 ? "***" : `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
};
