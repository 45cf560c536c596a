/* Authenticators verified on a capture: every MN-HA / MN-FA / FA-HA
 * extension of the shipped MIPv4 sample checks out with the key that
 * samples.keys gives for its SPI and home address, and fails once one
 * bit of the covered bytes changes. */
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "mipwire/mipwire.h"

const char *crypto_test_srcdir;  /* the project root, from main() */

static enum mw_sa_kind kind_of(uint8_t type)
{
	return type == 32 ? MW_SA_MN_HA : type == 33 ? MW_SA_MN_FA : MW_SA_FA_HA;
}

static void test_sample_authenticators(void)
{
	char path[1024], err[256];
	struct mw_keys *keys;
	struct mw_capture *c;
	struct mw_frame f;
	static struct mw_packet pkt;
	int good = 0, kinds = 0;

	snprintf(path, sizeof(path), "%s/captures/samples.keys", crypto_test_srcdir);
	keys = mw_keys_load(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(keys);
	snprintf(path, sizeof(path), "%s/captures/mip4-registration.pcap", crypto_test_srcdir);
	c = mw_capture_open(path, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	while (mw_capture_next(c, &f) == 1) {
		CU_ASSERT_EQUAL(mw_decode(&pkt, f.linktype, f.data, f.caplen,
					  f.wirelen, NULL), MW_OK);
		for (int i = 0; i < pkt.n_elems; i++) {
			const struct mw_elem *e = &pkt.elems[i];
			const struct mw_msg *m;
			struct mw_sa_query q = { 0 };
			const struct mw_sa *sa;
			uint32_t covered, spi, aoff, alen;
			uint8_t copy[2048];
			static struct mw_packet bad;

			if (e->reg != MW_REG_MIP4_EXT || e->type < 32 || e->type > 34)
				continue;
			CU_ASSERT_TRUE_FATAL(mw_mip4_auth_layout(&pkt, i, &covered,
								 &spi, &aoff, &alen));
			m = &pkt.msgs[e->msg];
			q.kind = kind_of(e->type);
			q.has_spi = true;
			q.spi = spi;
			q.has_hoa4 = true;
			q.hoa4 = m->code == MW_MIP4_RRQ ? m->u.mip4.u.rrq.hoa
				 : m->u.mip4.u.rrp.hoa;
			sa = mw_keys_find(keys, &q);
			CU_ASSERT_PTR_NOT_NULL_FATAL(sa);
			CU_ASSERT_EQUAL(mw_mip4_auth_verify(&pkt, i,
				(enum mw_auth_alg)sa->alg, sa->key, sa->key_len), 1);
			good++;
			kinds |= 1 << (e->type - 32);
			/* one bit of the covered bytes changed: bad */
			CU_ASSERT_FATAL(f.caplen <= sizeof(copy));
			memcpy(copy, f.data, f.caplen);
			copy[m->off + 2] ^= 0x01;   /* lifetime / code area */
			mw_decode(&bad, f.linktype, copy, f.caplen, f.wirelen, NULL);
			CU_ASSERT_EQUAL(mw_mip4_auth_verify(&bad, i,
				(enum mw_auth_alg)sa->alg, sa->key, sa->key_len), 0);
			/* the wrong key: bad */
			CU_ASSERT_EQUAL(mw_mip4_auth_verify(&pkt, i,
				(enum mw_auth_alg)sa->alg, (const uint8_t *)"nope", 4), 0);
		}
	}
	mw_capture_close(c);
	mw_keys_free(keys);
	CU_ASSERT(good >= 20);
	CU_ASSERT_EQUAL(kinds, 7);   /* MN-HA, MN-FA and FA-HA all seen */
}

/* The MH checksum of Zeek's good / bad checksum captures. */
static void test_mh_checksum_captures(void)
{
	static const char *files[2] = { "mip6-good-mh-chksum.pcap", "mip6-bad-mh-chksum.pcap" };
	char path[1024], err[256];

	for (int k = 0; k < 2; k++) {
		struct mw_capture *c;
		struct mw_frame f;
		static struct mw_packet pkt;
		int seen = 0;

		snprintf(path, sizeof(path), "%s/../shared/captures/zeek/%s",
			 crypto_test_srcdir, files[k]);
		c = mw_capture_open(path, err, sizeof(err));
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		while (mw_capture_next(c, &f) == 1) {
			mw_decode(&pkt, f.linktype, f.data, f.caplen, f.wirelen, NULL);
			for (int i = 0; i < pkt.n_msgs; i++) {
				struct mw_in6 src, dst;
				const struct mw_msg *m = &pkt.msgs[i];

				if (m->kind != MW_MSG_MH)
					continue;
				CU_ASSERT_TRUE_FATAL(mw_mh_pseudo_addrs(&pkt, i, &src, &dst));
				CU_ASSERT_EQUAL(mw_mh_checksum(&src, &dst, pkt.data + m->off,
							       m->len) == m->u.mh.csum, k == 0);
				CU_ASSERT_EQUAL(m->u.mh.csum_ok, k == 0 ? 1 : 0);
				seen++;
			}
		}
		mw_capture_close(c);
		CU_ASSERT_EQUAL(seen, 1);
	}
}

void add_capture_tests(void)
{
	CU_pSuite s = CU_add_suite("crypto-captures", NULL, NULL);

	CU_add_test(s, "sample authenticators", test_sample_authenticators);
	CU_add_test(s, "MH checksum, zeek captures", test_mh_checksum_captures);
}
