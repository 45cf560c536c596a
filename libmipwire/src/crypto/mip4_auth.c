/* MIPv4 authenticators (RFC 5944 3.5.1, RFC 2002 keyed MD5, RFC 4721
 * MN-AAA and CHAP_SPI), computed with GLib's GHmac / GChecksum. */
#include <string.h>

#include <glib.h>

#include "internal.h"

#define MW_CHAP_SPI 2  /* RFC 4721 8: RADIUS-style MD5 */

MWI_EXPORT const char *mw_auth_alg_str(enum mw_auth_alg a)
{
	switch (a) {
	case MW_AUTH_HMAC_MD5: return "hmac-md5";
	case MW_AUTH_KEYED_MD5: return "keyed-md5";
	case MW_AUTH_HMAC_SHA1: return "hmac-sha1";
	case MW_AUTH_MD5_CHAP: return "md5-chap";
	}
	return "?";
}

MWI_EXPORT int mw_auth_alg_parse(const char *s)
{
	static const enum mw_auth_alg all[] = { MW_AUTH_HMAC_MD5,
		MW_AUTH_KEYED_MD5, MW_AUTH_HMAC_SHA1, MW_AUTH_MD5_CHAP };

	for (size_t i = 0; i < G_N_ELEMENTS(all); i++)
		if (g_ascii_strcasecmp(s, mw_auth_alg_str(all[i])) == 0)
			return all[i];
	return 0;
}

static size_t hmac(GChecksumType t, const uint8_t *key, size_t key_len,
		   const uint8_t *data, size_t len, uint8_t *out)
{
	GHmac *h = g_hmac_new(t, key, key_len);
	gsize n = 32;
	uint8_t buf[32];

	g_hmac_update(h, data, (gssize)len);
	g_hmac_get_digest(h, buf, &n);
	g_hmac_unref(h);
	memcpy(out, buf, n);
	return n;
}

/* RFC 2002 / 3344: MD5(key | data | key), "prefix+suffix". */
static size_t keyed_md5(const uint8_t *key, size_t key_len,
			const uint8_t *data, size_t len, uint8_t *out)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_MD5);
	gsize n = 16;

	g_checksum_update(c, key, (gssize)key_len);
	g_checksum_update(c, data, (gssize)len);
	g_checksum_update(c, key, (gssize)key_len);
	g_checksum_get_digest(c, out, &n);
	g_checksum_free(c);
	return n;
}

MWI_EXPORT size_t mw_mip4_auth_compute(enum mw_auth_alg alg,
				       const uint8_t *key, size_t key_len,
				       const uint8_t *covered,
				       size_t covered_len, uint8_t out[20])
{
	switch (alg) {
	case MW_AUTH_HMAC_MD5:
		return hmac(G_CHECKSUM_MD5, key, key_len, covered, covered_len, out);
	case MW_AUTH_HMAC_SHA1:
		return hmac(G_CHECKSUM_SHA1, key, key_len, covered, covered_len, out);
	case MW_AUTH_KEYED_MD5:
		return keyed_md5(key, key_len, covered, covered_len, out);
	case MW_AUTH_MD5_CHAP:
		break; /* needs the challenge: mw_mip4_chap_compute() */
	}
	return 0;
}

MWI_EXPORT size_t mw_mip4_chap_compute(const uint8_t *key, size_t key_len,
				       const uint8_t *covered,
				       size_t covered_len,
				       const uint8_t *challenge,
				       size_t challenge_len, uint8_t out[16])
{
	uint8_t inner[16];
	gsize n = 16;
	GChecksum *c;
	size_t tail = challenge_len < 237 ? challenge_len : 237;

	if (challenge_len == 0)
		return 0;
	c = g_checksum_new(G_CHECKSUM_MD5);
	g_checksum_update(c, covered, (gssize)covered_len);
	g_checksum_get_digest(c, inner, &n);
	g_checksum_reset(c);
	g_checksum_update(c, challenge, 1);
	g_checksum_update(c, key, (gssize)key_len);
	g_checksum_update(c, inner, 16);
	g_checksum_update(c, challenge + challenge_len - tail, (gssize)tail);
	n = 16;
	g_checksum_get_digest(c, out, &n);
	g_checksum_free(c);
	return n;
}

MWI_EXPORT bool mw_mip4_auth_layout(const struct mw_packet *pkt, int elem,
				    uint32_t *covered_len, uint32_t *spi,
				    uint32_t *auth_off, uint32_t *auth_len)
{
	const struct mw_elem *e;
	const struct mw_msg *m;
	uint32_t spi_off;

	if (elem < 0 || elem >= pkt->n_elems)
		return false;
	e = &pkt->elems[elem];
	if (e->reg != MW_REG_MIP4_EXT || e->msg >= pkt->n_msgs)
		return false;
	m = &pkt->msgs[e->msg];
	switch (e->type) {
	case 32: case 33: case 34: /* type, length, SPI, authenticator */
		spi_off = e->off + 2;
		break;
	case 36: /* type, subtype, length(2), SPI, authenticator (RFC 4721 5) */
		spi_off = e->off + 4;
		break;
	default:
		return false;
	}
	if (e->status != MW_OK || spi_off + 4 > e->off + e->len ||
	    e->off + e->len > pkt->caplen || spi_off < m->off)
		return false;
	*spi = mw_load_be32(pkt->data + spi_off);
	*covered_len = spi_off + 4 - m->off;
	*auth_off = spi_off + 4;
	*auth_len = e->off + e->len - *auth_off;
	return true;
}

/* The last MN-FA Challenge extension (type 132) before `elem` in its
 * message, for CHAP_SPI. */
static const struct mw_elem *challenge_before(const struct mw_packet *pkt,
					      int elem)
{
	const struct mw_elem *e = &pkt->elems[elem];
	const struct mw_msg *m = &pkt->msgs[e->msg];
	const struct mw_elem *found = NULL;

	for (int i = m->elem_first; i < elem; i++)
		if (pkt->elems[i].reg == MW_REG_MIP4_EXT &&
		    pkt->elems[i].type == 132 && pkt->elems[i].depth == 0)
			found = &pkt->elems[i];
	return found;
}

MWI_EXPORT int mw_mip4_auth_verify(const struct mw_packet *pkt, int elem,
				   enum mw_auth_alg alg, const uint8_t *key,
				   size_t key_len)
{
	uint32_t covered, spi, aoff, alen;
	const uint8_t *msg;
	uint8_t want[20];
	size_t n;

	if (!mw_mip4_auth_layout(pkt, elem, &covered, &spi, &aoff, &alen))
		return -1;
	msg = pkt->data + pkt->msgs[pkt->elems[elem].msg].off;
	if (alg == MW_AUTH_MD5_CHAP || (spi == MW_CHAP_SPI && alg == 0)) {
		const struct mw_elem *ch = challenge_before(pkt, elem);

		if (!ch || ch->body_off + ch->body_len > pkt->caplen)
			return -1;
		n = mw_mip4_chap_compute(key, key_len, msg, covered,
					 pkt->data + ch->body_off,
					 ch->body_len, want);
	} else {
		n = mw_mip4_auth_compute(alg, key, key_len, msg, covered, want);
	}
	if (n == 0)
		return -1;
	return alen == n && memcmp(want, pkt->data + aoff, n) == 0;
}
