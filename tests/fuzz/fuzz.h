/* fuzz.h - helpers shared by the fuzz harnesses (one LLVMFuzzerTestOneInput
 * per reader of untrusted input). Each harness links either with libFuzzer
 * (QCC_FUZZ) or with replay.c, which runs it over files given on the command
 * line in the ordinary build. */
#ifndef QCC_FUZZ_H
#define QCC_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "ir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Once per process: sends qcc's diagnostics to /dev/null (sanitizer and
 * libFuzzer reports still reach the real stderr) and creates a private
 * directory. Returns that directory. */
const char *fuzz_init(void);

/* Writes data to `name` inside the private directory; returns the full path
 * (static storage) or NULL. */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

/* Reports a broken invariant on the real stderr and aborts. */
void fuzz_bug(const char *fmt, ...) __attribute__((format(printf, 1, 2),
	noreturn));

/* Checks that the canonical text of g is a fixed point: printing it, parsing
 * the text back (as file `path`) and printing again gives the same bytes.
 * Aborts through fuzz_bug otherwise. */
void fuzz_check_roundtrip(const Graph *g, const char *path);

#endif
