/* Capture files through libpcap: pcap and pcapng in, classic pcap with
 * nanosecond timestamps out. libpcap speaks DLT_* values; the library and
 * the files speak LINKTYPE_*, so the few that differ are mapped here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "internal.h"
#include "mipwire/capture.h"

#define READ_BUF_SIZE (1u << 20) /* stdio buffer: fewer read(2) calls */

struct mw_capture {
	pcap_t *pcap;
	FILE *fp;
	char *vbuf;          /* setvbuf buffer; freed after the FILE is closed */
	int linktype;        /* LINKTYPE_* */
	uint64_t frames;     /* frames delivered so far */
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
	snprintf(dst, cap, "%s", strcmp(path, "-") == 0 ? "<stdin>" : path);
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
	return c;
}

MWI_EXPORT int mw_capture_next(struct mw_capture *c, struct mw_frame *f)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	int rc;

	if (!c || !c->pcap)
		return -1;
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

		if (strstr(pe, "truncated"))
			snprintf(c->err, sizeof(c->err),
				 "%s: truncated capture file: the record after "
				 "frame %llu is cut short (%s)",
				 c->name, (unsigned long long)c->frames, pe);
		else
			snprintf(c->err, sizeof(c->err),
				 "%s: read error after frame %llu: %s", c->name,
				 (unsigned long long)c->frames, pe);
	}
	return -1;
}

MWI_EXPORT const char *mw_capture_error(const struct mw_capture *c)
{
	return c ? c->err : "no capture";
}

MWI_EXPORT int mw_capture_linktype(const struct mw_capture *c)
{
	return c ? c->linktype : -1;
}

MWI_EXPORT void mw_capture_close(struct mw_capture *c)
{
	if (!c)
		return;
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
