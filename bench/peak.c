/* peak.c - the int8 multiply-accumulate peak of one core of this machine,
 * the yardstick of bench.sh's "share of peak":
 *
 *   cc -O2 bench/peak.c -o peak && ./peak
 *
 * prints one line per instruction this CPU runs,
 *   peak vpdpbusd-zmm 223.1 GMAC/s
 * from a loop of independent multiply-adds on registers (twelve
 * accumulators, enough to cover the latency; six for vpmaddwd), the best of 40 timings of
 * 2.4 M instructions (the quietest moment of a shared machine): vpdpbusd on zmm (64 int8 MACs an instruction,
 * AVX-512 VNNI), on ymm (32, AVX-512 VNNI with VL), and vpmaddwd + vpaddd
 * on ymm (16 int16 MACs, AVX2). The chains are unrolled (#pragma GCC
 * unroll, which clang honours too): gcc -O2 would keep them in memory. Where the CPU lacks one the line says
 * so. x86-64 with gcc or clang only.
 */
#define _POSIX_C_SOURCE 200809L
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#define ITERS 200000L   /* loop trips, 12 multiply-adds each */

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Twelve accumulator chains; the sum keeps them live. Returns MACs. */
__attribute__((target("avx512f,avx512bw,avx512vnni"), noinline))
static double run_vnni512(int *sink)
{
	__m512i a[12], x = _mm512_set1_epi32(0x01020304),
		w = _mm512_set1_epi32(0x05060708);
	for (int i = 0; i < 12; i++)
		a[i] = _mm512_set1_epi32(i);
	for (long t = 0; t < ITERS; t++) {
		__asm__ volatile("" : "+v"(x));
#pragma GCC unroll 12
		for (int i = 0; i < 12; i++)
			a[i] = _mm512_dpbusd_epi32(a[i], x, w);
	}
	for (int i = 1; i < 12; i++)
		a[0] = _mm512_add_epi32(a[0], a[i]);
	*sink += _mm512_reduce_add_epi32(a[0]);
	return ITERS * 12.0 * 64;
}

__attribute__((target("avx512f,avx512vl,avx512vnni"), noinline))
static double run_vnni256(int *sink)
{
	__m256i a[12], x = _mm256_set1_epi32(0x01020304),
		w = _mm256_set1_epi32(0x05060708);
	for (int i = 0; i < 12; i++)
		a[i] = _mm256_set1_epi32(i);
	for (long t = 0; t < ITERS; t++) {
		__asm__ volatile("" : "+v"(x));
#pragma GCC unroll 12
		for (int i = 0; i < 12; i++)
			a[i] = _mm256_dpbusd_epi32(a[i], x, w);
	}
	for (int i = 1; i < 12; i++)
		a[0] = _mm256_add_epi32(a[0], a[i]);
	int v[8];
	_mm256_storeu_si256((__m256i *)v, a[0]);
	*sink += v[0];
	return ITERS * 12.0 * 32;
}

/* vpmaddwd's products do not depend on the accumulator (a compiler may
 * share one among chains), so each chain has its own opaque input. */
#define MADD(i) do { \
		__asm__ volatile("" : "+x"(x##i)); \
		a##i = _mm256_add_epi32(a##i, _mm256_madd_epi16(x##i, w)); \
	} while (0)
__attribute__((target("avx2"), noinline))
static double run_avx2(int *sink)
{
	__m256i w = _mm256_set1_epi32(0x00030004);
	__m256i a0 = w, a1 = w, a2 = w, a3 = w, a4 = w, a5 = w;
	__m256i x0 = _mm256_set1_epi32(1), x1 = _mm256_set1_epi32(2),
		x2 = _mm256_set1_epi32(3), x3 = _mm256_set1_epi32(4),
		x4 = _mm256_set1_epi32(5), x5 = _mm256_set1_epi32(6);
	for (long t = 0; t < ITERS * 2; t++) {
		MADD(0); MADD(1); MADD(2); MADD(3); MADD(4); MADD(5);
	}
	a0 = _mm256_add_epi32(_mm256_add_epi32(a0, a1), _mm256_add_epi32(a2, a3));
	a0 = _mm256_add_epi32(a0, _mm256_add_epi32(a4, a5));
	int v[8];
	_mm256_storeu_si256((__m256i *)v, a0);
	*sink += v[0];
	return ITERS * 2 * 6.0 * 16;
}

static void report(const char *name, double (*run)(int *), int *sink)
{
	double best = 0;
	for (int r = 0; r < 40; r++) {
		double t0 = now_s(), macs = run(sink), t = now_s() - t0;
		if (macs / t > best)
			best = macs / t;
	}
	printf("peak %s %.1f GMAC/s\n", name, best * 1e-9);
}

int main(void)
{
	int sink = 0;
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx512vnni") &&
		__builtin_cpu_supports("avx512bw")) {
		report("vpdpbusd-zmm", run_vnni512, &sink);
		if (__builtin_cpu_supports("avx512vl"))
			report("vpdpbusd-ymm", run_vnni256, &sink);
	} else {
		printf("peak vpdpbusd-zmm - (no AVX-512 VNNI)\n");
	}
	if (__builtin_cpu_supports("avx2"))
		report("vpmaddwd-ymm", run_avx2, &sink);
	else
		printf("peak vpmaddwd-ymm - (no AVX2)\n");
	return sink == 42;
}
