/* Agent advertisement / solicitation: build, decode, extensions. */
#include <string.h>

#include "mip4_test.h"

static uint8_t buf[1024];
static struct mw_packet pkt;

static void test_adv_roundtrip(void)
{
	static const uint32_t ra[] = { 0xc0a80001 };
	static const uint32_t coas[] = { 0xc0a80001, 0xc0a80002 };
	static const uint8_t plen[] = { 24 }, chal[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const uint8_t nai[] = "fa@visited.example";
	struct mw_mip4_adv_spec a = {
		.lifetime = 1800, .num_addrs = 1, .router_addrs = ra,
		.has_maa = true, .seq = 7, .reg_lifetime = 600, .maa_flags = 0xffe0,
		.n_coa = 2, .coas = coas,
		.n_prefix_len = 1, .prefix_lens = plen,
		.challenge_len = 8, .challenge = chal,
	};
	struct mw_mip4_ext_spec x[3];
	const struct mw_mip4_adv *v;
	struct mw_wbuf w;
	static const char *flags[] = { "r", "b", "h", "f", "m", "g", "rsv_r", "t", "u", "x", "i" };
	const struct mw_reg_entry *maa = mw_reg_lookup(MW_REG_MIP4_ADV_EXT, 16);

	memset(x, 0, sizeof(x));
	x[0].type = 136; x[0].subtype = 3; x[0].data = nai; x[0].len = sizeof(nai) - 1;
	x[1].type = 0;
	x[2].type = 21; x[2].data = (const uint8_t *)"\x02\x00\x0a\x00\x00\x09"; x[2].len = 6;
	for (int i = 0; i < 3; i++)
	mw_wbuf_init(&w, buf, sizeof(buf));
	CU_ASSERT_EQUAL_FATAL(mw_mip4_adv_build(&w, &a, x, 3), MW_OK);
	CU_ASSERT_EQUAL(mw_csum_fold(mw_csum_add(0, buf, w.len)), 0xffff);
	CU_ASSERT_EQUAL(t_decode_icmp(&pkt, buf, w.len, w.len), MW_OK);
	CU_ASSERT_EQUAL_FATAL(pkt.n_msgs, 1);
	CU_ASSERT_EQUAL(pkt.msgs[0].kind, MW_MSG_MIP4_ADV);
	v = &pkt.msgs[0].u.adv;
	CU_ASSERT_EQUAL(v->num_addrs, 1);
	CU_ASSERT_EQUAL(v->addr_entry_size, 2);
	CU_ASSERT_EQUAL(v->lifetime, 1800);
	CU_ASSERT_EQUAL(v->addrs_off, 8);
	CU_ASSERT(v->has_maa);
	CU_ASSERT_EQUAL(v->seq, 7);
	CU_ASSERT_EQUAL(v->reg_lifetime, 600);
	CU_ASSERT_EQUAL(v->maa_flags, 0xffe0);
	CU_ASSERT_EQUAL(v->n_coa, 2);
	CU_ASSERT_EQUAL(mw_load_be32(buf + v->coa_off + 4), 0xc0a80002);
	CU_ASSERT(v->has_prefix_len);
	CU_ASSERT_EQUAL(buf[v->prefix_len_off], 24);
	CU_ASSERT(v->has_challenge);
	CU_ASSERT_EQUAL(v->challenge_len, 8);
	CU_ASSERT_EQUAL_FATAL(pkt.n_elems, 6);
	CU_ASSERT_EQUAL(pkt.elems[3].type, 136);
	CU_ASSERT_EQUAL(pkt.elems[3].subtype, 3);
	CU_ASSERT_EQUAL(pkt.elems[4].len, 1);
	CU_ASSERT_EQUAL(pkt.elems[5].type, 21);
	CU_ASSERT_EQUAL(pkt.elems[5].len, 8);
	CU_ASSERT_EQUAL(pkt.n_notes, 0);
	for (unsigned i = 0; i < pkt.n_elems; i++) {
		const struct mw_reg_entry *row = mw_elem_row(&pkt.elems[i]);

		CU_ASSERT_EQUAL(pkt.elems[i].status, MW_OK);
		t_check_layout(&pkt, pkt.elems[i].off, pkt.elems[i].len, row);
	}
	/* every MAA flag is a FLAG field reading 1 */
	for (unsigned i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		bool found = false;

		for (unsigned j = 0; j < maa->n_fields; j++) {
			struct mw_fval fv;

			if (strcmp(maa->fields[j].key, flags[i]))
				continue;
			found = true;
			CU_ASSERT_EQUAL(maa->fields[j].type, MW_FT_FLAG);
			CU_ASSERT(mw_field_read(&pkt, pkt.elems[0].off, pkt.elems[0].len,
						&maa->fields[j], &fv));
			CU_ASSERT_EQUAL(fv.u, 1);
		}
		CU_ASSERT(found);
	}
}

/* Unknown extensions, even short ones, are skipped by their length. */
static void test_adv_unknown_short(void)
{
	static const uint8_t adv[] = {
		9, 0, 0, 0, 0, 2, 0, 30,
		16, 6, 0, 1, 0, 100, 0x10, 0,
		77, 0,          /* unknown, empty */
		200, 1, 0xaa,   /* unknown skippable, 1 byte */
		19, 1, 16,
	};
	CU_ASSERT_EQUAL(t_decode_icmp(&pkt, adv, sizeof(adv), sizeof(adv)), MW_OK);
	CU_ASSERT_EQUAL_FATAL(pkt.n_elems, 4);
	CU_ASSERT_EQUAL(pkt.elems[1].status, MW_E_UNKNOWN);
	CU_ASSERT_EQUAL(pkt.elems[2].status, MW_E_UNKNOWN);
	CU_ASSERT(pkt.msgs[0].u.adv.has_prefix_len);
	CU_ASSERT(pkt.msgs[0].u.adv.has_maa);
	CU_ASSERT_EQUAL(pkt.msgs[0].u.adv.n_coa, 0);
	/* truncated inside the MAA: TRUNC, not a crash */
	CU_ASSERT_EQUAL(t_decode_icmp(&pkt, adv, sizeof(adv), 12), MW_E_TRUNC);
}

static void test_solicitation_and_others(void)
{
	struct mw_mip4_adv_spec a = { .solicitation = true };
	struct mw_mip4_ext_spec x = MW_MIP4_EXT_SPEC_INIT;
	uint8_t ap[5] = { 6, 0, 0, 0, 42 };
	struct mw_wbuf w;
	static const uint8_t echo[] = { 8, 0, 0, 0, 0, 1, 0, 1 };

	x.type = 140; /* GLLA, sub-type 6 AP ID */
	x.subtype = 6;
	x.data = ap + 1;
	x.len = 4;
	mw_wbuf_init(&w, buf, sizeof(buf));
	CU_ASSERT_EQUAL_FATAL(mw_mip4_adv_build(&w, &a, &x, 1), MW_OK);
	CU_ASSERT_EQUAL(w.len, 8 + 7);
	CU_ASSERT_EQUAL(t_decode_icmp(&pkt, buf, w.len, w.len), MW_OK);
	CU_ASSERT_EQUAL_FATAL(pkt.n_msgs, 1);
	CU_ASSERT_EQUAL(pkt.msgs[0].kind, MW_MSG_MIP4_SOL);
	CU_ASSERT_EQUAL_FATAL(pkt.n_elems, 1);
	CU_ASSERT_EQUAL(pkt.elems[0].subtype, 6);
	CU_ASSERT_EQUAL(pkt.elems[0].status, MW_OK);
	CU_ASSERT_PTR_NOT_NULL(mw_mip4_sub_row(&pkt.elems[0]));
	CU_ASSERT_EQUAL(t_decode_icmp(&pkt, echo, sizeof(echo), sizeof(echo)), MW_OK);
	CU_ASSERT_EQUAL(pkt.n_msgs, 0);
}

void add_adv_tests(void)
{
	CU_pSuite s = CU_add_suite("mip4-adv", NULL, NULL);

	CU_add_test(s, "advertisement roundtrip", test_adv_roundtrip);
	CU_add_test(s, "unknown and short extensions", test_adv_unknown_short);
	CU_add_test(s, "solicitation, other ICMP", test_solicitation_and_others);
}
