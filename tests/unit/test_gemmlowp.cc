// test_gemmlowp.cc - qcc's `rounding double` against gemmlowp's own
// fixed-point routines (Debian's libgemmlowp-dev), the reference TFLite
// Micro and CMSIS-NN follow: for random and tie-hitting accumulators,
// multipliers and shifts, R(acc * mult, shift) of the simulator must equal
// RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(acc << left, mult),
// right), TFLite's MultiplyByQuantizedMultiplier for the multiplier
// mult / 2^shift.
#include <cstdint>
#include <cstdio>
#include <random>

#include <gemmlowp/fixedpoint/fixedpoint.h>

extern "C" {
#include "ir.h"
}

static int failures, checked;

// TFLite's MultiplyByQuantizedMultiplier with shift = 31 - qcc's shift.
static int32_t gemmlowp_requant(int32_t acc, int32_t mult, int shift)
{
	int left = shift < 31 ? 31 - shift : 0, right = shift > 31 ? shift - 31 : 0;
	int32_t x = static_cast<int32_t>(static_cast<int64_t>(acc) * (1LL << left));
	return gemmlowp::RoundingDivideByPOT(
		gemmlowp::SaturatingRoundingDoublingHighMul(x, mult), right);
}

static void check(int32_t acc, int32_t mult, int shift)
{
	int64_t want = gemmlowp_requant(acc, mult, shift);
	int64_t got = exec_round_shift(static_cast<int64_t>(acc) * mult, shift,
		ROUND_DOUBLE);
	checked++;
	if (got != want && failures++ < 10)
		std::printf("acc %d mult %d shift %d: qcc %lld, gemmlowp %lld\n", acc,
			mult, shift, static_cast<long long>(got),
			static_cast<long long>(want));
}

int main()
{
	std::mt19937_64 rng(20261207);
	std::uniform_int_distribution<int32_t> mults(1 << 30, INT32_MAX);
	for (int shift = 0; shift <= 62; shift++) {
		// acc << (31 - shift) must fit int32 for gemmlowp's int32 input
		int left = shift < 31 ? 31 - shift : 0;
		int32_t amax = static_cast<int32_t>(INT32_MAX >> left);
		std::uniform_int_distribution<int32_t> accs(-amax, amax);
		std::uniform_int_distribution<int32_t> small(-300, 300);
		for (int i = 0; i < 20000; i++) {
			int32_t mult = mults(rng);
			check(accs(rng), mult, shift);
			if (amax >= 300)
				check(small(rng), mult, shift);
			// power-of-two multipliers put the products on ties
			check(small(rng) & amax, 1 << 30, shift);
			check(-(small(rng) & amax), 1 << 30, shift);
		}
		check(amax, INT32_MAX, shift);
		check(-amax, INT32_MAX, shift);
		check(0, INT32_MAX, shift);
	}
	std::printf("%d of %d requantizations differ from gemmlowp\n", failures,
		checked);
	return failures != 0;
}
