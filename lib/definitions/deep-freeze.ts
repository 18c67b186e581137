/**
 * Freezes an object and everything inside it. The built-in default definitions
 * are shared by every screen and request: a caller that edits one must copy it
 * first, and a frozen default makes the mistake throw instead of leaking.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
