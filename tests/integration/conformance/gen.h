/* The capture generator of the mipconform tests. */
#ifndef CONF_GEN_H
#define CONF_GEN_H

#include <stdio.h>

#include <mipwire/capture.h>
#include <mipwire/mipwire.h>

struct gen {
	struct mw_capture_writer *w;
	int64_t t0;
};

void gen_frame(struct gen *g, double t, const uint8_t *buf, size_t len);

/* Write the trace; brk = the rule id to break, NULL for the good trace. */
void gen_mip4(struct gen *g, const char *brk);
void gen_mip6(struct gen *g, const char *brk);

extern const uint8_t gen_mnha_key[16];

#endif
