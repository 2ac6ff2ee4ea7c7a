/* fgemm_tile.h - the dot-product kernel of exec/fgemm.c, included there
 * once per vector width VW (8, 4, 2 doubles: AVX-512, AVX2, SSE2; 1 in
 * plain C), defining tile_VW and dotmat_VW. Every width sums the same
 * terms in the same eight lanes, lane u in element u % VW of vector
 * u / VW, so every width gives the same bits. */
#define FT_CAT_(a, b) a##_##b
#define FT_CAT(a, b) FT_CAT_(a, b)
#define FT(name) FT_CAT(name, VW)
#define NV (8 / VW)

#if VW == 1
typedef double FT(vec);
#else
typedef double FT(vec) __attribute__((vector_size(VW * sizeof(double))));
#endif

/* The lane sums of a row r of a and row c of b over a chunk of kc terms,
 * kc a multiple of 8 (a with row stride lda, b ldb), added to
 * acc[(c * RB + r) * 8 + u] (started at 0 when first). R and C are
 * constants where it is inlined, so the sums stay in registers. The rows
 * end in zeros up to a multiple of 8: the terms past K are 0 * 0 = +0,
 * and adding +0 changes no lane (a lane starts at +0 and so never holds
 * -0), so a lane sums exactly the terms k = u mod 8 below K. */
INLINE void FT(tile)(int R, int C, const double *a, int64_t lda,
	const double *b, int64_t ldb, int64_t kc, double *acc, int first)
{
	FT(vec) s[RB][CB][NV], zero;
	memset(&zero, 0, sizeof zero);
	for (int r = 0; r < R; r++)
		for (int c = 0; c < C; c++)
			for (int v = 0; v < NV; v++)
				if (first)
					s[r][c][v] = zero;
				else
					memcpy(&s[r][c][v], acc + (c * RB + r) * 8 + v * VW,
						sizeof s[r][c][v]);
	for (int64_t k = 0; k < kc; k += 8)
		for (int v = 0; v < NV; v++) {
			FT(vec) av[RB], bv[CB];
			for (int r = 0; r < R; r++)
				memcpy(&av[r], a + r * lda + k + v * VW, sizeof av[r]);
			for (int c = 0; c < C; c++)
				memcpy(&bv[c], b + c * ldb + k + v * VW, sizeof bv[c]);
			for (int r = 0; r < R; r++)
				for (int c = 0; c < C; c++)
					s[r][c][v] += av[r] * bv[c];
		}
	for (int r = 0; r < R; r++)
		for (int c = 0; c < C; c++)
			for (int v = 0; v < NV; v++)
				memcpy(acc + (c * RB + r) * 8 + v * VW, &s[r][c][v],
					sizeof s[r][c][v]);
}

/* d[M,N] = the dot products of a's rows [M,K] (float) and b's rows [N,K]
 * (double, row stride fgemm_kpad(K), zeros past K), in blocks of rb rows
 * of a by cb rows of b (rb <= RB, cb <= CB), b in panels of panel rows.
 * Scratch: aw, RB * KC doubles (a block's rows widened, exact, for a
 * chunk of k), and acc, RB * 8 doubles per row of a panel. */
INLINE void FT(dotmat)(int rb, int cb, DOTMAT_ARGS)
{
	int64_t Kp = fgemm_kpad(K);
	for (int64_t j0 = 0; j0 < N; j0 += panel) {
		int64_t j1 = N - j0 < panel ? N : j0 + panel;
		for (int64_t i = 0; i < M;) {
			int R = M - i >= rb ? rb : 1;
			for (int64_t k0 = 0; k0 == 0 || k0 < K; k0 += KC) {
				int64_t kc = K - k0 < KC ? K - k0 : KC;
				int64_t kcp = fgemm_kpad(kc);
				for (int r = 0; r < R; r++) {
					for (int64_t k = 0; k < kc; k++)
						aw[r * kcp + k] = a[(i + r) * K + k0 + k];
					for (int64_t k = kc; k < kcp; k++)
						aw[r * kcp + k] = 0.0;
				}
				/* the rows' next chunk (or the next block's first) on
				 * its way from memory while this one is summed */
				int64_t nk = k0 + KC < K ? k0 + KC : 0;
				int64_t ni = nk ? i : i + R;
				for (int r = 0; r < R && ni + r < M; r++)
					for (int64_t k = nk; k < nk + KC && k < K; k += 16)
						PREFETCH(a + (ni + r) * K + k);
				for (int64_t j = j0; j < j1;) {
					int C = j1 - j >= cb ? cb : 1;
					const double *bj = b + j * Kp + k0;
					double *aj = acc + (j - j0) * RB * 8;
					int first = k0 == 0;
					if (R == rb && C == cb)
						FT(tile)(rb, cb, aw, kcp, bj, Kp, kcp, aj, first);
					else if (R == rb)
						FT(tile)(rb, 1, aw, kcp, bj, Kp, kcp, aj, first);
					else if (C == cb)
						FT(tile)(1, cb, aw, kcp, bj, Kp, kcp, aj, first);
					else
						FT(tile)(1, 1, aw, kcp, bj, Kp, kcp, aj, first);
					j += C;
				}
			}
			for (int64_t j = j0; j < j1; j++)
				for (int r = 0; r < R; r++)
					d[(i + r) * N + j] = TREE(acc + ((j - j0) * RB + r) * 8);
			i += R;
		}
	}
}

/* The same sums VW outputs at a time, for a short K: d[i][j] (row stride
 * N8, a multiple of 8) from a's row i and column j of bT (bT[k * N8 + j]),
 * lane u of each output in accumulator u, the terms k = u mod 8 in order
 * of k, then the tree; K a multiple of 8, a and bT padded with zeros. */
INLINE void FT(dotcols)(int64_t M, int64_t N8, int64_t K, const double *a,
	const double *bT, double *d)
{
	for (int64_t j = 0; j < N8; j += VW)
	for (int64_t i = 0; i < M; i++) {
		const double *ai = a + i * K;
		FT(vec) L[8], t;
		memset(L, 0, sizeof L);
		for (int64_t k = 0; k < K; k += 8)
			for (int u = 0; u < 8; u++) {
				memcpy(&t, bT + (k + u) * N8 + j, sizeof t);
				L[u] += ai[k + u] * t;
			}
		t = ((L[0] + L[1]) + (L[2] + L[3])) + ((L[4] + L[5]) + (L[6] + L[7]));
		memcpy(d + i * N8 + j, &t, sizeof t);
	}
}

#undef NV
#undef FT
#undef FT_CAT
#undef FT_CAT_
