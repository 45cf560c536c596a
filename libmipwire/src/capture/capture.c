/* Capture files through libpcap: pcap and pcapng in, classic pcap with
 * nanosecond timestamps out. libpcap speaks DLT_* values; the library and
 * the files speak LINKTYPE_*, so the few that differ are mapped here.
 *
 * Classic pcap files that are regular files are read through mmap instead
 * of libpcap's per-record fread (about 4x faster on small packets): libpcap
 * still opens the file and checks its header (link type, snapshot length,
 * error messages), then the records are walked in place, each header
 * checked against the file size, with libpcap's rules for lengths and
 * timestamps (see map_next). pcapng, pipes and standard input stay with
 * libpcap. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <pcap/pcap.h>

#include "internal.h"
#include "mipwire/capture.h"

#define READ_BUF_SIZE (1u << 20) /* stdio buffer: fewer read(2) calls */
#define MAP_DROP_STEP (32u << 20) /* mmap: give back pages read, this often */
#define PCAP_FILE_HDR 24
#define PCAP_REC_HDR 16
#define PCAP_MAX_SNAPLEN 262144u  /* libpcap's MAXIMUM_SNAPLEN */

struct mw_capture {
	pcap_t *pcap;
	FILE *fp;
	char *vbuf;          /* setvbuf buffer; freed after the FILE is closed */
	int linktype;        /* LINKTYPE_* */
	uint64_t frames;     /* frames delivered so far */
	/* mmap reader (classic pcap in a regular file); map == NULL: libpcap */
	const uint8_t *map;
	size_t map_len, pos, dropped;
	bool swapped, usec;  /* other byte order; microsecond timestamps */
	uint32_t snapshot;   /* libpcap's snapshot length for the file */
	uint32_t max_caplen; /* longer records are an error (max_caplen()) */
	char name[256];      /* for messages */
	char err[PCAP_ERRBUF_SIZE + 320];
};

struct mw_capture_writer {
	pcap_t *pcap;
	pcap_dumper_t *dump;
	uint32_t snaplen;
	bool failed;
};

/* DLT_RAW is 12 (14 on BSD/OS); files say LINKTYPE_RAW (101). */
static int dlt_to_linktype(int dlt)
{
	if (dlt == DLT_RAW)
		return MW_LINK_RAW;
	return dlt;
}

static int linktype_to_dlt(int linktype)
{
	if (linktype == MW_LINK_RAW)
		return DLT_RAW;
	return linktype;
}

static void copy_name(char *dst, size_t cap, const char *path)
{
	snprintf(dst, cap, "%s", strcmp(path, "-") == 0 ? "(stdin)" : path);
}

/* libpcap's open errors are terse ("unknown file format"); say what the
 * user needs to know. */
static void open_error(const char *name, const char *pcap_err, char *err,
		       size_t cap)
{
	if (strstr(pcap_err, "unknown file format"))
		snprintf(err, cap, "%s: not a pcap or pcapng capture file", name);
	else if (strstr(pcap_err, "only got 0"))
		snprintf(err, cap, "%s: empty file, not a capture", name);
	else if (strstr(pcap_err, "truncated"))
		snprintf(err, cap, "%s: truncated capture file header (%s)",
			 name, pcap_err);
	else
		snprintf(err, cap, "%s: %s", name, pcap_err);
}

static uint32_t rd32(const uint8_t *p, bool swapped)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swapped ? __builtin_bswap32(v) : v;
}

/* libpcap's max_snaplen_for_dlt(): bigger records are an error. */
static uint32_t max_caplen(int dlt, uint32_t snapshot)
{
	uint32_t m = PCAP_MAX_SNAPLEN;
	(void)dlt;
	return snapshot > m ? snapshot : m;
}

/* Switch c to the mmap reader when the file is a regular classic pcap
 * file (either byte order, micro- or nanosecond magic, version 2.4).
 * Anything else (pcapng, pipes, old versions, the modified formats,
 * byte-swapped link types with pseudo-headers libpcap rewrites) stays
 * with libpcap. */
static void map_try(struct mw_capture *c)
{
	struct stat st;
	int fd = fileno(c->fp);
	uint32_t magic;
	uint16_t major, minor;
	int dlt = pcap_datalink(c->pcap);

	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < PCAP_FILE_HDR || (uint64_t)st.st_size > SIZE_MAX)
		return;
	void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (m == MAP_FAILED)
		return;
	const uint8_t *h = m;
	memcpy(&magic, h, 4);
	switch (magic) {
	case 0xa1b2c3d4u: c->swapped = false; c->usec = true; break;
	case 0xa1b23c4du: c->swapped = false; c->usec = false; break;
	case 0xd4c3b2a1u: c->swapped = true; c->usec = true; break;
	case 0x4d3cb2a1u: c->swapped = true; c->usec = false; break;
	default: goto no;
	}
	memcpy(&major, h + 4, 2);
	memcpy(&minor, h + 6, 2);
	if (c->swapped) {
		major = __builtin_bswap16(major);
		minor = __builtin_bswap16(minor);
	}
	if (major != 2 || minor != 4)
		goto no;   /* libpcap swaps caplen / len in older files */
	if (c->swapped && (dlt == DLT_USB_LINUX || dlt == DLT_USB_LINUX_MMAPPED ||
			   dlt == DLT_NFLOG))
		goto no;   /* libpcap byte-swaps their pseudo-headers */
	if (pcap_snapshot(c->pcap) <= 0)
		goto no;
	c->snapshot = (uint32_t)pcap_snapshot(c->pcap);
	c->max_caplen = max_caplen(dlt, c->snapshot);
	c->map = h;
	c->map_len = (size_t)st.st_size;
	c->pos = PCAP_FILE_HDR;
	madvise(m, c->map_len, MADV_SEQUENTIAL);
	return;
no:
	munmap(m, (size_t)st.st_size);
}

/* Where reading stopped, for messages: "the first record" or "the
 * record after frame N". */
static const char *rec_at(const struct mw_capture *c, char *buf, size_t n)
{
	if (c->frames == 0)
		return "the first record";
	snprintf(buf, n, "the record after frame %llu", (unsigned long long)c->frames);
	return buf;
}

/* The end of the data: -1 with libpcap's message for a cut record. Out
 * of line, as the other error: map_next() per record needs no frame. */
static __attribute__((noinline, cold)) int map_trunc(struct mw_capture *c, const char *fmt, uint32_t want,
		     size_t got)
{
	char pe[160], at[64];
	snprintf(pe, sizeof(pe), fmt, want, got);
	snprintf(c->err, sizeof(c->err),
		 "%s: truncated capture file: %s is cut short (%s)",
		 c->name, rec_at(c, at, sizeof(at)), pe);
	return -1;
}

/* A record longer than libpcap takes: -1 with its message. */
static __attribute__((noinline, cold)) int map_too_long(struct mw_capture *c,
							uint32_t caplen)
{
	char at[64];
	bool snap = caplen > c->snapshot;

	snprintf(c->err, sizeof(c->err), "%s: read error at %s: invalid "
		 "packet capture length %u, bigger than %s of %u", c->name,
		 rec_at(c, at, sizeof(at)), caplen, snap ? "snaplen" : "maximum",
		 snap ? c->snapshot : PCAP_MAX_SNAPLEN);
	return -1;
}

/* Gives back the pages before the record at `rec` (see map_next); 1 (a
 * frame was delivered), so that map_next() can jump here. */
static __attribute__((noinline)) int map_drop(struct mw_capture *c, size_t rec)
{
	size_t upto = rec & ~(size_t)4095;

	madvise((void *)(uintptr_t)(c->map + c->dropped), upto - c->dropped,
		MADV_DONTNEED);
	c->dropped = upto;
	return 1;
}

/* One record, by libpcap's rules (sf-pcap.c pcap_next_packet): a record
 * longer than the snapshot length is cut to it; one longer than the
 * sane maximum is an error; timestamps are scaled to nanoseconds. Per
 * record it keeps nothing live across a call (the rare ones are jumps);
 * `swapped` is c->swapped, a constant in each of its two copies. */
static inline __attribute__((always_inline)) int
map_next(struct mw_capture *c, struct mw_frame *f, bool swapped)
{
	size_t left = c->map_len - c->pos;
	const uint8_t *r = c->map + c->pos;

	if (__builtin_expect(left < PCAP_REC_HDR, 0)) {
		if (left == 0)
			return 0;
		return map_trunc(c, "truncated dump file; tried to read %u "
				 "header bytes, only got %zu", PCAP_REC_HDR, left);
	}
	uint32_t caplen = rd32(r + 8, swapped);

	left -= PCAP_REC_HDR;
	if (caplen > c->max_caplen)
		return map_too_long(c, caplen);
	if (caplen > left) {
		if (caplen > c->snapshot && left < c->snapshot)
			return map_trunc(c, "truncated dump file; tried to read "
					 "%u captured bytes, only got %zu",
					 c->snapshot, left);
		return map_trunc(c, "truncated dump file; tried to read %u "
				 "captured bytes, only got %zu", caplen, left);
	}
	/* libpcap reads the seconds as signed in the host's byte order and
	 * as unsigned after swapping them; so do we */
	uint32_t secs = rd32(r, swapped);
	int32_t frac = (int32_t)rd32(r + 4, swapped);

	f->data = r + PCAP_REC_HDR;
	f->caplen = caplen > c->snapshot ? c->snapshot : caplen;
	f->wirelen = rd32(r + 12, swapped);
	f->ts_sec = swapped ? (int64_t)secs : (int64_t)(int32_t)secs;
	f->ts_nsec = (uint32_t)(c->usec ? (int64_t)frac * 1000 : (int64_t)frac);
	f->linktype = c->linktype;
	f->number = ++c->frames;
	c->pos += PCAP_REC_HDR + (size_t)caplen;
	/* pages behind the previous record are given back to keep the
	 * resident set small; a reader that still looks at earlier frames
	 * (mipconform's second thread) faults them back in from the page
	 * cache, which keeps them: the bytes stay valid */
	if (__builtin_expect(c->pos - c->dropped >= MAP_DROP_STEP + 2 * 4096u, 0))
		return map_drop(c, c->pos - PCAP_REC_HDR - caplen);
	return 1;
}

MWI_EXPORT struct mw_capture *mw_capture_open(const char *path, char *err,
					      size_t cap)
{
	char perr[PCAP_ERRBUF_SIZE] = "";
	struct mw_capture *c;
	bool is_stdin;

	if (!path) {
		if (err && cap)
			snprintf(err, cap, "no capture file given");
		return NULL;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		if (err && cap)
			snprintf(err, cap, "out of memory");
		return NULL;
	}
	copy_name(c->name, sizeof(c->name), path);
	is_stdin = strcmp(path, "-") == 0;
	/* stdin through a dup so that pcap_close() can fclose() it and the
	 * buffer below is ours alone */
	if (is_stdin) {
		int fd = dup(STDIN_FILENO);

		c->fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
		if (!c->fp && fd >= 0)
			close(fd);
	} else {
		c->fp = fopen(path, "rb");
	}
	if (!c->fp) {
		if (err && cap)
			snprintf(err, cap, "%s: %s", c->name, strerror(errno));
		free(c);
		return NULL;
	}
	c->vbuf = malloc(READ_BUF_SIZE);
	if (c->vbuf && setvbuf(c->fp, c->vbuf, _IOFBF, READ_BUF_SIZE) != 0) {
		free(c->vbuf);
		c->vbuf = NULL;
	}
	c->pcap = pcap_fopen_offline_with_tstamp_precision(
		c->fp, PCAP_TSTAMP_PRECISION_NANO, perr);
	if (!c->pcap) {
		if (err && cap)
			open_error(c->name, perr, err, cap);
		fclose(c->fp);
		free(c->vbuf);
		free(c);
		return NULL;
	}
	c->linktype = dlt_to_linktype(pcap_datalink(c->pcap));
	if (!is_stdin)
		map_try(c);
	return c;
}

/* One record through libpcap (out of line: the mmap reader's calls
 * need no frame for it). */
static __attribute__((noinline)) int pcap_next_frame(struct mw_capture *c,
						     struct mw_frame *f)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	int rc;

	rc = pcap_next_ex(c->pcap, &h, &data);
	if (rc == 1) {
		f->data = data;
		f->caplen = h->caplen;
		f->wirelen = h->len;
		f->ts_sec = (int64_t)h->ts.tv_sec;
		/* opened with nanosecond precision: tv_usec holds ns */
		f->ts_nsec = (uint32_t)h->ts.tv_usec;
		f->linktype = c->linktype;
		f->number = ++c->frames;
		return 1;
	}
	if (rc == PCAP_ERROR_BREAK)
		return 0;
	{
		const char *pe = pcap_geterr(c->pcap);
		char at[64];

		if (strstr(pe, "truncated"))
			snprintf(c->err, sizeof(c->err),
				 "%s: truncated capture file: %s is cut short (%s)",
				 c->name, rec_at(c, at, sizeof(at)), pe);
		else
			snprintf(c->err, sizeof(c->err), "%s: read error at %s: %s",
				 c->name, rec_at(c, at, sizeof(at)), pe);
	}
	return -1;
}

MWI_EXPORT int mw_capture_next(struct mw_capture *c, struct mw_frame *f)
{
	/* a mapped file has its pcap_t open too */
	if (__builtin_expect(c && c->map, 1))
		return c->swapped ? map_next(c, f, true) : map_next(c, f, false);
	if (!c || !c->pcap)
		return -1;
	return pcap_next_frame(c, f);
}

MWI_EXPORT const char *mw_capture_error(const struct mw_capture *c)
{
	return c ? c->err : "no capture";
}

MWI_EXPORT bool mw_capture_frames_stable(const struct mw_capture *c)
{
	/* pages given back with MADV_DONTNEED are read again from the file
	 * if touched: the mapping stays valid */
	return c && c->map != NULL;
}

MWI_EXPORT int mw_capture_linktype(const struct mw_capture *c)
{
	return c ? c->linktype : -1;
}

MWI_EXPORT void mw_capture_close(struct mw_capture *c)
{
	if (!c)
		return;
	if (c->map)
		munmap((void *)(uintptr_t)c->map, c->map_len);
	/* pcap_close() closes the FILE (never stdin itself: we read a dup) */
	if (c->pcap)
		pcap_close(c->pcap);
	free(c->vbuf);
	free(c);
}

MWI_EXPORT struct mw_capture_writer *mw_capture_create(const char *path,
						       int linktype,
						       uint32_t snaplen,
						       char *err, size_t cap)
{
	struct mw_capture_writer *w;

	if (!path || snaplen == 0) {
		if (err && cap)
			snprintf(err, cap, "invalid capture writer arguments");
		return NULL;
	}
	w = calloc(1, sizeof(*w));
	if (!w) {
		if (err && cap)
			snprintf(err, cap, "out of memory");
		return NULL;
	}
	w->snaplen = snaplen;
	w->pcap = pcap_open_dead_with_tstamp_precision(
		linktype_to_dlt(linktype), (int)snaplen,
		PCAP_TSTAMP_PRECISION_NANO);
	if (!w->pcap) {
		if (err && cap)
			snprintf(err, cap, "%s: cannot create a capture of "
				 "link type %d", path, linktype);
		free(w);
		return NULL;
	}
	w->dump = pcap_dump_open(w->pcap, path); /* "-" = stdout */
	if (!w->dump) {
		if (err && cap)
			snprintf(err, cap, "%s", pcap_geterr(w->pcap));
		pcap_close(w->pcap);
		free(w);
		return NULL;
	}
	return w;
}

MWI_EXPORT int mw_capture_write(struct mw_capture_writer *w, int64_t ts_sec,
				uint32_t ts_nsec, const uint8_t *data,
				uint32_t caplen, uint32_t wirelen)
{
	struct pcap_pkthdr h;

	if (!w || !w->dump || (!data && caplen) || ts_nsec >= 1000000000u)
		return -1;
	if (caplen > w->snaplen)
		caplen = w->snaplen;
	if (wirelen < caplen)
		wirelen = caplen;
	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = (time_t)ts_sec;
	h.ts.tv_usec = (suseconds_t)ts_nsec; /* ns: opened with NANO precision */
	h.caplen = caplen;
	h.len = wirelen;
	pcap_dump((u_char *)w->dump, &h, data);
	if (ferror(pcap_dump_file(w->dump))) {
		w->failed = true;
		return -1;
	}
	return 0;
}

MWI_EXPORT int mw_capture_finish(struct mw_capture_writer *w)
{
	int rc;

	if (!w)
		return -1;
	rc = w->failed ? -1 : 0;
	if (pcap_dump_flush(w->dump) != 0 || ferror(pcap_dump_file(w->dump)))
		rc = -1;
	pcap_dump_close(w->dump);
	pcap_close(w->pcap);
	free(w);
	return rc;
}
