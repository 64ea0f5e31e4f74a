/** 0: nothing at or above --fail-on; 1: such findings; 2: usage, configuration or I/O error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
