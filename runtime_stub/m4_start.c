/* m4_start.c - start-up code for running generated models bare-metal on a
 * Cortex-M4 under QEMU (machine mps2-an386, runtime_stub/mps2_an386.ld),
 * with semihosting for the command line, files and the exit status:
 *
 *   arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -O2 --specs=nano.specs \
 *       --specs=rdimon.specs -nostartfiles -T runtime_stub/mps2_an386.ld \
 *       -I. -Iruntime_stub -DQCC_MODEL_HEADER='"model.h"' \
 *       model.c runtime_stub/qcc_npy_main.c runtime_stub/m4_start.c -o m.elf
 *   qemu-system-arm -M mps2-an386 -cpu cortex-m4 -nographic -monitor none \
 *       -serial none -semihosting-config enable=on,target=native,arg=m,arg=x.npy,arg=out.npy \
 *       -kernel m.elf
 *
 * The reset handler copies .data, zeroes .bss, turns on the FPU's access
 * (newlib's start-up code may use it), opens the semihosting streams
 * (librdimon), splits the semihosting command line into argv, calls main
 * and ends QEMU with main's status. A fault also ends it, with status 3.
 *
 * qcc_mark() is called by qcc_npy_main.c (built with -DQCC_MARK=qcc_mark)
 * before and after each inference, and twice back to back before main: the
 * instruction-counting QEMU plugin (../shared/tools/qemu-insncount) counts
 * at its address, so an inference costs the difference of its two marks
 * minus that of the first pair. The stack below the caller's is painted
 * before each inference and its deepest use measured after, reported at
 * exit as `stack N` (bytes) on stderr.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start__[], __bss_end__[], __stack_limit[];
extern void __stack_top(void);  /* a linker symbol: the initial SP */
extern void initialise_monitor_handles(void);
int main(int argc, char **argv);

/* A semihosting call (BKPT 0xAB): op in r0, argument block in r1. */
static int semihost(int op, void *arg)
{
	register int r0 __asm__("r0") = op;
	register void *r1 __asm__("r1") = arg;
	__asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
	return r0;
}

/* SYS_EXIT_EXTENDED (0x20): ends QEMU with status code. */
static void __attribute__((noreturn)) sh_exit(int code)
{
	uint32_t block[2] = {0x20026u, (uint32_t)code}; /* ADP_Stopped_ApplicationExit */
	semihost(0x20, block);
	for (;;)
		;
}

void _exit(int code)
{
	sh_exit(code);
}

static void fault(void)
{
	sh_exit(3);
}

#define PAINT 0x5aa5c33cu
static uint32_t *mark_sp;   /* the stack pointer (about) at the first mark */
static uint32_t stack_used; /* deepest use below it, bytes */
static int marks;

static void paint(uint32_t *below)
{
	for (uint32_t *p = __stack_limit; p < below; p++)
		*p = PAINT;
}

/* Odd calls end a measured region: the painted words overwritten since
 * give its stack depth, and the stack is painted again for the next one.
 * Even calls start one and do nothing else (the counted cost of a pair of
 * calls with nothing between is the one reset makes first). */
void __attribute__((noinline)) qcc_mark(void)
{
	uint32_t *sp;
	__asm__ volatile("mov %0, sp" : "=r"(sp));
	if (marks++ % 2 == 0) {
		mark_sp = sp;
	} else {
		uint32_t *p = __stack_limit;
		while (p < mark_sp && *p == PAINT)
			p++;
		uint32_t used = (uint32_t)((char *)mark_sp - (char *)p);
		if (marks > 2 && used > stack_used)
			stack_used = used;
		paint(sp);
	}
	__asm__ volatile("" ::: "memory");
}

static void report(void)
{
	if (marks > 2)
		fprintf(stderr, "stack %lu\n", (unsigned long)stack_used);
}

static char cmdline[1024];
static char *args[16];

void qcc_reset(void)
{
	memcpy(__data_start, __data_load,
		(size_t)((char *)__data_end - (char *)__data_start));
	memset(__bss_start__, 0,
		(size_t)((char *)__bss_end__ - (char *)__bss_start__));
	/* CPACR: full access to CP10 and CP11 */
	*(volatile uint32_t *)0xE000ED88 |= 0xFu << 20;
	__asm__ volatile("dsb\n\tisb");
	initialise_monitor_handles();
	uint32_t block[2] = {(uint32_t)cmdline, sizeof cmdline - 1};
	int argc = 0;
	if (semihost(0x15, block) == 0) {   /* SYS_GET_CMDLINE */
		for (char *p = cmdline; *p && argc < 15;) {
			while (*p == ' ')
				*p++ = 0;
			if (!*p)
				break;
			args[argc++] = p;
			while (*p && *p != ' ')
				p++;
		}
	}
	args[argc] = NULL;
	atexit(report);
	qcc_mark();
	qcc_mark();
	exit(main(argc, args));
}

__attribute__((section(".vectors"), used))
static void (*const vectors[16])(void) = {
	__stack_top, qcc_reset, fault, fault, fault, fault,
	fault, 0, 0, 0, 0, fault, fault, 0, fault, fault,
};
