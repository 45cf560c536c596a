/* The keys file shared by mipconform (--keys FILE), the Wireshark plugin
 * (a preference naming the same file) and mipgen: security associations for
 * verifying (and computing) authenticators. Read with GLib's GKeyFile.
 *
 *   # one group per security association; the group name is free text
 *   [mn-ha alice]
 *   kind = mn-ha               # mn-ha | mn-fa | fa-ha | mn-aaa | mh-auth | rr
 *   spi = 256                  # MIPv4 SPI / RFC 4285 mobility SPI (optional: any SPI)
 *   algorithm = hmac-md5       # hmac-md5 | keyed-md5 | hmac-sha1 | md5-chap
 *   home-address = 192.0.2.10  # selectors: any that are given must match
 *   nai = alice@example.net
 *   peer = 198.51.100.1        # the agent (HA / FA) address
 *   key = hex:00112233445566778899aabbccddeeff   # or text:secret, or
 *   key-file = alice.key       # raw bytes from a file (relative to this file)
 *
 * Any other key, a group name given twice, or both key and key-file are
 * errors (a misspelt selector would make the SA match anything).
 *
 * Key bytes are never logged or printed: mw_keys_describe() shows the
 * group, kind, SPI and selectors only. */
#ifndef MIPWIRE_KEYS_H
#define MIPWIRE_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"

#ifdef __cplusplus
extern "C" {
#endif

enum mw_sa_kind {
	MW_SA_MN_HA = 1, /* MIPv4 MN-HA authentication (ext 32) */
	MW_SA_MN_FA,     /* ext 33 */
	MW_SA_FA_HA,     /* ext 34 */
	MW_SA_MN_AAA,    /* ext 36 generalized, MN-AAA subtype */
	MW_SA_MH_AUTH,   /* RFC 4285 Mobility Message Authentication option */
	MW_SA_RR,        /* return routability: `key` is Kcn (20 bytes) of a CN */
};

#define MW_KEY_MAX 64

struct mw_sa {
	char *group;          /* the group name, for messages */
	enum mw_sa_kind kind;
	bool has_spi;
	uint32_t spi;
	int alg;              /* enum mw_auth_alg */
	bool has_hoa4, has_peer4, has_hoa6, has_peer6;
	uint32_t hoa4, peer4; /* host order */
	struct mw_in6 hoa6, peer6;
	char *nai;            /* NULL if not given */
	uint8_t key[MW_KEY_MAX];
	size_t key_len;
};

struct mw_keys {
	struct mw_sa *sa;
	size_t n;
};

/* Load a keys file. On failure returns NULL and writes a message naming the
 * file, group and key at fault into err (never the key bytes). */
struct mw_keys *mw_keys_load(const char *path, char *err, size_t err_cap);
/* Parse from memory (path used for messages and relative key-file names). */
struct mw_keys *mw_keys_parse(const char *text, size_t len, const char *path,
			      char *err, size_t err_cap);
void mw_keys_free(struct mw_keys *k);

/* Selectors of a lookup; unset fields match anything. */
struct mw_sa_query {
	enum mw_sa_kind kind;
	bool has_spi;
	uint32_t spi;
	bool has_hoa4, has_peer4, has_hoa6, has_peer6;
	uint32_t hoa4, peer4;
	struct mw_in6 hoa6, peer6;
	const uint8_t *nai;
	size_t nai_len;
};

/* Among the SAs of the query's kind whose given selectors all match the
 * query (an SA selector the query does not set does not match), the one
 * giving the most selectors (mw_sa_selectors()), the first in the file on
 * a tie: a per-node SA overrides a catch-all one. NULL if none. */
const struct mw_sa *mw_keys_find(const struct mw_keys *k,
				 const struct mw_sa_query *q);
/* How many selectors (spi, home-address, peer, nai) an SA gives. */
int mw_sa_selectors(const struct mw_sa *sa);

/* "[mn-ha alice] kind=mn-ha spi=256 alg=hmac-md5 home-address=192.0.2.10" */
int mw_keys_describe(const struct mw_sa *sa, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
