/* Text forms of layout field values and of field types, shared by the
 * printers (one-line, tree, JSON, field list). */
#ifndef MIPDUMP_FMT_H
#define MIPDUMP_FMT_H

#include <glib.h>

#include "walk.h"

/* Plain text of a value, without value name or unit ("1800", "0x1f",
 * "10.0.0.1", "2001:db8::1, 2001:db8::2", "00:11:22:33:44:55", hex bytes,
 * printable string with \xNN escapes). */
void mdf_value(GString *out, const struct mdw_field *fv);
/* The same plus " (value name)" and the unit ("300 (1200 s)"). */
void mdf_value_full(GString *out, const struct mdw_field *fv);

void mdf_ip4(GString *out, uint32_t host_order);
void mdf_ip6(GString *out, const uint8_t *b);
void mdf_hex(GString *out, const uint8_t *p, size_t n);

/* "uint16", "uint8:0xf0", "flag", "ipv4", "ipv6[]", "bytes"... */
const char *mdf_type_name(const struct mw_field *f, char *buf, size_t cap);

/* Display name of a node: registry row name, or "unknown <registry> N". */
const char *mdf_node_name(const struct mdw_node *n, char *buf, size_t cap);
/* Stable key of a node: row key, or "unknown". */
const char *mdf_node_key(const struct mdw_node *n);

#endif
