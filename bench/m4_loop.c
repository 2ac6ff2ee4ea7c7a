/* m4_loop.c - checks the instruction counting of bench/m4_count.sh: loops
 * of a known number of instructions between qcc_mark() calls (see
 * runtime_stub/m4_start.c). argv[1] = N: marks around a 2-instruction loop
 * run N times, then around a 3-instruction loop run N times, then the same
 * two with 2N. */
#include <stdlib.h>

void qcc_mark(void);

static void __attribute__((noinline)) loop2(unsigned n)
{
	__asm__ volatile("1: subs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc");
}

static void __attribute__((noinline)) loop3(unsigned n)
{
	__asm__ volatile("1: nop\n\tsubs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc");
}

int main(int argc, char **argv)
{
	unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 1000;
	void (*const loop[4])(unsigned) = {loop2, loop3, loop2, loop3};
	const unsigned m[4] = {n, n, 2 * n, 2 * n};
	for (int i = 0; i < 4; i++) {
		qcc_mark();
		loop[i](m[i]);
		qcc_mark();
	}
	return 0;
}
