/* Authenticators and checksums of Mobile IP, computed with GLib's GHmac /
 * GChecksum (never hand-written). */
#ifndef MIPWIRE_CRYPTO_H
#define MIPWIRE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

struct mw_packet;

/* MIPv4 authentication algorithms (SPI-selected, RFC 5944 3.5.1). */
enum mw_auth_alg {
	MW_AUTH_HMAC_MD5 = 1,       /* RFC 5944 default: HMAC-MD5 over the covered bytes */
	MW_AUTH_KEYED_MD5 = 2,      /* RFC 2002 / 3344 prefix+suffix keyed MD5 */
	MW_AUTH_HMAC_SHA1 = 3,      /* RFC 4285-style / vendor use */
	MW_AUTH_MD5_CHAP = 4,       /* RFC 3012 MN-AAA: MD5(high byte of SPI | secret | data | challenge) */
};

const char *mw_auth_alg_str(enum mw_auth_alg a);
/* "hmac-md5", "keyed-md5", "hmac-sha1", "md5-chap" -> alg; 0 if unknown. */
int mw_auth_alg_parse(const char *s);

/* Compute a MIPv4 authenticator over `covered` (the UDP payload from the
 * message start through the authentication extension's SPI). out must hold
 * 20 bytes; returns the authenticator length (16 or 20), 0 on error. */
size_t mw_mip4_auth_compute(enum mw_auth_alg alg, const uint8_t *key,
			    size_t key_len, const uint8_t *covered,
			    size_t covered_len, uint8_t out[20]);

/* RFC 4721 8 (CHAP_SPI = 2): MD5(challenge[0] | key | MD5(covered) |
 * last min(237, n) bytes of the challenge). Returns 16, 0 on error. */
size_t mw_mip4_chap_compute(const uint8_t *key, size_t key_len,
			    const uint8_t *covered, size_t covered_len,
			    const uint8_t *challenge, size_t challenge_len,
			    uint8_t out[16]);

/* Where the authentication extension elem (32, 33, 34 or 36) of a decoded
 * MIPv4 message puts things: covered bytes (from the message start through
 * the SPI), SPI value, authenticator offset and length. False if elem is not
 * a complete authentication extension. */
bool mw_mip4_auth_layout(const struct mw_packet *pkt, int elem,
			 uint32_t *covered_len, uint32_t *spi,
			 uint32_t *auth_off, uint32_t *auth_len);

/* Verify the authentication extension elem (index into pkt->elems) of a
 * decoded MIPv4 message with the given key. 1 good, 0 bad, -1 not
 * verifiable (truncated, not an authentication extension). */
int mw_mip4_auth_verify(const struct mw_packet *pkt, int elem,
			enum mw_auth_alg alg, const uint8_t *key,
			size_t key_len);

/* Internet checksum (RFC 1071) over data, folded, not complemented. */
uint32_t mw_csum_add(uint32_t sum, const uint8_t *data, size_t len);
uint16_t mw_csum_fold(uint32_t sum);

/* MH checksum (RFC 6275 6.1.1): pseudo-header with src (the Home Address
 * when a HAO is present) and dst (the type 2 RH address when present),
 * upper-layer length = len, next header 135; the checksum field inside mh
 * is taken as zero. Returns the value to store. */
uint16_t mw_mh_checksum(const struct mw_in6 *src, const struct mw_in6 *dst,
			const uint8_t *mh, size_t len);

/* The pseudo-header addresses for the MH of message `msg` in pkt (HAO and
 * type 2 RH applied). False when they cannot be determined. */
bool mw_mh_pseudo_addrs(const struct mw_packet *pkt, int msg,
			struct mw_in6 *src, struct mw_in6 *dst);

/* Return routability (RFC 6275 5.2.x), HMAC-SHA1 via GHmac.
 * keygen token = First(64, HMAC_SHA1(Kcn, addr | nonce | 0 (home) / 1 (care-of))) */
void mw_rr_keygen(const uint8_t kcn[20], const struct mw_in6 *addr,
		  const uint8_t nonce[8], bool care_of, uint8_t out[8]);
/* Kbm = SHA1(home keygen | care-of keygen) (or home keygen only for a
 * deregistration: care_of == NULL). */
void mw_rr_kbm(const uint8_t home_keygen[8], const uint8_t care_of_keygen[8],
	       uint8_t kbm[20]);
/* Binding Authorization Data authenticator:
 * First(96, HMAC_SHA1(Kbm, CoA | CN address | MH data)); mh is the MH up to
 * (excluding) the authenticator; its checksum field is taken as zero. */
void mw_rr_bad_auth(const uint8_t kbm[20], const struct mw_in6 *coa,
		    const struct mw_in6 *cn, const uint8_t *mh, size_t mh_len,
		    uint8_t out[12]);

/* RFC 4285 Mobility Message Authentication option:
 * First(96, HMAC_SHA1(key, CoA | HoA | MH data through the mobility SPI)),
 * with the MH checksum taken as zero. */
void mw_mh_auth_4285(const uint8_t *key, size_t key_len,
		     const struct mw_in6 *coa, const struct mw_in6 *hoa,
		     const uint8_t *mh, size_t mh_len, uint8_t out[12]);

#ifdef __cplusplus
}
#endif
#endif
