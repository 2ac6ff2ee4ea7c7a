/* outfile.c - output files that never cost the user what they had.
 *
 * atomic_open/atomic_commit write a regular file through a temporary beside
 * it, renamed onto it on success; a symbolic link is followed (the link
 * stays, its target is replaced), and a target that exists and is not a
 * regular file (a device node, a FIFO) is opened and written in place,
 * never replaced. Every temporary is registered so that SIGINT, SIGTERM and
 * SIGHUP remove it before the process dies. With outfile_defer(1) the
 * renames wait for outfile_publish, which does them all under one lock
 * (an fcntl lock on an empty `.NAME.lock` file beside the first output,
 * removed by its holder), so that two processes writing the same pair
 * never leave one's .c beside the other's .h. outfile_check refuses an output that is
 * the same file as an input or as another output.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir.h"

#define MAX_OUTPUTS 64
#define MAX_LINKS 40

typedef struct {
	FILE *f;
	char *tmp;       /* the temporary; NULL when written in place */
	char *target;    /* what the temporary is renamed onto */
	int pending;     /* closed, waiting for outfile_publish */
} OutFile;

static OutFile outs[MAX_OUTPUTS];
/* The temporaries on disk, for the signal handler: a pointer is set only
 * once its string is complete and cleared before the string is freed. */
static char *volatile live_tmp[MAX_OUTPUTS];
static int deferred, handlers_set;
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};

/* ------------------------------------------------------------- signals */

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_OUTPUTS; i++)
		if (live_tmp[i])
			unlink(live_tmp[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Installs on_signal for each caught signal that is not ignored (a
 * background job started by sh keeps SIGINT ignored). */
static void set_handlers(void)
{
	if (handlers_set)
		return;
	handlers_set = 1;
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
		struct sigaction sa, old;
		if (sigaction(caught[i], NULL, &old) != 0 ||
		    old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(caught[i], &sa, NULL);
	}
}

/* Blocks (how = SIG_BLOCK) or unblocks the caught signals. */
static void hold_signals(int how)
{
	sigset_t s;
	sigemptyset(&s);
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaddset(&s, caught[i]);
	sigprocmask(how, &s, NULL);
}

/* --------------------------------------------------------------- paths */

static char *join(const char *dir, size_t ndir, const char *name)
{
	size_t n = ndir + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%.*s/%s", (int)ndir, dir, name);
	return p;
}

char *link_target(const char *path)
{
	char *cur = strdup(path);
	for (int hop = 0; cur && hop < MAX_LINKS; hop++) {
		struct stat st;
		char buf[PATH_MAX];
		ssize_t n;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode) ||
		    (n = readlink(cur, buf, sizeof buf - 1)) < 0)
			return cur;
		buf[n] = 0;
		const char *slash = strrchr(cur, '/');
		char *next = buf[0] == '/' || !slash ? strdup(buf) :
			join(cur, (size_t)(slash - cur), buf);
		free(cur);
		cur = next;
	}
	if (cur)
		errno = ELOOP;
	free(cur);
	return NULL;
}

/* A name for the file at path that does not exist yet: its directory
 * resolved, plus its base name (malloc'd; NULL if unknown). */
static char *resolved_name(const char *path)
{
	char *t = link_target(path), *r = NULL;
	if (!t)
		return NULL;
	char *slash = strrchr(t, '/');
	char dir[PATH_MAX];
	const char *d = slash ? (slash == t ? "/" : t) : ".";
	if (slash && slash != t)
		*slash = 0;
	if (realpath(d, dir))
		r = join(dir, strlen(dir), slash ? slash + 1 : t);
	free(t);
	return r;
}

typedef struct {
	int exists, special;
	dev_t dev;
	ino_t ino;
	char *name;      /* files that do not exist: resolved_name */
} FileKey;

static void file_key(const char *path, FileKey *k)
{
	struct stat st;
	memset(k, 0, sizeof *k);
	if (stat(path, &st) == 0) {
		k->exists = 1;
		k->special = !S_ISREG(st.st_mode);
		k->dev = st.st_dev;
		k->ino = st.st_ino;
	} else {
		k->name = resolved_name(path);
	}
}

static int same_file(const FileKey *a, const FileKey *b)
{
	if (a->exists || b->exists)
		return a->exists && b->exists && a->dev == b->dev &&
			a->ino == b->ino;
	return a->name && b->name && strcmp(a->name, b->name) == 0;
}

int input_check(const char *path)
{
	struct stat st;
	if (path && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_fail("cannot read '%s': not a regular file", path);
		return -1;
	}
	return 0;
}

/* Output i against the inputs and the outputs before it; 0 or -1. */
static int check_output(const NamedPath *in, FileKey *kin, int nin,
	const NamedPath *out, FileKey *kout, int i)
{
	if (kout[i].special)   /* a device or FIFO is written, never replaced */
		return 0;
	for (int j = 0; j < nin; j++) {
		if (same_file(&kout[i], &kin[j])) {
			diag_fail("output '%s' is %s '%s'", out[i].path, in[j].what,
				in[j].path);
			return -1;
		}
	}
	for (int j = 0; j < i; j++) {
		if (same_file(&kout[i], &kout[j])) {
			diag_fail("output '%s' is the same file as output '%s'",
				out[i].path, out[j].path);
			return -1;
		}
	}
	return 0;
}

int outfile_check(const NamedPath *in, int nin, const NamedPath *out,
	int nout)
{
	FileKey *kin = calloc(nin + 1, sizeof *kin);
	FileKey *kout = calloc(nout + 1, sizeof *kout);
	int r = kin && kout ? 0 : -1;
	if (r)
		diag_fail("out of memory");
	for (int i = 0; r == 0 && i < nin; i++)
		file_key(in[i].path, &kin[i]);
	for (int i = 0; r == 0 && i < nout; i++)
		file_key(out[i].path, &kout[i]);
	for (int i = 0; r == 0 && i < nout; i++)
		r = check_output(in, kin, nin, out, kout, i);
	for (int i = 0; kin && i < nin; i++)
		free(kin[i].name);
	for (int i = 0; kout && i < nout; i++)
		free(kout[i].name);
	free(kin);
	free(kout);
	return r;
}

/* ---------------------------------------------------------- open/commit */

static void release(OutFile *o)
{
	int i = (int)(o - outs);
	char *tmp = o->tmp;
	live_tmp[i] = NULL;
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(o->target);
	memset(o, 0, sizeof *o);
}

/* A device node or FIFO: opened for writing, never replaced. */
static FILE *open_in_place(const char *path, const char *target,
	const struct stat *st)
{
	if (S_ISDIR(st->st_mode)) {
		diag_fail("cannot write '%s': %s", path, strerror(EISDIR));
		return NULL;
	}
	int fd = open(target, O_WRONLY | O_NOCTTY);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		diag_fail("cannot write '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	return f;
}

static FILE *open_temporary(const char *path, OutFile *o)
{
	size_t n = strlen(o->target) + 16;
	char *tmp = malloc(n);
	if (!tmp) {
		diag_fail("out of memory");
		return NULL;
	}
	snprintf(tmp, n, "%s.tmp.XXXXXX", o->target);
	hold_signals(SIG_BLOCK);
	int fd = mkstemp(tmp);
	if (fd >= 0) {
		o->tmp = tmp;
		live_tmp[o - outs] = tmp;
	}
	hold_signals(SIG_UNBLOCK);
	if (fd < 0) {
		diag_fail("cannot create '%s': %s", path, strerror(errno));
		free(tmp);
		return NULL;
	}
	/* mkstemp makes the file private; give it the usual mode instead. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	FILE *f = fdopen(fd, "wb");
	if (!f) {
		diag_fail("cannot create '%s': %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

FILE *atomic_open(const char *path, char **tmp)
{
	OutFile *o = NULL;
	struct stat st;
	*tmp = NULL;
	for (int i = 0; i < MAX_OUTPUTS && !o; i++)
		if (!outs[i].f && !outs[i].target)
			o = &outs[i];
	if (!o) {
		diag_fail("cannot write '%s': too many output files", path);
		return NULL;
	}
	set_handlers();
	/* stat follows links the kernel's way (/dev/stdout, /proc/self/fd/1) */
	int in_place = stat(path, &st) == 0 && !S_ISREG(st.st_mode);
	o->target = in_place ? strdup(path) : link_target(path);
	if (!o->target) {
		diag_fail("cannot write '%s': %s", path, strerror(errno));
		return NULL;
	}
	if (in_place)
		o->f = open_in_place(path, o->target, &st);
	else
		o->f = open_temporary(path, o);
	if (!o->f) {
		release(o);
		return NULL;
	}
	*tmp = o->tmp ? o->tmp : o->target;
	return o->f;
}

/* Flushes and closes f; 0, or the errno of the first failure. When an
 * earlier write failed and the flush has nothing left to write, a
 * temporary (ours, about to be removed) is written one more byte to learn
 * why; for a device, errno as the failed write left it is the best guess
 * (so errno is left as it was when all goes well). */
static int close_checked(FILE *f, int temporary)
{
	int err = 0, before = errno;
	errno = 0;
	if (fflush(f) != 0)
		err = errno ? errno : EIO;
	if (!err && ferror(f) && temporary)
		err = write(fileno(f), "", 1) < 0 ? errno : EIO;
	else if (!err && ferror(f))
		err = before ? before : EIO;
	errno = 0;
	if (fclose(f) != 0 && !err)
		err = errno ? errno : EIO;
	errno = before;
	return err;
}

int atomic_commit(FILE *f, char *tmp, const char *path, int ok)
{
	OutFile *o = NULL;
	(void)tmp;   /* owned by the registry */
	for (int i = 0; i < MAX_OUTPUTS && !o; i++)
		if (outs[i].f == f)
			o = &outs[i];
	if (!o) {
		fclose(f);
		return -1;
	}
	int err = close_checked(f, o->tmp != NULL);
	o->f = NULL;
	if (err) {   /* a failed write is reported here, whatever ok says */
		diag_fail("cannot write '%s': %s", path, strerror(err));
		ok = 0;
	}
	if (ok && o->tmp && deferred) {
		o->pending = 1;
		return 0;
	}
	if (ok && o->tmp && rename(o->tmp, o->target) != 0) {
		diag_fail("cannot write '%s': %s", path, strerror(errno));
		ok = 0;
	}
	if (ok && o->tmp) {
		live_tmp[o - outs] = NULL;
		free(o->tmp);
		o->tmp = NULL;
	}
	release(o);
	return ok ? 0 : -1;
}

/* ------------------------------------------------------------- publish */

void outfile_defer(int on)
{
	deferred = on;
}

/* `.NAME.lock` beside target (malloc'd). */
static char *lock_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	const char *base = slash ? slash + 1 : target;
	size_t n = strlen(base) + 7;
	char *name = malloc(n), *path = NULL;
	if (name) {
		snprintf(name, n, ".%s.lock", base);
		path = slash ? join(target, (size_t)(slash - target), name) :
			strdup(name);
	}
	free(name);
	return path;
}

/* An exclusive lock on the file path: its descriptor, or -1 when it
 * cannot be made (then the renames go unlocked). The holder removes the
 * file before closing it, so a lock taken on a file that is no longer at
 * path is dropped and taken again. */
static int lock_file(const char *path)
{
	for (int tries = 0; path && tries < 100; tries++) {
		int fd = open(path, O_RDWR | O_CREAT, 0666);
		struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
		struct stat a, b;
		if (fd < 0)
			return -1;
		while (fcntl(fd, F_SETLKW, &l) != 0 && errno == EINTR)
			;
		if (fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return fd;
		close(fd);
	}
	return -1;
}

int outfile_publish(void)
{
	int r = 0, fd = -1;
	char *lock = NULL;
	hold_signals(SIG_BLOCK);
	for (int i = 0; i < MAX_OUTPUTS; i++) {
		OutFile *o = &outs[i];
		if (!o->pending)
			continue;
		if (!lock) {
			lock = lock_name(o->target);
			fd = lock_file(lock);
		}
		if (r == 0 && rename(o->tmp, o->target) != 0) {
			diag_fail("cannot write '%s': %s", o->target, strerror(errno));
			r = -1;
		}
		if (r == 0) {
			live_tmp[i] = NULL;
			free(o->tmp);
			o->tmp = NULL;
		}
		release(o);
	}
	if (fd >= 0) {
		unlink(lock);
		close(fd);
	}
	free(lock);
	hold_signals(SIG_UNBLOCK);
	return r;
}

void outfile_discard(void)
{
	for (int i = 0; i < MAX_OUTPUTS; i++) {
		if (outs[i].f)
			fclose(outs[i].f);
		if (outs[i].f || outs[i].target)
			release(&outs[i]);
	}
}
