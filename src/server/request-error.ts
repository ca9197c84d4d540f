import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * A request the server refuses, with the status and a body a client can act on
 * (`{ "error": "invalid query", "detail": [{ "path": "limit", "message": "..." }] }`).
 * The app's single `onError` turns it into the response; nothing else builds error bodies.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError'
  constructor(
    readonly status: ContentfulStatusCode,
    readonly error: string,
    readonly detail?: unknown,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(`${status} ${error}`)
  }
}
