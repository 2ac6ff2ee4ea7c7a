/* npycheck - compares .npy files for tests.
 *
 *   npycheck close A.npy B.npy [--rtol R] [--atol A]
 *       exit 0 iff same shape and |a-b| <= atol + rtol*|b| everywhere
 *       (B is the reference); otherwise prints the worst element
 *   npycheck equal A.npy B.npy
 *       exact equality of shape and values
 *   npycheck accuracy LOGITS.npy LABELS.npy --min P [--max P]
 *       top-1 accuracy in percent of logits [N, C...] against labels [N]
 *   npycheck agree A.npy B.npy --min P
 *       top-1 agreement in percent of two logit files
 *
 * Exit status: 0 pass, 1 fail, 2 usage or read error.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static void usage(void)
{
	fprintf(stderr,
		"usage: npycheck close A.npy B.npy [--rtol R] [--atol A]\n"
		"       npycheck equal A.npy B.npy\n"
		"       npycheck accuracy LOGITS.npy LABELS.npy --min P [--max P]\n"
		"       npycheck agree A.npy B.npy --min P\n");
}

static double at(const Npy *a, int64_t k)
{
	return a->is_float ? (double)a->f[k] : (double)a->i[k];
}

static void shape_str(const Npy *a, char *buf, size_t size)
{
	size_t k = snprintf(buf, size, "[");
	for (int i = 0; i < a->rank && k < size; i++)
		k += snprintf(buf + k, size - k, i ? ",%lld" : "%lld",
			(long long)a->dims[i]);
	if (k < size)
		snprintf(buf + k, size - k, "]");
}

/* Writes the multi-index of flat index k, e.g. "[0,2,1]". */
static void index_str(const Npy *a, int64_t k, char *buf, size_t size)
{
	int64_t idx[QCC_MAX_RANK];
	for (int i = a->rank - 1; i >= 0; i--) {
		idx[i] = a->dims[i] ? k % a->dims[i] : 0;
		k = a->dims[i] ? k / a->dims[i] : 0;
	}
	size_t n = snprintf(buf, size, "[");
	for (int i = 0; i < a->rank && n < size; i++)
		n += snprintf(buf + n, size - n, i ? ",%lld" : "%lld",
			(long long)idx[i]);
	if (n < size)
		snprintf(buf + n, size - n, "]");
}

static int same_shape(const Npy *a, const Npy *b, const char *pa,
	const char *pb)
{
	int same = a->rank == b->rank;
	for (int i = 0; same && i < a->rank; i++)
		same = a->dims[i] == b->dims[i];
	if (!same) {
		char sa[160], sb[160];
		shape_str(a, sa, sizeof sa);
		shape_str(b, sb, sizeof sb);
		printf("shape mismatch: %s is %s, %s is %s\n", pa, sa, pb, sb);
	}
	return same;
}

static int cmd_close(const Npy *a, const Npy *b, const char *pa,
	const char *pb, double rtol, double atol)
{
	if (!same_shape(a, b, pa, pb))
		return 1;
	int64_t nbad = 0, worst = -1;
	double worst_excess = 0, max_abs = 0;
	for (int64_t k = 0; k < a->numel; k++) {
		double x = at(a, k), y = at(b, k);
		if ((isnan(x) && isnan(y)) || x == y)
			continue;
		double d = fabs(x - y);
		double allowed = atol + rtol * fabs(y);
		if (!isnan(d) && d > max_abs)
			max_abs = d;
		double excess = isnan(d) ? INFINITY : d - allowed;
		if (isnan(d) || d > allowed) {
			nbad++;
			if (worst < 0 || excess > worst_excess) {
				worst = k;
				worst_excess = excess;
			}
		}
	}
	if (nbad == 0) {
		printf("close: %lld elements, max |a-b| = %.9g\n",
			(long long)a->numel, max_abs);
		return 0;
	}
	char idx[200];
	index_str(a, worst, idx, sizeof idx);
	double x = at(a, worst), y = at(b, worst);
	printf("mismatch: %lld of %lld elements exceed atol=%g rtol=%g; "
		"worst at %s: got %.9g, expected %.9g (|diff| = %.9g, allowed %.9g)\n",
		(long long)nbad, (long long)a->numel, atol, rtol, idx, x, y,
		fabs(x - y), atol + rtol * fabs(y));
	return 1;
}

static int cmd_equal(const Npy *a, const Npy *b, const char *pa,
	const char *pb)
{
	if (!same_shape(a, b, pa, pb))
		return 1;
	int64_t nbad = 0, first = -1;
	for (int64_t k = 0; k < a->numel; k++) {
		int eq;
		if (!a->is_float && !b->is_float)
			eq = a->i[k] == b->i[k];
		else
			eq = at(a, k) == at(b, k) ||
				(isnan(at(a, k)) && isnan(at(b, k)));
		if (!eq && nbad++ == 0)
			first = k;
	}
	if (nbad == 0) {
		printf("equal: %lld elements\n", (long long)a->numel);
		return 0;
	}
	char idx[200];
	index_str(a, first, idx, sizeof idx);
	printf("mismatch: %lld of %lld elements differ; first at %s: "
		"got %.9g, expected %.9g\n", (long long)nbad,
		(long long)a->numel, idx, at(a, first), at(b, first));
	return 1;
}

/* Index of the largest of the n entries from `base` (first one on ties). */
static int64_t argmax(const Npy *a, int64_t base, int64_t n)
{
	int64_t best = 0;
	for (int64_t c = 1; c < n; c++)
		if (at(a, base + c) > at(a, base + best))
			best = c;
	return best;
}

/* Rows and classes of a logits file: [N, C...] is N rows of numel/N. */
static int logit_rows(const Npy *a, const char *path, int64_t *rows,
	int64_t *classes)
{
	if (a->rank < 1 || a->dims[0] == 0) {
		fprintf(stderr, "npycheck: %s: expected logits [N, C], got an "
			"empty or rank-0 array\n", path);
		return -1;
	}
	*rows = a->dims[0];
	*classes = a->numel / a->dims[0];
	return 0;
}

static int check_range(const char *what, double pct, int64_t hit,
	int64_t total, double min, double max)
{
	printf("%s: %.2f%% (%lld/%lld)\n", what, pct, (long long)hit,
		(long long)total);
	if (pct < min) {
		printf("%s below the minimum %.2f%%\n", what, min);
		return 1;
	}
	if (pct > max) {
		printf("%s above the maximum %.2f%%\n", what, max);
		return 1;
	}
	return 0;
}

static int cmd_accuracy(const Npy *logits, const Npy *labels,
	const char *pl, const char *pb, double min, double max)
{
	int64_t rows, classes;
	if (logit_rows(logits, pl, &rows, &classes) < 0)
		return 2;
	if (labels->numel != rows) {
		fprintf(stderr, "npycheck: %s has %lld rows but %s has %lld "
			"labels\n", pl, (long long)rows, pb,
			(long long)labels->numel);
		return 2;
	}
	int64_t hit = 0;
	for (int64_t r = 0; r < rows; r++)
		if ((double)argmax(logits, r * classes, classes) == at(labels, r))
			hit++;
	return check_range("accuracy", 100.0 * hit / rows, hit, rows, min, max);
}

static int cmd_agree(const Npy *a, const Npy *b, const char *pa,
	const char *pb, double min)
{
	if (!same_shape(a, b, pa, pb))
		return 1;
	int64_t rows, classes;
	if (logit_rows(a, pa, &rows, &classes) < 0)
		return 2;
	int64_t hit = 0;
	for (int64_t r = 0; r < rows; r++)
		if (argmax(a, r * classes, classes) ==
				argmax(b, r * classes, classes))
			hit++;
	return check_range("agreement", 100.0 * hit / rows, hit, rows, min,
		INFINITY);
}

static int parse_num(const char *opt, const char *s, double *out)
{
	char *end;
	*out = strtod(s, &end);
	if (end == s || *end) {
		fprintf(stderr, "npycheck: %s expects a number, got '%s'\n",
			opt, s);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		usage();
		return 2;
	}
	const char *cmd = argv[1], *pa = argv[2], *pb = argv[3];
	double rtol = 1e-5, atol = 1e-8, min = -INFINITY, max = INFINITY;
	int have_min = 0;
	for (int i = 4; i < argc; i += 2) {
		double *dst = NULL;
		if (strcmp(argv[i], "--rtol") == 0)
			dst = &rtol;
		else if (strcmp(argv[i], "--atol") == 0)
			dst = &atol;
		else if (strcmp(argv[i], "--min") == 0)
			dst = &min, have_min = 1;
		else if (strcmp(argv[i], "--max") == 0)
			dst = &max;
		if (!dst || i + 1 >= argc) {
			fprintf(stderr, "npycheck: unexpected argument '%s'\n",
				argv[i]);
			usage();
			return 2;
		}
		if (parse_num(argv[i], argv[i + 1], dst) < 0)
			return 2;
	}
	int known = !strcmp(cmd, "close") || !strcmp(cmd, "equal") ||
		!strcmp(cmd, "accuracy") || !strcmp(cmd, "agree");
	if (!known) {
		fprintf(stderr, "npycheck: unknown command '%s'\n", cmd);
		usage();
		return 2;
	}
	if ((!strcmp(cmd, "accuracy") || !strcmp(cmd, "agree")) && !have_min) {
		fprintf(stderr, "npycheck: %s needs --min P\n", cmd);
		return 2;
	}

	Npy a, b;
	if (npy_read(pa, &a) < 0)
		return 2;
	if (npy_read(pb, &b) < 0) {
		npy_free(&a);
		return 2;
	}
	int rc;
	if (!strcmp(cmd, "close"))
		rc = cmd_close(&a, &b, pa, pb, rtol, atol);
	else if (!strcmp(cmd, "equal"))
		rc = cmd_equal(&a, &b, pa, pb);
	else if (!strcmp(cmd, "accuracy"))
		rc = cmd_accuracy(&a, &b, pa, pb, min, max);
	else
		rc = cmd_agree(&a, &b, pa, pb, min);
	npy_free(&a);
	npy_free(&b);
	return rc;
}
