/* Test helper for the Scapy oracle: decodes a hex UDP 434 payload given on
 * the command line and prints the typed fields and every layout field as
 * key=value lines (IPv4 dotted, numbers decimal). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mipwire/mipwire.h>

static void ip(const char *k, uint32_t a)
{
	printf("%s=%u.%u.%u.%u\n", k, a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

int main(int argc, char **argv)
{
	static uint8_t b[4096];
	static struct mw_packet pkt;
	const struct mw_reg_entry *row;
	size_t n = 0;
	mw_status st;

	if (argc < 2)
		return 2;
	for (const char *p = argv[1]; p[0] && p[1] && n < sizeof(b); p += 2) {
		unsigned v;

		sscanf(p, "%2x", &v);
		b[n++] = (uint8_t)v;
	}
	st = mw_decode_from(&pkt, MW_L_MIP4, b, (uint32_t)n, NULL);
	printf("status=%s\n", mw_status_str(st));
	if (pkt.n_msgs < 1)
		return 1;
	printf("type=%u\nelems=%u\n", pkt.msgs[0].code, pkt.n_elems);
	row = mw_msg_row(&pkt.msgs[0]);
	for (unsigned i = 0; row && i < row->n_fields; i++) {
		const struct mw_field *f = &row->fields[i];
		struct mw_fval v;

		if (!mw_field_read(&pkt, pkt.msgs[0].off, row->min_len, f, &v))
			continue;
		if (f->type == MW_FT_IPV4)
			ip(f->key, (uint32_t)v.u);
		else if (f->type != MW_FT_BYTES && f->type != MW_FT_STRING)
			printf("%s=%llu\n", f->key, (unsigned long long)v.u);
	}
	/* the typed struct, prefixed with "t." */
	switch (pkt.msgs[0].code) {
	case 1: {
		const struct mw_mip4_rrq *r = &pkt.msgs[0].u.mip4.u.rrq;

		printf("t.flags=%u\nt.lifetime=%u\n", r->flags, r->lifetime);
		ip("t.hoa", r->hoa);
		ip("t.ha", r->ha);
		ip("t.coa", r->coa);
		printf("t.ident=%llu\n", (unsigned long long)r->ident);
		break;
	}
	case 3: {
		const struct mw_mip4_rrp *r = &pkt.msgs[0].u.mip4.u.rrp;

		printf("t.code=%u\nt.lifetime=%u\n", r->code, r->lifetime);
		ip("t.hoa", r->hoa);
		ip("t.ha", r->ha);
		printf("t.ident=%llu\n", (unsigned long long)r->ident);
		break;
	}
	case 4:
		printf("t.next_header=%u\nt.reserved=%u\n", pkt.msgs[0].u.mip4.u.tun.next_header,
		       pkt.msgs[0].u.mip4.u.tun.reserved);
		break;
	}
	return 0;
}
