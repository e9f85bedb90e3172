/** Process environment as a plain value, so runner glue can be tested without touching process.env. */
export type Env = Readonly<Record<string, string | undefined>>;
