/** The oversized-text limit of the contract (INTERFACE.md: 20,000 characters), shared by batch and the HTTP service. */
export const MAX_TEXT_LENGTH = 20_000;
