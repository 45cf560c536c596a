/* parse(build(x)) == x for every MH type and every mobility option of the
 * registry, per-type minimum lengths, alignment notes, truncation at every
 * byte, bad lengths, ICMPv6 messages, and the Scapy oracle. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mip6_test.h"

static struct mw_packet pkt;

static size_t build_mh(uint8_t *buf, size_t cap, const struct mw_mh_build_spec *s)
{
	struct mw_wbuf w;

	mw_wbuf_init(&w, buf, cap);
	CU_ASSERT_EQUAL_FATAL(mw_mh_build(&w, s), MW_OK);
	return w.len;
}

/* Every MH type: fixed part = a byte pattern, decode, compare. */
static void test_types(void)
{
	const struct mw_registry *reg = mw_registry_get(MW_REG_MH_TYPE);

	for (const struct mw_reg_entry *r = mw_reg_first(reg); r;
	     r = mw_reg_next(reg, r)) {
		uint8_t fixed[64], buf[128];
		struct mw_mh mh;
		size_t n = r->min_len - 6u, len;

		for (size_t i = 0; i < n; i++)
			fixed[i] = (uint8_t)(0x10 + i);
		if (r->code == MW_MH_HAS) {  /* one home agent address */
			fixed[0] = 1;
			memset(fixed + 2, 0xaa, 16);
			n = 18;
		}
		mw_mh_init(&mh, (uint8_t)r->code);
		len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
			.mh = &mh, .fixed = fixed, .fixed_len = n, .pad_to_8 = true });
		CU_ASSERT_EQUAL(len % 8, 0);
		CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
		CU_ASSERT_EQUAL_FATAL(pkt.n_msgs, 1);
		CU_ASSERT_EQUAL(pkt.msgs[0].kind, MW_MSG_MH);
		CU_ASSERT_EQUAL(pkt.msgs[0].code, r->code);
		CU_ASSERT_EQUAL(pkt.msgs[0].status, MW_OK);
		CU_ASSERT_EQUAL(pkt.msgs[0].u.mh.msg_len, len);
		CU_ASSERT_EQUAL(pkt.msgs[0].u.mh.payload_proto, 59);
		CU_ASSERT(pkt.msgs[0].u.mh.known);
		/* every fixed layout field reads the pattern bytes back */
		for (uint16_t i = 0; i < r->n_fields; i++) {
			const struct mw_field *f = &r->fields[i];
			struct mw_fval v;

			if (!f->len || f->off < 6)
				continue;
			CU_ASSERT_FATAL(mw_field_read(&pkt, 0, (uint32_t)len, f, &v));
			CU_ASSERT_EQUAL(memcmp(v.p, fixed + f->off - 6, f->len), 0);
		}
		/* padding after the fixed part is walked as options */
		for (uint16_t e = 0; e < pkt.n_elems; e++)
			CU_ASSERT(pkt.elems[e].type <= MW_MHO_PADN);
		if (r->code == MW_MH_BU) {
			CU_ASSERT_EQUAL(pkt.msgs[0].u.mh.u.bu.seq, 0x1011);
			CU_ASSERT_EQUAL(pkt.msgs[0].u.mh.u.bu.flags, 0x1213);
			CU_ASSERT_EQUAL(pkt.msgs[0].u.mh.u.bu.lifetime, 0x1415);
		}
	}
}

/* The typed structs build and parse back. */
static void test_typed(void)
{
	static const uint8_t types[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

	for (size_t k = 0; k < sizeof(types); k++) {
		struct mw_mh mh, *out;
		uint8_t buf[64];
		size_t len;

		mw_mh_init(&mh, types[k]);
		switch (types[k]) {
		case 1: case 2:
			memcpy(mh.u.init.cookie, "ABCDEFGH", 8);
			break;
		case 3: case 4:
			mh.u.test.nonce_index = 0x0a0b;
			memcpy(mh.u.test.cookie, "cookie!!", 8);
			memcpy(mh.u.test.keygen, "keygen!!", 8);
			break;
		case 5: case 8:
			mh.u.bu = (struct mw_mh_bu){ 777, MW_BU_A | MW_BU_P, 300 };
			break;
		case 6: case 9:
			mh.u.ba = (struct mw_mh_ba){ 130, MW_BA_P | MW_BA_K, 777, 300 };
			break;
		case 7:
			mh.u.be.status = 2;
			memset(mh.u.be.hoa.b, 0x20, 16);
			break;
		}
		len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
			.mh = &mh, .pad_to_8 = true });
		CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
		CU_ASSERT_EQUAL_FATAL(pkt.n_msgs, 1);
		out = &pkt.msgs[0].u.mh;
		CU_ASSERT_EQUAL(out->type, types[k]);
		CU_ASSERT_EQUAL(memcmp(&out->u, &mh.u, sizeof(mh.u)), 0);
		CU_ASSERT_EQUAL(out->proxy, types[k] == 5 || types[k] == 6);
	}
}

/* Every mobility option of the registry in a BU, aligned. */
static void test_options(void)
{
	const struct mw_registry *reg = mw_registry_get(MW_REG_MH_OPT);

	for (const struct mw_reg_entry *r = mw_reg_first(reg); r;
	     r = mw_reg_next(reg, r)) {
		uint8_t data[64], buf[256];
		struct mw_mh mh;
		struct mw_mh_opt_spec o = { .type = (uint8_t)r->code, .data = data };
		size_t len;
		int found = -1;

		if (r->code == MW_MHO_PAD1)
			continue;
		o.len = r->min_len - 2u;
		for (size_t i = 0; i < sizeof(data); i++)
			data[i] = (uint8_t)(0x40 + i);
		if (r->sub) {  /* one valid sub-option at the sub-option start */
			size_t at = r->code == MW_MHO_FLOW_ID ? 6 : 0;

			data[at] = 2;
			data[at + 1] = r->code == MW_MHO_FLOW_ID ? 2 : 6;
			o.len = at + 2 + data[at + 1];
		}
		mw_mh_init(&mh, MW_MH_BU);
		len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
			.mh = &mh, .opts = &o, .n_opts = 1, .align = true });
		CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
		CU_ASSERT_EQUAL(t_count_notes(&pkt, NULL), 0);
		for (uint16_t e = 0; e < pkt.n_elems; e++)
			if (pkt.elems[e].type == r->code && pkt.elems[e].depth == 0)
				found = e;
		CU_ASSERT_FATAL(found >= 0);
		CU_ASSERT_EQUAL(pkt.elems[found].status, MW_OK);
		CU_ASSERT_EQUAL(pkt.elems[found].body_len, o.len);
		CU_ASSERT_EQUAL(memcmp(buf + pkt.elems[found].body_off, data, o.len), 0);
		if (r->align_n)
			CU_ASSERT_EQUAL(pkt.elems[found].off % r->align_n, r->align_k);
		if (r->sub) {
			CU_ASSERT_FATAL(pkt.n_elems >= found + 2);
			CU_ASSERT_EQUAL(pkt.elems[found + 1].depth, 1);
			CU_ASSERT_EQUAL(pkt.elems[found + 1].reg, r->sub);
			CU_ASSERT_EQUAL(pkt.elems[found + 1].type, 2);
			CU_ASSERT_EQUAL(pkt.elems[found + 1].status, MW_OK);
		}
		if (r->min_len != r->max_len) {
			/* a length above the maximum is reported */
			if (r->max_len < 257) {
				o.len = r->max_len - 1u;
				memset(data, 0, sizeof(data));
				len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
					.mh = &mh, .opts = &o, .n_opts = 1, .align = true });
				t_decode_mh(&pkt, buf, len, len);
				CU_ASSERT_EQUAL(t_count_notes(&pkt, "mh.opt.len"), 1);
			}
		} else if (r->min_len > 2) {
			o.len = r->min_len - 3u;  /* one byte short */
			len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
				.mh = &mh, .opts = &o, .n_opts = 1, .align = true });
			CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
			CU_ASSERT_EQUAL(t_count_notes(&pkt, "mh.opt.len"), 1);
			CU_ASSERT_EQUAL(pkt.msgs[0].status, MW_E_MALFORMED);
		}
	}
}

/* A message shorter than its type's minimum: note + message status. */
static void test_min_len(void)
{
	const struct mw_registry *reg = mw_registry_get(MW_REG_MH_TYPE);

	for (const struct mw_reg_entry *r = mw_reg_first(reg); r;
	     r = mw_reg_next(reg, r)) {
		uint8_t buf[64] = { 59, 0, (uint8_t)r->code };
		size_t len = (r->min_len - 1u) / 8u * 8u;

		if (r->min_len <= 8)
			continue;
		buf[1] = (uint8_t)(len / 8 - 1);
		CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
		CU_ASSERT_EQUAL(pkt.msgs[0].status, MW_E_MALFORMED);
		CU_ASSERT_EQUAL(t_count_notes(&pkt, "mh.hdr_len"), 1);
		CU_ASSERT_EQUAL(pkt.notes[0].offset, 1);
	}
}

/* Alt CoA right after a BU (offset 12, not 8n+6): one alignment note,
 * decode goes on. */
static void test_alignment(void)
{
	uint8_t coa[16] = { 0x20, 0x01, 0x0d, 0xb8 }, buf[64];
	struct mw_mh_opt_spec o[2] = {
		{ .type = MW_MHO_ALT_COA, .data = coa, .len = 16 },
		{ .type = MW_MHO_BRA, .data = (const uint8_t *)"\0\x10", .len = 2 },
	};
	struct mw_mh mh;
	size_t len;

	mw_mh_init(&mh, MW_MH_BU);
	len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
		.mh = &mh, .opts = o, .n_opts = 2, .pad_to_8 = true });
	CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
	CU_ASSERT_EQUAL(t_count_notes(&pkt, "mh.opt.align"), 1);
	CU_ASSERT_EQUAL(pkt.notes[0].offset, 12);
	CU_ASSERT(pkt.n_elems >= 2);
	/* with align the same options need no note */
	len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
		.mh = &mh, .opts = o, .n_opts = 2, .align = true });
	CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
	CU_ASSERT_EQUAL(t_count_notes(&pkt, NULL), 0);
}

/* Capture cut at every byte: TRUNC, never MALFORMED, never a crash. */
static void test_truncation(void)
{
	uint8_t coa[16] = { 1 }, ni[4] = { 0, 1, 0, 2 }, fid[10] = { 0, 1, 0, 2, 0, 0, 4, 2, 0, 11 };
	struct mw_mh_opt_spec o[3] = {
		{ .type = MW_MHO_NONCE_IDX, .data = ni, .len = 4 },
		{ .type = MW_MHO_ALT_COA, .data = coa, .len = 16 },
		{ .type = MW_MHO_FLOW_ID, .data = fid, .len = 10 },
	};
	uint8_t buf[128];
	struct mw_mh mh;
	size_t len;

	mw_mh_init(&mh, MW_MH_BU);
	len = build_mh(buf, sizeof(buf), &(struct mw_mh_build_spec){
		.mh = &mh, .opts = o, .n_opts = 3, .align = true });
	CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, len, len), MW_OK);
	for (size_t cut = 0; cut < len; cut++) {
		CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, cut, len), MW_E_TRUNC);
		CU_ASSERT(pkt.diag.offset <= cut);
	}
}

/* Declared lengths that contradict: MALFORMED at the length field. */
static void test_bad_lengths(void)
{
	uint8_t buf[64] = { 59, 1, MW_MH_BU, 0, 0, 0, 0, 1, 0x80, 0, 0, 1,
			    MW_MHO_ALT_COA, 16 };
	/* option length 16 at offset 13 runs past the 16-byte message */
	CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, 16, 16), MW_E_MALFORMED);
	CU_ASSERT_EQUAL(pkt.diag.offset, 13);
	CU_ASSERT_STRING_EQUAL(pkt.diag.field, "mh.opt.len");
	CU_ASSERT_EQUAL(pkt.msgs[0].status, MW_E_MALFORMED);
	/* header length beyond the payload */
	buf[1] = 3;
	CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, 16, 16), MW_E_MALFORMED);
	CU_ASSERT_EQUAL(pkt.diag.offset, 1);
	CU_ASSERT_STRING_EQUAL(pkt.diag.field, "mh.hdr_len");
	CU_ASSERT_EQUAL(pkt.msgs[0].u.mh.u.bu.seq, 1);
	/* unknown option: note, skipped */
	buf[1] = 1;
	buf[12] = 200;
	buf[13] = 2;
	CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, 16, 16), MW_OK);
	CU_ASSERT_EQUAL(t_count_notes(&pkt, "mh.opt.type"), 1);
	/* unknown type; payload proto not 59 */
	buf[0] = 6;
	buf[2] = 99;
	CU_ASSERT_EQUAL(t_decode_mh(&pkt, buf, 16, 16), MW_OK);
	CU_ASSERT_EQUAL(pkt.msgs[0].status, MW_E_UNKNOWN);
	CU_ASSERT_EQUAL(t_count_notes(&pkt, "mh.payload_proto"), 1);
	/* builder refuses a non-8n message without an explicit length */
	{
		struct mw_mh mh;
		struct mw_wbuf w;

		mw_mh_init(&mh, MW_MH_BU);
		mw_wbuf_init(&w, buf, sizeof(buf));
		CU_ASSERT_EQUAL(mw_mh_build(&w, &(struct mw_mh_build_spec){ .mh = &mh }),
				MW_E_INVAL);
		mw_wbuf_init(&w, buf, 10);
		CU_ASSERT_EQUAL(mw_mh_build(&w, &(struct mw_mh_build_spec){
			.mh = &mh, .pad_to_8 = true }), MW_E_NOSPACE);
	}
}

/* ICMPv6 144-147 / 154 build and parse back. */
static void test_icmp6(void)
{
	struct mw_in6 ha[2] = { { { 0x20, 1 } }, { { 0x20, 2 } } };
	uint8_t nd[64], buf[256], pi[30] = { 64, 0xe0 };
	struct mw_wbuf w;
	static const uint8_t types[] = { 144, 145, 146, 147, 154 };
	size_t ndl;

	mw_wbuf_init(&w, nd, sizeof(nd));
	CU_ASSERT_EQUAL(mw_nd_opt_put(&w, MW_ND_PREFIX_INFO, pi, sizeof(pi)), MW_OK);
	ndl = w.len;
	CU_ASSERT_EQUAL(ndl, 32);
	for (size_t k = 0; k < sizeof(types); k++) {
		struct mw_icmp6_mip_build_spec s = {
			.type = types[k], .subtype = 2, .ident = 0x4242,
			.flags = types[k] == 147 ? MW_MPA_M : 0,
			.addrs = types[k] == 145 ? ha : NULL,
			.n_addrs = types[k] == 145 ? 2 : 0,
			.nd_opts = types[k] >= 146 ? nd : NULL,
			.nd_opts_len = types[k] >= 146 ? ndl : 0,
		};
		static const struct mw_decode_opts opts = { 0 };
		struct mwi_dec d = { .pkt = &pkt, .opts = &opts };
		struct mw_cur c;

		mw_wbuf_init(&w, buf, sizeof(buf));
		CU_ASSERT_EQUAL(mw_icmp6_mip_build(&w, &s), MW_OK);
		memset(&pkt, 0, sizeof(pkt));
		pkt.data = buf;
		pkt.caplen = (uint32_t)w.len;
		mw_cur_init(&c, buf, w.len, &pkt.diag);
		mwi_decode_icmp6_mip(&d, &c, -1);
		CU_ASSERT_EQUAL(pkt.diag.status, MW_OK);
		CU_ASSERT_EQUAL_FATAL(pkt.n_msgs, 1);
		CU_ASSERT_EQUAL(pkt.msgs[0].kind, MW_MSG_ICMP6);
		CU_ASSERT_EQUAL(pkt.msgs[0].u.icmp6.type, types[k]);
		CU_ASSERT_EQUAL(pkt.msgs[0].u.icmp6.ident, 0x4242);
		if (types[k] == 145)
			CU_ASSERT_EQUAL(pkt.msgs[0].u.icmp6.n_addrs, 2);
		if (types[k] == 147) {
			CU_ASSERT_EQUAL(t_msg_field(&pkt, 0, "m"), 1);
			CU_ASSERT_EQUAL(t_msg_field(&pkt, 0, "o"), 0);
		}
		if (types[k] == 154)
			CU_ASSERT_EQUAL(pkt.msgs[0].u.icmp6.subtype, 2);
		if (types[k] >= 146) {
			CU_ASSERT_EQUAL_FATAL(pkt.n_elems, 1);
			CU_ASSERT_EQUAL(pkt.elems[0].type, MW_ND_PREFIX_INFO);
			CU_ASSERT_EQUAL(pkt.elems[0].status, MW_OK);
		}
		/* an ND option of length 0 is malformed at its length byte */
		if (types[k] >= 146) {
			buf[9] = 0;
			memset(&pkt, 0, sizeof(pkt));
			pkt.data = buf;
			pkt.caplen = (uint32_t)w.len;
			mw_cur_init(&c, buf, w.len, &pkt.diag);
			mwi_decode_icmp6_mip(&d, &c, -1);
			CU_ASSERT_EQUAL(pkt.diag.status, MW_E_MALFORMED);
			CU_ASSERT_EQUAL(pkt.diag.offset, 9);
		}
	}
}

/* Scapy-built messages decode to the field values Scapy was given. */
static void test_scapy(void)
{
	FILE *f = fopen(g_vectors, "r");
	char line[2048];
	int n = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	while (fgets(line, sizeof(line), f)) {
		uint8_t b[512];
		size_t len = 0;
		char *save = NULL, *tok = strtok_r(line, " \n", &save);
		mw_status st;
		bool expect_ok = true;

		if (!tok || strlen(tok) < 16)
			continue;
		for (; tok[2 * len] && len < sizeof(b); len++)
			sscanf(tok + 2 * len, "%2hhx", &b[len]);
		st = t_decode_mh(&pkt, b, len, len);
		n++;
		while ((tok = strtok_r(NULL, " \n", &save))) {
			char *eq = strchr(tok, '=');
			long long want;

			if (!eq)
				continue;
			*eq = '\0';
			want = strtoll(eq + 1, NULL, 0);
			if (!strcmp(tok, "expect")) {
				expect_ok = !strcmp(eq + 1, "ok");
			} else if (!strcmp(tok, "mh.type")) {
				CU_ASSERT_EQUAL(pkt.msgs[0].code, want);
			} else if (!strncmp(tok, "opt.", 4)) {
				const struct mw_registry *r = mw_registry_get(MW_REG_MH_OPT);
				bool found = false;

				for (uint16_t e = 0; e < pkt.n_elems; e++) {
					const struct mw_reg_entry *row = mw_elem_row(&pkt.elems[e]);

					if (row && !strcmp(row->key, tok + 4) &&
					    pkt.elems[e].status == MW_OK)
						found = true;
				}
				(void)r;
				CU_ASSERT(found);
			} else {
				CU_ASSERT_EQUAL(t_msg_field(&pkt, 0, tok), want);
			}
		}
		if (expect_ok) {
			CU_ASSERT_EQUAL(st, MW_OK);
			CU_ASSERT_EQUAL(pkt.msgs[0].status, MW_OK);
			CU_ASSERT_EQUAL(t_count_notes(&pkt, NULL), 0);
		} else {
			CU_ASSERT(st == MW_E_MALFORMED || pkt.msgs[0].status == MW_E_MALFORMED);
		}
	}
	fclose(f);
	CU_ASSERT(n >= 14);
}

void add_roundtrip_tests(void)
{
	CU_pSuite s = CU_add_suite("mip6-roundtrip", NULL, NULL);

	CU_add_test(s, "every MH type", test_types);
	CU_add_test(s, "typed structs", test_typed);
	CU_add_test(s, "every mobility option", test_options);
	CU_add_test(s, "per-type minimum length", test_min_len);
	CU_add_test(s, "alignment notes", test_alignment);
	CU_add_test(s, "truncation at every byte", test_truncation);
	CU_add_test(s, "bad lengths", test_bad_lengths);
	CU_add_test(s, "ICMPv6 144-147 154", test_icmp6);
	CU_add_test(s, "Scapy oracle", test_scapy);
}
