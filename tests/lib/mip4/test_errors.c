/* Truncation, contradicting lengths, unknown types. */
#include <string.h>

#include "mip4_test.h"

static uint8_t buf[1024];
static struct mw_packet pkt;

static size_t build_rrq(void)
{
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec e[4];
	uint8_t vb[32];
	struct mw_wbuf w;
	size_t vn = mw_mip4_vendor_body(vb, sizeof(vb), true, 5535, 7, (const uint8_t *)"ab", 2);

	m.u.rrq.lifetime = 600;
	mw_mip4_spec_nai(&e[0], "user@realm");
	memset(&e[1], 0, sizeof(e[1]));
	e[1].type = MW_MIP4X_NVSE;
	e[1].data = vb;
	e[1].len = vn;
	memset(&e[2], 0, sizeof(e[2]));
	e[2].type = 0;
	mw_mip4_spec_auth(&e[3], MW_MIP4X_MN_HA_AUTH, 256, 0, NULL, 0);
	mw_wbuf_init(&w, buf, sizeof(buf));
	CU_ASSERT_EQUAL_FATAL(mw_mip4_build(&w, &m, e, 4), MW_OK);
	return w.len;
}

static void test_truncation_every_byte(void)
{
	size_t n = build_rrq();

	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, n, n), MW_OK);
	CU_ASSERT_EQUAL(pkt.n_elems, 4);
	for (size_t k = 0; k < n; k++) {
		mw_status st = t_decode_msg(&pkt, buf, n, k);

		if (st != MW_E_TRUNC)
			fprintf(stderr, "\n  caplen %zu: %s\n", k, mw_status_str(st));
		CU_ASSERT_EQUAL(st, MW_E_TRUNC);
		CU_ASSERT(pkt.diag.offset <= n);
	}
}

static void test_ext_len_crosses_end(void)
{
	size_t n = build_rrq();

	buf[25] = 200; /* NAI length byte */
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, n, n), MW_E_MALFORMED);
	CU_ASSERT_EQUAL(pkt.diag.offset, 25);
	CU_ASSERT_STRING_EQUAL(pkt.diag.field, "mip4.ext.len");
	CU_ASSERT_EQUAL(pkt.msgs[0].status, MW_E_MALFORMED);
	/* declared message shorter than the last extension */
	n = build_rrq();
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, n - 1, n), MW_E_MALFORMED);
	CU_ASSERT_STRING_EQUAL(pkt.diag.field, "mip4.ext.len");
	CU_ASSERT_EQUAL(pkt.diag.offset, n - 22 + 1);
	/* declared length shorter than the fixed part */
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, 10, n), MW_E_MALFORMED);
	/* a long-form length crossing the end: blamed at its 16-bit field */
	{
		struct mw_mip4 m = { .type = MW_MIP4_RRQ };
		struct mw_mip4_ext_spec e = MW_MIP4_EXT_SPEC_INIT;
		struct mw_wbuf w;

		e.type = 36;
		e.subtype = 1;
		e.set_len = true;
		e.len_field = 300;
		mw_wbuf_init(&w, buf, sizeof(buf));
		CU_ASSERT_EQUAL_FATAL(mw_mip4_build(&w, &m, &e, 1), MW_OK);
		CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, w.len, w.len), MW_E_MALFORMED);
		CU_ASSERT_EQUAL(pkt.diag.offset, 26);
	}
}

static void test_len_out_of_bounds(void)
{
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec e = MW_MIP4_EXT_SPEC_INIT;
	uint8_t b4[4] = { 0 };
	struct mw_wbuf w;

	e.type = MW_MIP4X_REVOC_SUPPORT; /* exactly 8 bytes: give 6 */
	e.data = b4;
	e.len = 4;
	mw_wbuf_init(&w, buf, sizeof(buf));
	CU_ASSERT_EQUAL_FATAL(mw_mip4_build(&w, &m, &e, 1), MW_OK);
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, w.len, w.len), MW_OK);
	CU_ASSERT_EQUAL(pkt.elems[0].status, MW_E_MALFORMED);
	CU_ASSERT_EQUAL_FATAL(pkt.n_notes, 1);
	CU_ASSERT_EQUAL(pkt.notes[0].status, MW_E_MALFORMED);
	CU_ASSERT_EQUAL(pkt.notes[0].offset, 25);
	/* short form with length 0 has no sub-type: malformed */
	buf[24] = 148;
	buf[25] = 0;
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, 26, 26), MW_E_MALFORMED);
	CU_ASSERT_EQUAL(pkt.diag.offset, 25);
}

static void test_unknown_types(void)
{
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec e[3];
	uint8_t d3[3] = { 1, 2, 3 };
	struct mw_wbuf w;

	memset(e, 0, sizeof(e));
	for (int i = 0; i < 3; i++) {
		e[i].data = d3;
		e[i].len = 3;
	}
	e[0].type = 100;
	e[1].type = 200;
	mw_mip4_spec_nai(&e[2], "x@y");
	mw_wbuf_init(&w, buf, sizeof(buf));
	CU_ASSERT_EQUAL_FATAL(mw_mip4_build(&w, &m, e, 3), MW_OK);
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, w.len, w.len), MW_OK);
	CU_ASSERT_EQUAL_FATAL(pkt.n_elems, 3);
	CU_ASSERT_EQUAL(pkt.elems[0].status, MW_E_UNKNOWN);
	CU_ASSERT_EQUAL(pkt.elems[1].status, MW_E_UNKNOWN);
	CU_ASSERT_EQUAL(pkt.elems[2].status, MW_OK);
	CU_ASSERT_EQUAL_FATAL(pkt.n_notes, 2);
	CU_ASSERT_EQUAL(pkt.notes[0].value, 100);
	CU_ASSERT_PTR_NOT_NULL(strstr(pkt.notes[0].why, "discarded"));
	CU_ASSERT_EQUAL(pkt.notes[1].value, 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(pkt.notes[1].why, "skipped"));
	/* unknown message type */
	buf[0] = 99;
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, w.len, w.len), MW_OK);
	CU_ASSERT_FALSE(pkt.msgs[0].u.mip4.known);
	CU_ASSERT_EQUAL(pkt.notes[0].status, MW_E_UNKNOWN);
	/* unknown sub-type of a known short-form extension: noted */
	buf[0] = 1;
	buf[24] = 148; buf[25] = 1; buf[26] = 9;
	CU_ASSERT_EQUAL(t_decode_msg(&pkt, buf, 27, 27), MW_OK);
	CU_ASSERT_EQUAL(pkt.elems[0].subtype, 9);
	CU_ASSERT_EQUAL(pkt.n_notes, 1);
}

static void test_builder_errors(void)
{
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec e = MW_MIP4_EXT_SPEC_INIT;
	uint8_t big[300] = { 0 };
	struct mw_wbuf w;

	mw_wbuf_init(&w, buf, 10);
	CU_ASSERT_EQUAL(mw_mip4_build(&w, &m, NULL, 0), MW_E_NOSPACE);
	e.type = MW_MIP4X_MN_NAI;
	e.data = big;
	e.len = sizeof(big);
	mw_wbuf_init(&w, buf, sizeof(buf));
	CU_ASSERT_EQUAL(mw_mip4_build(&w, &m, &e, 1), MW_E_INVAL);
	m.type = 99;
	CU_ASSERT_EQUAL(mw_mip4_build(&w, &m, NULL, 0), MW_E_INVAL);
}

void add_error_tests(void)
{
	CU_pSuite s = CU_add_suite("mip4-errors", NULL, NULL);

	CU_add_test(s, "truncation at every byte", test_truncation_every_byte);
	CU_add_test(s, "extension length crosses the end", test_ext_len_crosses_end);
	CU_add_test(s, "length outside registry bounds", test_len_out_of_bounds);
	CU_add_test(s, "unknown < 128 vs >= 128", test_unknown_types);
	CU_add_test(s, "builder errors", test_builder_errors);
}
