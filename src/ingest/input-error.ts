/**
 * Bad input from outside: an expected error, reported as one line naming the input and the
 * reason (`triangulate: feeds/x.xml: not an RSS or Atom feed (root element is <html>)`).
 */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    /** The path, URL or `-` the problem is about. */
    readonly input: string,
    /** What is wrong, in words a user can act on. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${input}: ${reason}`, options)
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError
}
