/* mark.c - qcc_mark() for counting instructions of a hosted build (e.g.
 * aarch64 under qemu-user, bench/m4_count.sh): an empty function the
 * harness calls around each inference (-DQCC_MARK=qcc_mark), called twice
 * back to back before main for the cost of an empty pair, as
 * runtime_stub/m4_start.c does bare-metal. */
void qcc_mark(void);

void __attribute__((noinline)) qcc_mark(void)
{
	__asm__ volatile("" ::: "memory");
}

static void __attribute__((constructor)) empty_pair(void)
{
	qcc_mark();
	qcc_mark();
}
