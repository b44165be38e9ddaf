/**
 * An error and the errors it wraps through `cause`, outermost first. Payload and drizzle wrap the
 * database driver's error, whose code is what tells a lock or a write conflict apart.
 */
export function errorChain(error: unknown, maxDepth = 5): unknown[] {
  const chain: unknown[] = [];
  for (let cause = error; cause && chain.length < maxDepth; ) {
    chain.push(cause);
    cause = (cause as { cause?: unknown }).cause;
  }
  return chain;
}
