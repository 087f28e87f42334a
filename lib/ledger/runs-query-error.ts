/** A query parameter of GET …/runs that cannot be used; the BFF answers 400 with the message, before any upstream call. */
export class RunsQueryError extends Error {
  override name = "RunsQueryError";
  readonly code = "INVALID_QUERY";
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}
