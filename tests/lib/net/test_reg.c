/* The net registries: every layer kind has a layout, layouts fit their
 * rows, field reads on decoded frames give the typed values. */
#include "net_test.h"

static void test_layer_rows(void)
{
	const struct mw_registry *r = mw_registry_get(MW_REG_LAYER);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->key, "layer");
	for (int k = MW_L_ETH; k < MW_L__COUNT; k++) {
		const struct mw_reg_entry *e = mw_reg_lookup(MW_REG_LAYER, (unsigned)k);

		CU_ASSERT_PTR_NOT_NULL(e);
		if (!e)
			continue;
		CU_ASSERT_EQUAL(e->code, k);
		for (unsigned i = 0; i < e->n_fields; i++) {
			const struct mw_field *f = &e->fields[i];

			CU_ASSERT_TRUE(f->key && f->name);
			if (e->max_len != MW_LEN_ANY)
				CU_ASSERT_TRUE(f->off + f->len <= e->max_len);
			for (unsigned j = 0; j < i; j++)
				CU_ASSERT_STRING_NOT_EQUAL(f->key, e->fields[j].key);
		}
	}
	CU_ASSERT_STRING_EQUAL(mw_reg_name(MW_REG_IPPROTO, 135), "Mobility Header");
	CU_ASSERT_STRING_EQUAL(mw_reg_lookup(MW_REG_IPPROTO, 55)->key, "mobile");
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_DST_OPT, 201)->min_len, 18);
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_DST_OPT, 201)->align_n, 8);
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_DST_OPT, 201)->align_k, 6);
	CU_ASSERT_STRING_EQUAL(mw_registry_get(MW_REG_DST_OPT)->key, "dstopt");
	CU_ASSERT_PTR_NULL(mw_reg_lookup(MW_REG_DST_OPT, 2));
}

static const struct mw_field *field(int kind, const char *key)
{
	const struct mw_reg_entry *e = mw_reg_lookup(MW_REG_LAYER, (unsigned)kind);

	for (unsigned i = 0; e && i < e->n_fields; i++)
		if (strcmp(e->fields[i].key, key) == 0)
			return &e->fields[i];
	return NULL;
}

static uint64_t fval(const struct mw_packet *p, int l, const char *key)
{
	const struct mw_field *f = field(p->layers[l].kind, key);
	struct mw_fval v;

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_TRUE(mw_field_read(p, p->layers[l].off, p->layers[l].len, f, &v));
	return v.u;
}

static void test_layouts_match_decode(void)
{
	struct mw_in6 a = nt_in6("2001:db8::1"), b = nt_in6("2001:db8::2"),
		      h = nt_in6("2001:db8::3");
	struct mw_ip6_spec s6 = { .src = a, .dst = b, .rh2 = &h, .tclass = 0x2e,
				  .flow = 0xabcde, .hlim = 7, .frag = true, .frag_id = 99 };
	struct mw_ip4_spec s4 = { .src = 0x01020304, .dst = 0x05060708, .ttl = 3,
				  .tos = 0xb9, .id = 0x55aa, .frag = 0x4000 };
	struct mw_gre_spec g = { .proto = 0x86dd };
	uint8_t f[512];
	struct mw_packet p;
	struct mw_wbuf w;
	struct mw_ipctx o, i;
	size_t go, u;
	struct mw_fval v;

	mw_wbuf_init(&w, f, sizeof f);
	mw_ip4_begin(&w, &s4, MW_IPPROTO_GRE, &o);
	go = mw_gre_begin(&w, &g);
	mw_ip6_begin(&w, &s6, MW_IPPROTO_UDP, &i);
	u = mw_udp_begin(&w, 4191, 99);
	mw_put_bytes(&w, "\x70", 1);
	mw_udp_end(&w, u, &i, MW_CSUM_COMPUTE);
	mw_ip6_end(&w, &i, &s6);
	mw_gre_end(&w, go, &g);
	mw_ip4_end(&w, &o, &s4);
	CU_ASSERT_EQUAL_FATAL(nt_dec(&p, MW_LINK_RAW, f, w.len), MW_OK);
	/* ip4 */
	CU_ASSERT_EQUAL(fval(&p, 0, "version"), 4);
	CU_ASSERT_EQUAL(fval(&p, 0, "ihl"), 5);
	CU_ASSERT_EQUAL(fval(&p, 0, "dscp"), 0xb9 >> 2);
	CU_ASSERT_EQUAL(fval(&p, 0, "ecn"), 1);
	CU_ASSERT_EQUAL(fval(&p, 0, "total_len"), p.layers[0].u.ip4.total_len);
	CU_ASSERT_EQUAL(fval(&p, 0, "id"), 0x55aa);
	CU_ASSERT_EQUAL(fval(&p, 0, "df"), 1);
	CU_ASSERT_EQUAL(fval(&p, 0, "mf"), 0);
	CU_ASSERT_EQUAL(fval(&p, 0, "ttl"), 3);
	CU_ASSERT_EQUAL(fval(&p, 0, "proto"), 47);
	CU_ASSERT_EQUAL(fval(&p, 0, "csum"), p.layers[0].u.ip4.csum);
	CU_ASSERT_EQUAL(fval(&p, 0, "src"), 0x01020304);
	CU_ASSERT_EQUAL(fval(&p, 0, "dst"), 0x05060708);
	/* gre */
	CU_ASSERT_EQUAL(fval(&p, 1, "proto"), 0x86dd);
	CU_ASSERT_EQUAL(fval(&p, 1, "version"), 0);
	/* ip6 */
	CU_ASSERT_EQUAL(fval(&p, 2, "version"), 6);
	CU_ASSERT_EQUAL(fval(&p, 2, "tclass"), 0x2e);
	CU_ASSERT_EQUAL(fval(&p, 2, "flow"), 0xabcde);
	CU_ASSERT_EQUAL(fval(&p, 2, "plen"), p.layers[2].u.ip6.payload_len);
	CU_ASSERT_EQUAL(fval(&p, 2, "next"), 43);
	CU_ASSERT_EQUAL(fval(&p, 2, "hlim"), 7);
	CU_ASSERT_TRUE(mw_field_read(&p, p.layers[2].off, p.layers[2].len,
				     field(MW_L_IP6, "dst"), &v));
	CU_ASSERT_EQUAL(memcmp(v.p, &b, 16), 0);
	/* rh2 */
	CU_ASSERT_EQUAL(fval(&p, 3, "type"), 2);
	CU_ASSERT_EQUAL(fval(&p, 3, "segleft"), 1);
	CU_ASSERT_EQUAL(fval(&p, 3, "len"), 2);
	CU_ASSERT_TRUE(mw_field_read(&p, p.layers[3].off, p.layers[3].len,
				     field(MW_L_IP6_RH, "home_addr"), &v));
	CU_ASSERT_EQUAL(memcmp(v.p, &h, 16), 0);
	/* frag */
	CU_ASSERT_EQUAL(fval(&p, 4, "id"), 99);
	CU_ASSERT_EQUAL(fval(&p, 4, "m"), 0);
	/* udp */
	CU_ASSERT_EQUAL(fval(&p, 5, "sport"), 4191);
	CU_ASSERT_EQUAL(fval(&p, 5, "len"), 9);
	CU_ASSERT_EQUAL(fval(&p, 5, "csum"), p.layers[5].u.udp.csum);
	/* DSMIPv6 port, first nibble 7: not IP, payload */
	CU_ASSERT_EQUAL(p.layers[6].kind, MW_L_PAYLOAD);
}

void add_reg_tests(void)
{
	CU_pSuite s = CU_add_suite("net-registry", NULL, NULL);

	CU_add_test(s, "layer / ipproto / dstopt rows", test_layer_rows);
	CU_add_test(s, "layouts read what the decoder decoded", test_layouts_match_decode);
}
