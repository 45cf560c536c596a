/* Reading and writing capture files (pcap and pcapng, through libpcap), the
 * one frame source of every mipkit tool. Reading streams: memory does not
 * depend on the file's length. A classic pcap file that is a regular file
 * is walked in place through mmap (libpcap still checks its header); the
 * frames, lengths, timestamps and error messages are libpcap's. */
#ifndef MIPWIRE_CAPTURE_H
#define MIPWIRE_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct mw_capture;
struct mw_capture_writer;

struct mw_frame {
	const uint8_t *data;  /* valid until the next mw_capture_next(), or
			       * longer: mw_capture_frames_stable() */
	uint32_t caplen, wirelen;
	int64_t ts_sec;
	uint32_t ts_nsec;
	int linktype;         /* LINKTYPE_* (MW_LINK_* in decode.h) */
	uint64_t number;      /* 1-based frame number, as Wireshark counts */
};

/* Open a pcap or pcapng file, or "-" for standard input. NULL on failure,
 * with a message naming the file and the reason in err. */
struct mw_capture *mw_capture_open(const char *path, char *err, size_t cap);
/* 1 = a frame, 0 = end of file, -1 = error (a truncated last record is an
 * error whose message says "truncated"; frames before it were delivered). */
int mw_capture_next(struct mw_capture *c, struct mw_frame *f);
const char *mw_capture_error(const struct mw_capture *c);

/* True when every frame's data stays valid until mw_capture_close() (the
 * mmap reader: the whole file is mapped), so a reader may decode ahead. */
bool mw_capture_frames_stable(const struct mw_capture *c);
int mw_capture_linktype(const struct mw_capture *c);
void mw_capture_close(struct mw_capture *c);

/* Write a classic pcap file (nanosecond timestamps) of one link type. */
struct mw_capture_writer *mw_capture_create(const char *path, int linktype,
					    uint32_t snaplen, char *err,
					    size_t cap);
int mw_capture_write(struct mw_capture_writer *w, int64_t ts_sec,
		     uint32_t ts_nsec, const uint8_t *data, uint32_t caplen,
		     uint32_t wirelen);
/* Flush and close; 0 on success, -1 if any write failed. */
int mw_capture_finish(struct mw_capture_writer *w);

#ifdef __cplusplus
}
#endif
#endif
