/* qarith.h - the integer arithmetic every integer kernel shares
 * (docs/arith.md): R(p, n) rounding, the clamp, the 32-bit accumulator and
 * requantization. Inline, because the kernels call it per element. */
#ifndef QCC_QARITH_H
#define QCC_QARITH_H

#include <stdint.h>

#include "ir.h"

extern int exec_rounding;  /* the Rounding of R; exec_set_rounding */

/* p / 2^n rounded to nearest, ties away from zero; |p| < 2^62. */
static inline int64_t round_away(int64_t p, int64_t n)
{
	if (n == 0)
		return p;
	/* on the magnitude, without a branch on the sign */
	int64_t half = (int64_t)1 << (n - 1);
	int64_t mag = ((p < 0 ? -p : p) + half) >> n;
	return p < 0 ? -mag : mag;
}

/* p / 2^n rounded to nearest, ties to even; |p| < 2^62. */
static inline int64_t round_even(int64_t p, int64_t n)
{
	if (n == 0)
		return p;
	int64_t mag = p < 0 ? -p : p, half = (int64_t)1 << (n - 1);
	int64_t q = mag >> n, r = mag & ((half << 1) - 1);
	q += r > half || (r == half && (q & 1));
	return p < 0 ? -q : q;
}

/* floor(p / 2^n + 1/2): ties toward +infinity, as gemmlowp's
 * SaturatingRoundingDoublingHighMul rounds; n <= 31, |p| < 2^62. */
static inline int64_t round_half_up(int64_t p, int64_t n)
{
	if (n == 0)
		return p;
	int64_t h = p + ((int64_t)1 << (n - 1));
	return h >= 0 ? h >> n : -((-h + ((int64_t)1 << n) - 1) >> n);
}

/* R(p, n), |p| < 2^62, 0 <= n <= 62, in the graph's rounding
 * (docs/arith.md section 2). `double` is TFLite's
 * MultiplyByQuantizedMultiplier on p = acc * mult: the doubling high
 * multiply (p / 2^31, ties up), then RoundingDivideByPOT (ties away). */
static inline int64_t rshift_round(int64_t p, int64_t n)
{
	if (exec_rounding == ROUND_EVEN)
		return round_even(p, n);
	if (exec_rounding == ROUND_DOUBLE)
		return n <= 31 ? round_half_up(p, n) :
			round_away(round_half_up(p, 31), n - 31);
	return round_away(p, n);
}

static inline int32_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
	v = v < lo ? lo : v;
	return (int32_t)(v > hi ? hi : v);
}

/* An accumulator outside int32 is outside the contract (the compiler
 * proves it cannot happen); wrap it as 32-bit hardware would rather than
 * invoke undefined behaviour. */
static inline int64_t acc32(int64_t acc)
{
	return (int64_t)(int32_t)(uint32_t)acc;
}

/* floor(sqrt(n)), exact for every uint64_t n: Newton's iteration
 * x' = (x + n / x) / 2 from a start above the root decreases strictly
 * until it reaches the floor (docs/arith.md, "qlayernorm"). */
static inline uint64_t isqrt_u64(uint64_t n)
{
	if (n < 2)
		return n;
	int bits = 0;
	while (bits < 64 && (n >> bits) != 0)
		bits++;
	/* 2^ceil(bits / 2) >= sqrt(n); below 2^32, so x + n / x cannot wrap */
	uint64_t x = (uint64_t)1 << ((bits + 1) / 2 < 32 ? (bits + 1) / 2 : 32);
	if (x == (uint64_t)1 << 32)
		x--;
	for (;;) {
		uint64_t y = (x + n / x) >> 1;
		if (y >= x)
			return x;
		x = y;
	}
}

static inline int32_t zp_of(const Value *v)
{
	return v->type.q.present ? v->type.q.zp[0] : 0;
}

/* y = clamp(zy + R(acc * mult, shift), lo, hi) */
static inline int32_t requant(int64_t acc, int64_t mult, int64_t shift, int32_t zy,
	int64_t lo, int64_t hi)
{
	return clamp64(zy + rshift_round(acc32(acc) * mult, shift), lo, hi);
}

/* mult/shift of channel c of an integer layer: one entry for all, or one
 * per channel. */
static inline void channel_requant(const Node *n, int64_t c, int64_t *mult,
	int64_t *shift)
{
	int len;
	const int64_t *m = attr_ints(n, "mult", &len);
	const int64_t *s = attr_ints(n, "shift", NULL);
	*mult = m[len == 1 ? 0 : c];
	*shift = s[len == 1 ? 0 : c];
}

#endif
