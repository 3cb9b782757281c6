/** What went wrong, in terms an element can turn into a message for a resident. */
export type ApiErrorKind =
  | 'offline' // the device has no network
  | 'network' // the request could not reach the server
  | 'timeout'
  | 'http' // the server answered with an error status (see `status` and `problem`)
  | 'invalid-payload' // the server answered 2xx with a body that breaks the API contract (see `field`)
  | 'aborted';

/** An RFC 9457 problem document as the API sends it (only the fields the client reads). */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { status?: number; problem?: ProblemBody; field?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get problem(): ProblemBody | undefined {
    return this.details.problem;
  }
  /** The JSON path of the first field that broke the contract, e.g. `windows[3].status`. */
  get field(): string | undefined {
    return this.details.field;
  }
  /** The stable slug of the problem type (`quota-exhausted`, `already-rated`…), if the server sent one. */
  get problemSlug(): string | undefined {
    return this.problem?.type?.split(':').pop();
  }
  /** Worth trying again later: the request never got a definitive answer (408, 425 and 429 ask for a retry). */
  get transient(): boolean {
    const s = this.status ?? 0;
    return (
      this.kind === 'offline' ||
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      s >= 500 ||
      [408, 425, 429].includes(s)
    );
  }
}
