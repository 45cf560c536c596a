/* CUnit runner of the mip6 tests: argv[1] captures dir, argv[2] IANA CSV
 * dir, argv[3] Scapy vectors file. */
#include <string.h>

#include <CUnit/Basic.h>

#include "../mwtest_run.h"

#include "mip6_test.h"

const char *g_captures, *g_iana, *g_vectors;

mw_status t_decode_mh(struct mw_packet *p, const uint8_t *b, size_t caplen,
		      size_t wire)
{
	static const struct mw_decode_opts opts = { .pmip6_udp_port = 5436 };
	struct mwi_dec d = { .pkt = p, .opts = &opts };
	struct mw_cur c;

	memset(p, 0, sizeof(*p));
	p->data = b;
	p->caplen = (uint32_t)caplen;
	p->wirelen = (uint32_t)wire;
	mw_cur_init(&c, b, caplen, &p->diag);
	c.end = wire;
	mwi_decode_mh(&d, &c, -1);
	return p->diag.status;
}

int t_count_notes(const struct mw_packet *p, const char *field)
{
	int n = 0;

	for (int i = 0; i < p->n_notes; i++)
		if (!field || (p->notes[i].field && !strcmp(p->notes[i].field, field)))
			n++;
	return n;
}

long long t_msg_field(const struct mw_packet *p, int msg, const char *key)
{
	const struct mw_msg *m = &p->msgs[msg];
	const struct mw_reg_entry *r = mw_msg_row(m);
	struct mw_fval v;

	for (uint16_t i = 0; r && i < r->n_fields; i++)
		if (!strcmp(r->fields[i].key, key) &&
		    mw_field_read(p, m->off, m->len, &r->fields[i], &v))
			return (long long)v.u;
	return -1;
}

int main(int argc, char **argv)
{

	if (argc < 4)
		return 2;
	g_captures = argv[1];
	g_iana = argv[2];
	g_vectors = argv[3];
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_registry_tests();
	add_roundtrip_tests();
	add_capture_tests();
	return mwt_run();
}
