/* For the Scapy oracle: decode raw IP frames given as hex lines on stdin
 * and print the net-layer fields as "key=value" lines, one frame per
 * block ending with "--". */
#include <stdio.h>
#include <string.h>

#include "mipwire/mipwire.h"

static void in6(const char *k, const struct mw_in6 *a)
{
	printf("%s=", k);
	for (int i = 0; i < 16; i++)
		printf("%02x", a->b[i]);
	printf("\n");
}

int main(void)
{
	static char line[65536];
	static uint8_t f[32768];
	struct mw_packet p;

	while (fgets(line, sizeof line, stdin)) {
		size_t n = 0;

		for (char *s = line; s[0] && s[1] && n < sizeof f; s += 2) {
			unsigned v;
			if (sscanf(s, "%2x", &v) != 1)
				break;
			f[n++] = (uint8_t)v;
		}
		mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, NULL);
		printf("status=%s\n", mw_status_str(p.diag.status));
		for (int i = 0; i < p.n_layers; i++) {
			const struct mw_layer *l = &p.layers[i];
			const struct mw_reg_entry *e = mw_reg_lookup(MW_REG_LAYER, l->kind);

			printf("layer=%s off=%u len=%u\n", e ? e->key : "?", l->off, l->len);
			switch (l->kind) {
			case MW_L_IP6:
				printf("ip6.plen=%u\nip6.next=%u\nip6.hlim=%u\n",
				       l->u.ip6.payload_len, l->u.ip6.next, l->u.ip6.hlim);
				in6("ip6.src", &l->u.ip6.src);
				in6("ip6.dst", &l->u.ip6.dst);
				break;
			case MW_L_IP6_DST:
				if (l->u.ext.hao.present)
					in6("hao", &l->u.ext.hao.hoa);
				break;
			case MW_L_IP6_RH:
				printf("rh.type=%u\nrh.segleft=%u\nrh2_valid=%d\n",
				       l->u.ext.rh_type, l->u.ext.segleft, l->u.ext.rh2_valid);
				if (l->u.ext.rh2_valid)
					in6("rh2", &l->u.ext.rh2_addr);
				break;
			case MW_L_UDP:
				printf("udp.sport=%u\nudp.dport=%u\nudp.csum_ok=%d\n",
				       l->u.udp.sport, l->u.udp.dport, l->u.udp.csum_ok);
				break;
			}
		}
		for (int m = 0; m < p.n_msgs; m++) {
			struct mw_in6 s, d;
			const uint8_t *mh;

			if (p.msgs[m].kind != MW_MSG_MH || !mw_mh_pseudo_addrs(&p, m, &s, &d))
				continue;
			mh = p.data + p.msgs[m].off;
			printf("mh.csum_ok=%d\n",
			       p.msgs[m].off + p.msgs[m].len <= p.caplen &&
			       mw_mh_checksum(&s, &d, mh, p.msgs[m].len) == mw_load_be16(mh + 4));
		}
		printf("--\n");
		fflush(stdout);
	}
	return 0;
}
