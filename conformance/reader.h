/* Reading the captures: every frame read, decoded and checked by the
 * per-packet rules, then handed to frame.c in capture order. */
#ifndef CONF_READER_H
#define CONF_READER_H

#include "conf.h"

/* Check the files in order, with the reading side (read, decode,
 * per-packet rules) on a thread of its own when threads >= 2. Returns the
 * number of files that could not be read to the end (each with a message
 * on stderr). */
int reader_run(struct conf *c, char *const *files, int n, unsigned threads);

#endif
