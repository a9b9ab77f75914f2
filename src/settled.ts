/** `Promise.all` that waits for every promise before it fails: the first rejection (in the
 * list's order) is thrown only once the others have ended. A scan that fails on one
 * environment's file then returns with no read of another still writing into `.git/undrift`
 * (a test removing its repository met ENOTEMPTY; a caller retrying met a half-written cache). */
export async function allSettledOrFirstError<T extends readonly unknown[] | []>(promises: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const results = await Promise.allSettled(promises);
  const settled = results as unknown as PromiseSettledResult<unknown>[];
  for (const result of settled) if (result.status === 'rejected') throw result.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [P in keyof T]: Awaited<T[P]> };
}
