/* The mmap reader of classic pcap files (capture.c) against libpcap: each
 * crafted file is read once by path (a regular classic pcap file: the
 * mmap reader, checked through /proc/self/maps) and once as standard
 * input (libpcap), and both must deliver the same frames (bytes,
 * lengths, timestamps, link type, numbers) and end the same way (end of
 * file, or -1 with the same message). Files: both byte orders, micro-
 * and nanosecond magic, records cut by the snap length (caplen <
 * wirelen), records longer than the file's snap length (cut to it, as
 * libpcap does), a file cut inside a record header and inside record
 * data, and one with only the file header. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mipwire/mipwire.h>
#include <mipwire/capture.h>

static int failures;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	failures++; } } while (0)

struct rec {
	uint32_t sec, frac, caplen, len;
	uint32_t stored;   /* bytes of data actually in the file */
};

static void put32(FILE *f, uint32_t v, int swap)
{
	uint8_t b[4];
	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(swap ? v >> (24 - 8 * i) : v >> (8 * i));
	fwrite(b, 1, 4, f);
}

static void put16(FILE *f, uint16_t v, int swap)
{
	uint8_t b[2] = { (uint8_t)(swap ? v >> 8 : v), (uint8_t)(swap ? v : v >> 8) };
	fwrite(b, 1, 2, f);
}

/* A classic pcap file, little-endian (swap = 0) or big-endian (1);
 * cut_to > 0 cuts the file to that many bytes. */
static void write_pcap(const char *path, int swap, int nsec, uint32_t snaplen,
		       const struct rec *r, int n, long cut_to)
{
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	put32(f, nsec ? 0xa1b23c4du : 0xa1b2c3d4u, swap);
	put16(f, 2, swap);
	put16(f, 4, swap);
	put32(f, 0, swap);
	put32(f, 0, swap);
	put32(f, snaplen, swap);
	put32(f, 1, swap);            /* Ethernet */
	for (int i = 0; i < n; i++) {
		put32(f, r[i].sec, swap);
		put32(f, r[i].frac, swap);
		put32(f, r[i].caplen, swap);
		put32(f, r[i].len, swap);
		for (uint32_t k = 0; k < r[i].stored; k++)
			fputc((int)((i * 37 + k) & 0xff), f);
	}
	fclose(f);
	if (cut_to > 0)
		CHECK(truncate(path, cut_to) == 0);
}

static bool mapped(const char *path)
{
	char line[1024], real[1024];
	bool hit = false;
	FILE *m = fopen("/proc/self/maps", "r");
	if (!m || !realpath(path, real))
		return false;
	while (fgets(line, sizeof line, m))
		if (strstr(line, real))
			hit = true;
	fclose(m);
	return hit;
}

#define MAXF 16
struct got {
	int n, end;
	struct mw_frame f[MAXF];
	uint8_t data[MAXF][512];
	char err[512];
	bool was_mapped;
	bool stable;       /* mw_capture_frames_stable() */
	bool kept;         /* stable: every frame's bytes unchanged at the end */
};

/* Read the whole file; stdin = libpcap path. Error messages are
 * compared with the file name replaced. */
static void read_all(const char *path, bool via_stdin, struct got *g)
{
	char err[256];
	int saved = -1;
	memset(g, 0, sizeof *g);
	if (via_stdin) {
		int fd = open(path, O_RDONLY);
		CHECK(fd >= 0);
		saved = dup(STDIN_FILENO);
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	struct mw_capture *c = mw_capture_open(via_stdin ? "-" : path, err, sizeof err);
	CHECK(c != NULL);
	if (c) {
		g->was_mapped = mapped(path);
		struct mw_frame fr;
		int rc;
		while ((rc = mw_capture_next(c, &fr)) == 1 && g->n < MAXF) {
			g->f[g->n] = fr;
			memcpy(g->data[g->n], fr.data, fr.caplen < 512 ? fr.caplen : 512);
			g->n++;
		}
		g->end = rc;
		g->stable = mw_capture_frames_stable(c);
		/* the promise decoding ahead relies on: earlier frames stay */
		g->kept = true;
		for (int i = 0; g->stable && i < g->n; i++)
			if (memcmp(g->data[i], g->f[i].data,
				   g->f[i].caplen < 512 ? g->f[i].caplen : 512))
				g->kept = false;
		if (rc < 0) {
			const char *e = mw_capture_error(c);
			const char *name = via_stdin ? "(stdin)" : path;
			const char *at = strstr(e, name);
			if (at)
				snprintf(g->err, sizeof g->err, "%.*sFILE%s", (int)(at - e),
					 e, at + strlen(name));
			else
				snprintf(g->err, sizeof g->err, "%s", e);
		}
		mw_capture_close(c);
	}
	if (via_stdin) {
		dup2(saved, STDIN_FILENO);
		close(saved);
	}
}

static void same(const char *what, const char *path, int want_frames, int want_end)
{
	struct got *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
	read_all(path, false, a);
	read_all(path, true, b);
	if (!a->was_mapped || b->was_mapped || a->n != want_frames ||
	    b->n != want_frames || a->end != want_end || b->end != want_end ||
	    strcmp(a->err, b->err))
		fprintf(stderr, "%s: mmap %d frames end %d mapped %d '%s' / libpcap %d frames end %d '%s'\n",
			what, a->n, a->end, a->was_mapped, a->err, b->n, b->end, b->err);
	CHECK(a->was_mapped);          /* the mmap reader was used ... */
	CHECK(!b->was_mapped);         /* ... and not for standard input */
	CHECK(a->stable && a->kept);   /* mapped frames stay valid ... */
	CHECK(!b->stable);             /* ... libpcap's do not */
	CHECK(a->n == want_frames && b->n == want_frames);
	CHECK(a->end == want_end && b->end == want_end);
	CHECK(strcmp(a->err, b->err) == 0);
	if (want_end < 0)
		CHECK(strstr(a->err, "truncated") != NULL || strstr(a->err, "invalid") != NULL);
	for (int i = 0; i < a->n && i < b->n; i++) {
		const struct mw_frame *x = &a->f[i], *y = &b->f[i];
		CHECK(x->caplen == y->caplen && x->wirelen == y->wirelen);
		if (x->ts_sec != y->ts_sec || x->ts_nsec != y->ts_nsec)
			fprintf(stderr, "%s frame %d: ts %lld.%u vs %lld.%u\n", what, i + 1,
				(long long)x->ts_sec, x->ts_nsec, (long long)y->ts_sec, y->ts_nsec);
		CHECK(x->ts_sec == y->ts_sec && x->ts_nsec == y->ts_nsec);
		CHECK(x->linktype == y->linktype && x->number == y->number);
		uint32_t n = x->caplen < 512 ? x->caplen : 512;
		CHECK(memcmp(a->data[i], b->data[i], n) == 0);
	}
	free(a);
	free(b);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	char p[512];
	/* frame 2 cut by the snap length (caplen < wire); frame 3 longer
	 * than the file's snap length of 200 (libpcap cuts it to 200) */
	const struct rec r[] = {
		{ 1700000000, 123456, 60, 60, 60 },
		{ 1700000001, 999999, 100, 1500, 100 },
		{ 1700000002, 5, 300, 300, 300 },
		{ 0x80000001u, 42, 0, 0, 0 },   /* empty frame, ts past 2038 */
		{ 1700000003, 1, 64, 64, 64 },
	};
	int n = (int)(sizeof r / sizeof r[0]);
	long full = 24;
	for (int i = 0; i < n; i++)
		full += 16 + r[i].stored;

	snprintf(p, sizeof p, "%s/mmap-test.pcap", dir);
	for (int swap = 0; swap < 2; swap++)
		for (int ns = 0; ns < 2; ns++) {
			char what[64];
			snprintf(what, sizeof what, "%s-endian %s", swap ? "big" : "little",
				 ns ? "ns" : "us");
			write_pcap(p, swap, ns, 200, r, n, 0);
			same(what, p, n, 0);
			/* cut inside the last record's data, then inside its header */
			write_pcap(p, swap, ns, 200, r, n, full - 10);
			same(what, p, n - 1, -1);
			write_pcap(p, swap, ns, 200, r, n, full - 64 - 5);
			same(what, p, n - 1, -1);
			/* cut inside the data of the record longer than the snap
			 * length: before and after the snap length */
			long at3 = 24 + 16 + 60 + 16 + 100 + 16;
			write_pcap(p, swap, ns, 200, r, n, at3 + 150);
			same(what, p, 2, -1);
			write_pcap(p, swap, ns, 200, r, n, at3 + 250);
			same(what, p, 2, -1);
		}
	/* only the file header: no frames, end of file */
	write_pcap(p, 0, 1, 65535, r, 0, 0);
	same("header only", p, 0, 0);
	/* a record beyond any sane length is an error */
	const struct rec huge[] = { { 1, 2, 60, 60, 60 }, { 1, 3, 300000, 300000, 10 } };
	write_pcap(p, 0, 0, 65535, huge, 2, 0);
	same("huge caplen", p, 1, -1);
	unlink(p);
	printf("capture mmap reader: %d failures\n", failures);
	return failures ? 1 : 0;
}
