// Expected failures of domain functions. Actions and routes turn them into messages in the
// user's language (the `code` is a catalog key under `errors.`); anything else is unexpected,
// logged with a reference id and shown generically.

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = new.target.name;
  }
}

/** The record does not exist *or is outside the actor's jurisdiction*: both look the same. */
export class NotFoundError extends DomainError {
  constructor() {
    super("notFound");
  }
}

/** The role may not do this at all. */
export class ForbiddenError extends DomainError {
  constructor() {
    super("forbidden");
  }
}

/** Someone else changed the record since the user loaded it (stale version). */
export class ConflictError extends DomainError {
  constructor(code = "conflict") {
    super(code);
  }
}

/** The state machine does not allow this transition from the record's current state. */
export class InvalidTransitionError extends DomainError {
  constructor(code = "invalidTransition") {
    super(code);
  }
}

/** Input that passed the schema but breaks a business rule, tied to a field when there is one. */
export class ValidationError extends DomainError {
  constructor(
    code: string,
    readonly field?: string,
  ) {
    super(code);
  }
}
