/* Return routability (RFC 6275 5.2.5, 5.2.6) and the RFC 4285
 * Mobility Message Authentication option, with GLib's GHmac / GChecksum. */
#include <string.h>

#include <glib.h>

#include "internal.h"

static void hmac_sha1_parts(const uint8_t *key, size_t key_len,
			    const uint8_t *const *parts, const size_t *lens,
			    size_t n, uint8_t out[20])
{
	GHmac *h = g_hmac_new(G_CHECKSUM_SHA1, key, key_len);
	gsize len = 20;

	for (size_t i = 0; i < n; i++)
		g_hmac_update(h, parts[i], (gssize)lens[i]);
	g_hmac_get_digest(h, out, &len);
	g_hmac_unref(h);
}

MWI_EXPORT void mw_rr_keygen(const uint8_t kcn[20], const struct mw_in6 *addr,
			     const uint8_t nonce[8], bool care_of,
			     uint8_t out[8])
{
	const uint8_t which = care_of ? 1 : 0;
	const uint8_t *parts[] = { addr->b, nonce, &which };
	const size_t lens[] = { 16, 8, 1 };
	uint8_t mac[20];

	hmac_sha1_parts(kcn, 20, parts, lens, 3, mac);
	memcpy(out, mac, 8);
}

MWI_EXPORT void mw_rr_kbm(const uint8_t home_keygen[8],
			  const uint8_t care_of_keygen[8], uint8_t kbm[20])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA1);
	gsize n = 20;

	g_checksum_update(c, home_keygen, 8);
	if (care_of_keygen)
		g_checksum_update(c, care_of_keygen, 8);
	g_checksum_get_digest(c, kbm, &n);
	g_checksum_free(c);
}

/* MH bytes with the checksum field (bytes 4-5) taken as zero. */
static void mh_parts(const uint8_t *mh, size_t len, const uint8_t **p,
		     size_t *l)
{
	static const uint8_t zero[2];
	size_t head = len < 4 ? len : 4;

	p[0] = mh;
	l[0] = head;
	p[1] = zero;
	l[1] = len > 4 ? (len < 6 ? len - 4 : 2) : 0;
	p[2] = mh + (len > 6 ? 6 : len);
	l[2] = len > 6 ? len - 6 : 0;
}

MWI_EXPORT void mw_rr_bad_auth(const uint8_t kbm[20],
			       const struct mw_in6 *coa,
			       const struct mw_in6 *cn, const uint8_t *mh,
			       size_t mh_len, uint8_t out[12])
{
	const uint8_t *parts[5] = { coa->b, cn->b };
	size_t lens[5] = { 16, 16 };
	uint8_t mac[20];

	mh_parts(mh, mh_len, parts + 2, lens + 2);
	hmac_sha1_parts(kbm, 20, parts, lens, 5, mac);
	memcpy(out, mac, 12);
}

MWI_EXPORT void mw_mh_auth_4285(const uint8_t *key, size_t key_len,
				const struct mw_in6 *coa,
				const struct mw_in6 *hoa, const uint8_t *mh,
				size_t mh_len, uint8_t out[12])
{
	const uint8_t *parts[5] = { coa->b, hoa->b };
	size_t lens[5] = { 16, 16 };
	uint8_t mac[20];

	mh_parts(mh, mh_len, parts + 2, lens + 2);
	hmac_sha1_parts(key, key_len, parts, lens, 5, mac);
	memcpy(out, mac, 12);
}
