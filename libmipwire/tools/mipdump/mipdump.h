/* mipdump: shared state of the printers. */
#ifndef MIPDUMP_H
#define MIPDUMP_H

#include <stdbool.h>
#include <stdint.h>

#include <glib.h>
#include <mipwire/mipwire.h>
#include <mipwire/capture.h>

struct md_opts {
	bool all;        /* -a: frames without Mobile IP content too */
	bool verbose;    /* -v: field tree */
	bool offsets;    /* --offsets: frame offsets in the tree */
	bool json;       /* --json: JSON Lines */
	bool multi;      /* more than one input: name the file */
	struct mw_decode_opts dec;
};

/* One decoded frame as the printers see it. */
struct md_frame {
	const struct mw_frame *fr;
	const struct mw_packet *pkt;
	const char *file;     /* input name */
	int64_t rel_ns;       /* time since the file's first frame */
};

/* Append "s.ffffff" (digits = 6) or "s.fffffffff" (9) for a signed ns count. */
void md_time(GString *out, int64_t ns, int digits);

/* Printers append to out (whole lines, '\n'-terminated). */
void md_print_lines(GString *out, const struct md_opts *o,
		    const struct md_frame *f);
void md_print_tree(GString *out, const struct md_opts *o,
		   const struct md_frame *f);
void md_print_json(GString *out, const struct md_opts *o,
		   const struct md_frame *f);

/* JSON string escaping: C string / n bytes (bytes >= 0x7f as \u00XX). */
void md_json_str(GString *out, const char *s);
void md_json_bytes(GString *out, const uint8_t *p, size_t n);

/* --list-fields: every registry, row and field key (text or Markdown). */
void md_list_fields(GString *out, bool markdown);

#endif
