/* CUnit runner for the mip4 tests. argv[1]: IANA CSV folder, argv[2]:
 * shared captures folder. */
#include <CUnit/Basic.h>

#include "../mwtest_run.h"

#include <string.h>

#include "mip4_test.h"

const char *g_csv_dir = "libmipwire/registry/iana";
const char *g_capture_dir = "../shared/captures";

static mw_status run(struct mw_packet *pkt, const uint8_t *b, size_t len,
		     size_t caplen, bool icmp)
{
	static const struct mw_decode_opts opts = { .mip4_ports = { 434, 0 } };
	struct mwi_dec d = { .pkt = pkt, .opts = &opts };
	struct mw_cur c;

	memset(pkt, 0, sizeof(*pkt));
	pkt->data = b;
	pkt->caplen = (uint32_t)caplen;
	pkt->wirelen = (uint32_t)len;
	mw_cur_init(&c, b, caplen, &pkt->diag);
	c.end = len;
	if (icmp)
		mwi_decode_mip4_icmp(&d, &c, -1);
	else
		mwi_decode_mip4_msg(&d, &c, -1);
	return pkt->diag.status;
}

mw_status t_decode_msg(struct mw_packet *pkt, const uint8_t *b, size_t len,
		       size_t caplen)
{
	return run(pkt, b, len, caplen, false);
}

mw_status t_decode_icmp(struct mw_packet *pkt, const uint8_t *b, size_t len,
			size_t caplen)
{
	return run(pkt, b, len, caplen, true);
}

void t_check_layout(const struct mw_packet *pkt, uint32_t off, uint32_t len,
		    const struct mw_reg_entry *row)
{
	CU_ASSERT_PTR_NOT_NULL_FATAL(row);
	CU_ASSERT(row->n_fields > 0);
	for (unsigned i = 0; i < row->n_fields; i++) {
		const struct mw_field *f = &row->fields[i];
		struct mw_fval v;

		CU_ASSERT_PTR_NOT_NULL(f->key);
		CU_ASSERT_PTR_NOT_NULL(f->name);
		/* optional trailing fields (beyond the element) are absent */
		if ((f->len == 0 && f->off >= len) || (uint32_t)f->off + f->len > len)
			continue;
		if (!mw_field_read(pkt, off, len, f, &v) || !v.present) {
			fprintf(stderr, "\n  field %s.%s not readable (elem len %u)\n",
				row->key, f->key, len);
			CU_FAIL("layout field not readable");
		}
	}
}

int main(int argc, char **argv)
{

	if (argc > 1)
		g_csv_dir = argv[1];
	if (argc > 2)
		g_capture_dir = argv[2];
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_reg_tests();
	add_roundtrip_tests();
	add_error_tests();
	add_adv_tests();
	add_capture_tests();
	return mwt_run();
}
