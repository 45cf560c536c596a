/* parse(build(x)) == x for every message type and every extension (and
 * every extension sub-type) in the registries. */
#include <string.h>

#include "mip4_test.h"

static uint8_t buf[4096];
static struct mw_packet pkt;

static void check_typed(const struct mw_mip4 *in, const struct mw_mip4 *out)
{
	switch (in->type) {
	case 1: case 18: case 20:
		CU_ASSERT_EQUAL(out->u.rrq.flags, in->u.rrq.flags);
		CU_ASSERT_EQUAL(out->u.rrq.lifetime, in->u.rrq.lifetime);
		CU_ASSERT_EQUAL(out->u.rrq.hoa, in->u.rrq.hoa);
		CU_ASSERT_EQUAL(out->u.rrq.ha, in->u.rrq.ha);
		CU_ASSERT_EQUAL(out->u.rrq.coa, in->u.rrq.coa);
		CU_ASSERT(out->u.rrq.ident == in->u.rrq.ident);
		break;
	case 3: case 19: case 21:
		CU_ASSERT_EQUAL(out->u.rrp.code, in->u.rrp.code);
		CU_ASSERT_EQUAL(out->u.rrp.lifetime, in->u.rrp.lifetime);
		CU_ASSERT_EQUAL(out->u.rrp.hoa, in->u.rrp.hoa);
		CU_ASSERT_EQUAL(out->u.rrp.ha, in->u.rrp.ha);
		CU_ASSERT(out->u.rrp.ident == in->u.rrp.ident);
		break;
	case 4:
		CU_ASSERT_EQUAL(out->u.tun.next_header, in->u.tun.next_header);
		break;
	case 7:
		CU_ASSERT_EQUAL(out->u.rev.fdaddr, in->u.rev.fdaddr);
		CU_ASSERT_EQUAL(out->u.rev.hdaddr, in->u.rev.hdaddr);
		/* fall through */
	case 15:
		CU_ASSERT_EQUAL(out->u.rev.flags, in->u.rev.flags);
		CU_ASSERT_EQUAL(out->u.rev.hoa, in->u.rev.hoa);
		CU_ASSERT_EQUAL(out->u.rev.rev_id, in->u.rev.rev_id);
		break;
	}
}

static bool typed(uint8_t t)
{
	return t == 1 || t == 3 || t == 4 || t == 7 || t == 15 || t == 18 ||
	       t == 19 || t == 20 || t == 21;
}

static void test_every_message(void)
{
	const struct mw_registry *r = mw_registry_get(MW_REG_MIP4_MSG);
	unsigned n = 0;

	for (const struct mw_reg_entry *row = mw_reg_first(r); row; row = mw_reg_next(r, row), n++) {
		struct mw_mip4 m;
		struct mw_mip4_ext_spec nai;
		struct mw_wbuf w;
		uint8_t rest[64];
		bool ext = row->code != 4 && row->code != 255;
		mw_status st;

		memset(&m, 0, sizeof(m));
		m.type = (uint8_t)row->code;
		m.u.rrq.flags = 0xa6;
		m.u.rrq.lifetime = 1800;
		m.u.rrq.hoa = 0x0a000001;
		m.u.rrq.ha = 0x0a0000fe;
		m.u.rrq.coa = 0xc0a80101;
		m.u.rrq.ident = 0xdeadbeefcafef00dULL;
		if (row->code == 3 || row->code == 19 || row->code == 21) {
			memset(&m.u, 0, sizeof(m.u));
			m.u.rrp.code = 136;
			m.u.rrp.lifetime = 300;
			m.u.rrp.hoa = 0x0a000002;
			m.u.rrp.ha = 0x0a0000fe;
			m.u.rrp.ident = 0x0102030405060708ULL;
		} else if (row->code == 4) {
			memset(&m.u, 0, sizeof(m.u));
			m.u.tun.next_header = 253; /* experimental: payload not decoded */
		} else if (row->code == 7 || row->code == 15) {
			memset(&m.u, 0, sizeof(m.u));
			m.u.rev.flags = row->code == 7 ? 0xc000 : 0x8000;
			m.u.rev.hoa = 0x0a000003;
			m.u.rev.hdaddr = row->code == 7 ? 0x0a0000fe : 0;
			m.u.rev.fdaddr = row->code == 7 ? 0xc0a80101 : 0;
			m.u.rev.rev_id = 0x11223344;
		}
		mw_mip4_spec_nai(&nai, "mn@example.org");
		mw_wbuf_init(&w, buf, sizeof(buf));
		if (typed(m.type)) {
			st = mw_mip4_build(&w, &m, &nai, ext ? 1 : 0);
		} else {
			for (unsigned i = 0; i < sizeof(rest); i++)
				rest[i] = (uint8_t)(0x21 + i);
			st = mw_mip4_build_raw(&w, m.type, rest, row->min_len - 1u, &nai, ext ? 1 : 0);
		}
		CU_ASSERT_EQUAL_FATAL(st, MW_OK);
		if (row->code == 4) {
			/* an opaque payload after the tunnel header */
			mw_put_bytes(&w, "\x01\x02\x03\x04", 4);
		}
		CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, w.len, w.len), MW_OK);
		CU_ASSERT_EQUAL_FATAL(pkt.n_msgs, 1);
		CU_ASSERT_EQUAL(pkt.msgs[0].kind, MW_MSG_MIP4);
		CU_ASSERT_EQUAL(pkt.msgs[0].code, row->code);
		CU_ASSERT(pkt.msgs[0].u.mip4.known);
		CU_ASSERT_EQUAL(pkt.msgs[0].u.mip4.fixed_len, row->min_len);
		CU_ASSERT_EQUAL(pkt.msgs[0].len, w.len);
		check_typed(&m, &pkt.msgs[0].u.mip4);
		t_check_layout(&pkt, 0, row->min_len, row);
		if (ext) {
			CU_ASSERT_EQUAL_FATAL(pkt.msgs[0].elem_count, 1);
			CU_ASSERT_EQUAL(pkt.elems[0].type, 131);
			CU_ASSERT_EQUAL(pkt.elems[0].off, row->min_len);
			CU_ASSERT_EQUAL(pkt.elems[0].body_len, 14);
		}
	}
	CU_ASSERT_EQUAL(n, 18);
}

static size_t hdr_len(uint8_t form)
{
	return form == MW_HDR_PAD1 ? 1 : form == MW_HDR_TLV8 ? 2 : form == MW_HDR_SHORT ? 3 : 4;
}

/* Builds RRQ + one extension of `type`/`sub` of `total` bytes, decodes it,
 * checks the element and both layouts. */
static void one_ext(enum mw_reg_id reg, const struct mw_reg_entry *row,
		    const struct mw_reg_entry *srow, uint8_t sub, size_t total)
{
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec e = MW_MIP4_EXT_SPEC_INIT;
	uint8_t body[600];
	struct mw_wbuf w;
	size_t hl = hdr_len(row->hdr);

	for (unsigned i = 0; i < sizeof(body); i++)
		body[i] = (uint8_t)(0x40 + (i % 60));
	e.type = (uint8_t)row->code;
	e.subtype = sub;
	e.data = body;
	e.len = total - hl;
	if (row->hdr == MW_HDR_PAD1)
		e.len = 0;
	if ((row->code >= 32 && row->code <= 34) || row->code == 36) {
		e.spi = 0x100 + row->code;
		e.auth_len = total - hl - 4;
		if (e.auth_len == 0) { /* empty authenticator: forced, 0 bytes */
			e.forced_auth = body;
			e.forced_auth_len = 0;
		}
	}
	m.u.rrq.lifetime = 60;
	mw_wbuf_init(&w, buf, sizeof(buf));
	CU_ASSERT_EQUAL_FATAL(mw_mip4_build(&w, &m, &e, 1), MW_OK);
	if (w.len != 24 + total)
		fprintf(stderr, "\n  ext %u/%u: built %zu, want %zu\n", row->code, sub, w.len - 24, total);
	CU_ASSERT_EQUAL_FATAL(w.len, 24 + total);
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, w.len, w.len), MW_OK);
	CU_ASSERT_EQUAL_FATAL(pkt.n_elems, 1);
	CU_ASSERT_EQUAL(pkt.elems[0].reg, reg);
	CU_ASSERT_EQUAL(pkt.elems[0].type, row->code);
	CU_ASSERT_EQUAL(pkt.elems[0].subtype, sub);
	CU_ASSERT_EQUAL(pkt.elems[0].len, total);
	CU_ASSERT_EQUAL(pkt.elems[0].body_off, 24 + hl);
	if (pkt.elems[0].status != MW_OK)
		fprintf(stderr, "\n  ext %u/%u total %zu: status %u\n", row->code, sub,
			total, pkt.elems[0].status);
	CU_ASSERT_EQUAL(pkt.elems[0].status, MW_OK);
	CU_ASSERT_EQUAL(pkt.n_notes, 0);
	t_check_layout(&pkt, 24, (uint32_t)total, row);
	if (srow) {
		CU_ASSERT_PTR_EQUAL(mw_mip4_sub_row(&pkt.elems[0]), srow);
		t_check_layout(&pkt, 24, (uint32_t)total, srow);
	}
	if (row->hdr == MW_HDR_TLV8 || row->hdr == MW_HDR_SHORT || row->hdr == MW_HDR_LONG)
		CU_ASSERT(memcmp(buf + 24 + hl, body, total - hl) == 0 ||
			  (row->code >= 32 && row->code <= 36));
}

static size_t pick_total(size_t mn, size_t mx)
{
	size_t t = mn + 8;

	return t > mx ? mx : t;
}

static void test_every_extension(void)
{
	const struct mw_registry *r = mw_registry_get(MW_REG_MIP4_EXT);
	unsigned n = 0, subs = 0;

	for (const struct mw_reg_entry *row = mw_reg_first(r); row; row = mw_reg_next(r, row), n++) {
		const struct mw_registry *sr = mw_mip4_subtypes((uint8_t)row->code, false);

		if (!sr) {
			one_ext(MW_REG_MIP4_EXT, row, NULL, 0, pick_total(row->min_len, row->max_len));
			one_ext(MW_REG_MIP4_EXT, row, NULL, 0, row->min_len);
			continue;
		}
		for (const struct mw_reg_entry *s = mw_reg_first(sr); s; s = mw_reg_next(sr, s), subs++) {
			size_t mn = s->min_len > row->min_len ? s->min_len : row->min_len;
			size_t mx = s->max_len < row->max_len ? s->max_len : row->max_len;

			one_ext(MW_REG_MIP4_EXT, row, s, (uint8_t)s->code, pick_total(mn, mx));
			one_ext(MW_REG_MIP4_EXT, row, s, (uint8_t)s->code, mn);
		}
	}
	CU_ASSERT_EQUAL(n, 42);
	CU_ASSERT(subs >= 40);
}

/* Authenticators computed through crypto cover message start .. SPI. */
static void test_auth_computed(void)
{
	static const uint8_t key[] = "secret-key-0123";
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec e[2];
	struct mw_wbuf w;
	uint8_t out[20];

	mw_mip4_spec_nai(&e[0], "mn@example.org");
	mw_mip4_spec_auth(&e[1], MW_MIP4X_MN_HA_AUTH, 0x1000, MW_AUTH_HMAC_MD5, key, sizeof(key) - 1);
	mw_wbuf_init(&w, buf, sizeof(buf));
	mw_put_zeros(&w, 8); /* pretend UDP header: covered bytes start after it */
	CU_ASSERT_EQUAL_FATAL(mw_mip4_build(&w, &m, e, 2), MW_OK);
	CU_ASSERT_EQUAL(w.len, 8 + 24 + 16 + 22);
	CU_ASSERT_EQUAL(buf[8 + 40], 32);
	CU_ASSERT_EQUAL(buf[8 + 41], 20);
	CU_ASSERT_EQUAL(mw_mip4_auth_compute(MW_AUTH_HMAC_MD5, key, sizeof(key) - 1, buf + 8,
					     24 + 16 + 6, out), 16);
	CU_ASSERT(memcmp(out, buf + 8 + 46, 16) == 0);
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf + 8, w.len - 8, w.len - 8), MW_OK);
	CU_ASSERT_EQUAL(pkt.n_elems, 2);
}

void add_roundtrip_tests(void)
{
	CU_pSuite s = CU_add_suite("mip4-roundtrip", NULL, NULL);

	CU_add_test(s, "every message type", test_every_message);
	CU_add_test(s, "every extension and sub-type", test_every_extension);
	CU_add_test(s, "authenticator computed", test_auth_computed);
}
