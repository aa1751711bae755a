/** The program's exit codes: 0 done, 1 failure, 2 invalid configuration or usage, 3 bad token. */
export const EXIT_OK = 0;
/** Something failed (one log line says what). */
export const EXIT_FAILURE = 1;
/** Invalid configuration or usage (every problem is listed at once). */
export const EXIT_USAGE = 2;
/** Discord refused the token. */
export const EXIT_BAD_TOKEN = 3;
