/**
 * A gazetteer input (a data file, an npm package) that cannot be used. The message starts with
 * the input's name and says what is wrong, so the CLI can print it as one line.
 */
export class InputFileError extends Error {
  readonly input: string
  readonly reason: string

  constructor(input: string, reason: string, options?: { cause?: unknown }) {
    super(`${input}: ${reason}`, options)
    this.name = 'InputFileError'
    this.input = input
    this.reason = reason
  }
}
