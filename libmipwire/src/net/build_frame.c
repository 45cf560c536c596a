/* One-call frame builders: [Ethernet] + IP [+ UDP / ICMP] + payload. */
#include "net_int.h"

enum l4 { L4_RAW, L4_UDP, L4_ICMP };

struct frame_args {
	const struct mw_eth_spec *eth;
	const struct mw_ip4_spec *ip4;
	const struct mw_ip6_spec *ip6;
	uint8_t proto;
	enum l4 l4;
	uint16_t a, b; /* ports, or ICMP type / code */
	const uint8_t *payload;
	size_t len;
};

static int forced(bool force, uint16_t v)
{
	return force ? v : MW_CSUM_COMPUTE;
}

static mw_status frame(uint8_t *buf, size_t cap, const struct frame_args *f,
		       size_t *out_len)
{
	struct mw_wbuf w;
	struct mw_ipctx ip;
	bool v6 = f->ip6 != NULL;
	int csum = v6 ? forced(f->ip6->force_l4_csum, f->ip6->l4_csum)
		      : forced(f->ip4->force_l4_csum, f->ip4->l4_csum);
	uint8_t proto = f->l4 == L4_UDP ? MW_IPPROTO_UDP
		      : f->l4 == L4_ICMP ? (v6 ? MW_IPPROTO_ICMPV6 : MW_IPPROTO_ICMP)
		      : f->proto;
	size_t l4;
	bool ok;

	if (out_len)
		*out_len = 0;
	if (!buf || (f->len && !f->payload))
		return MW_E_INVAL;
	mw_wbuf_init(&w, buf, cap);
	if (f->eth)
		mw_put_eth(&w, f->eth, v6 ? MW_ETHERTYPE_IP6 : MW_ETHERTYPE_IP4);
	ok = v6 ? mw_ip6_begin(&w, f->ip6, proto, &ip)
		: mw_ip4_begin(&w, f->ip4, proto, &ip);
	if (!ok)
		return w.overflow ? MW_E_NOSPACE : MW_E_INVAL;
	l4 = w.len;
	switch (f->l4) {
	case L4_UDP:
		mw_udp_begin(&w, f->a, f->b);
		mw_put_bytes(&w, f->payload, f->len);
		mw_udp_end(&w, l4, &ip, csum);
		break;
	case L4_ICMP:
		mw_icmp4_begin(&w, (uint8_t)f->a, (uint8_t)f->b);
		mw_put_bytes(&w, f->payload, f->len);
		if (v6)
			mw_icmp6_end(&w, l4, &ip, csum);
		else
			mw_icmp4_end(&w, l4, csum);
		break;
	case L4_RAW:
		mw_put_bytes(&w, f->payload, f->len);
		if (!v6)
			break;
		if (proto == MW_IPPROTO_MH && f->len >= 6)
			mw_l4_csum_patch(&w, &ip, proto, l4, l4 + 4, csum);
		else if (proto == MW_IPPROTO_ICMPV6 && f->len >= 4)
			mw_l4_csum_patch(&w, &ip, proto, l4, l4 + 2, csum);
		break;
	}
	if (v6)
		mw_ip6_end(&w, &ip, f->ip6);
	else
		mw_ip4_end(&w, &ip, f->ip4);
	if (w.overflow)
		return MW_E_NOSPACE;
	if (out_len)
		*out_len = w.len;
	return MW_OK;
}

MWI_EXPORT mw_status mw_frame_ip4(uint8_t *buf, size_t cap,
				  const struct mw_eth_spec *eth,
				  const struct mw_ip4_spec *ip, uint8_t proto,
				  const uint8_t *payload, size_t len,
				  size_t *out_len)
{
	struct frame_args f = { eth, ip, NULL, proto, L4_RAW, 0, 0, payload, len };

	return ip ? frame(buf, cap, &f, out_len) : MW_E_INVAL;
}

MWI_EXPORT mw_status mw_frame_ip6(uint8_t *buf, size_t cap,
				  const struct mw_eth_spec *eth,
				  const struct mw_ip6_spec *ip, uint8_t proto,
				  const uint8_t *payload, size_t len,
				  size_t *out_len)
{
	struct frame_args f = { eth, NULL, ip, proto, L4_RAW, 0, 0, payload, len };

	return ip ? frame(buf, cap, &f, out_len) : MW_E_INVAL;
}

MWI_EXPORT mw_status mw_frame_udp4(uint8_t *buf, size_t cap,
				   const struct mw_eth_spec *eth,
				   const struct mw_ip4_spec *ip, uint16_t sport,
				   uint16_t dport, const uint8_t *payload,
				   size_t len, size_t *out_len)
{
	struct frame_args f = { eth, ip, NULL, 0, L4_UDP, sport, dport, payload, len };

	return ip ? frame(buf, cap, &f, out_len) : MW_E_INVAL;
}

MWI_EXPORT mw_status mw_frame_udp6(uint8_t *buf, size_t cap,
				   const struct mw_eth_spec *eth,
				   const struct mw_ip6_spec *ip, uint16_t sport,
				   uint16_t dport, const uint8_t *payload,
				   size_t len, size_t *out_len)
{
	struct frame_args f = { eth, NULL, ip, 0, L4_UDP, sport, dport, payload, len };

	return ip ? frame(buf, cap, &f, out_len) : MW_E_INVAL;
}

MWI_EXPORT mw_status mw_frame_icmp4(uint8_t *buf, size_t cap,
				    const struct mw_eth_spec *eth,
				    const struct mw_ip4_spec *ip, uint8_t type,
				    uint8_t code, const uint8_t *body, size_t len,
				    size_t *out_len)
{
	struct frame_args f = { eth, ip, NULL, 0, L4_ICMP, type, code, body, len };

	return ip ? frame(buf, cap, &f, out_len) : MW_E_INVAL;
}

MWI_EXPORT mw_status mw_frame_icmp6(uint8_t *buf, size_t cap,
				    const struct mw_eth_spec *eth,
				    const struct mw_ip6_spec *ip, uint8_t type,
				    uint8_t code, const uint8_t *body, size_t len,
				    size_t *out_len)
{
	struct frame_args f = { eth, NULL, ip, 0, L4_ICMP, type, code, body, len };

	return ip ? frame(buf, cap, &f, out_len) : MW_E_INVAL;
}
