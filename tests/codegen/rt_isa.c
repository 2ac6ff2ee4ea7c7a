/* rt_isa.c - which helpers the generic target's C runs on this machine:
 * built with a generated model's C (QCC_MODEL_C, included), prints 1
 * where its SSE2 helpers hand their work to the AVX2 twins (the run-time
 * cpuid and xgetbv check, emit_c.c) and 0 where they keep the SSE2 code. */
#include <stdio.h>

#include QCC_MODEL_C

int main(void)
{
#if defined(QCC_RT_AVX2)
	printf("%d\n", qcc_avx2() ? 1 : 0);
#else
	printf("0\n");
#endif
	return 0;
}
