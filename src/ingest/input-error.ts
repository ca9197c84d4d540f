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
    super(`${visible(input)}: ${visible(reason)}`, options)
  }
}

/**
 * A name or reason as one printable line: control characters (a line break in a file name, an
 * ESC from a hostile feed) are written as escapes, so one problem stays one line.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) =>
    char === '\n'
      ? '\\n'
      : char === '\t'
        ? ' '
        : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError
}
