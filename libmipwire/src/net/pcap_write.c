/* A minimal classic-pcap writer (no libpcap needed) and address parsing,
 * for generators and tests that produce captures. */
#include <arpa/inet.h>
#include <string.h>

#include "net_int.h"

static bool put32(FILE *f, uint32_t v)
{
	return fwrite(&v, 4, 1, f) == 1; /* host order: readers detect it by the magic */
}

static bool put16(FILE *f, uint16_t v)
{
	return fwrite(&v, 2, 1, f) == 1;
}

MWI_EXPORT bool mw_pcap_write_header(FILE *f, int linktype, uint32_t snaplen)
{
	return put32(f, 0xa1b2c3d4u) && put16(f, 2) && put16(f, 4) &&
	       put32(f, 0) && put32(f, 0) && put32(f, snaplen ? snaplen : 262144) &&
	       put32(f, (uint32_t)linktype);
}

MWI_EXPORT bool mw_pcap_write_packet(FILE *f, uint32_t ts_sec, uint32_t ts_usec,
				     const uint8_t *data, uint32_t caplen,
				     uint32_t wirelen)
{
	return put32(f, ts_sec) && put32(f, ts_usec) && put32(f, caplen) &&
	       put32(f, wirelen < caplen ? caplen : wirelen) &&
	       (caplen == 0 || fwrite(data, caplen, 1, f) == 1);
}

MWI_EXPORT bool mw_in6_parse(const char *s, struct mw_in6 *out)
{
	return s && inet_pton(AF_INET6, s, out->b) == 1;
}

MWI_EXPORT bool mw_ip4_parse(const char *s, uint32_t *out)
{
	uint8_t b[4];

	if (!s || inet_pton(AF_INET, s, b) != 1)
		return false;
	*out = mw_load_be32(b);
	return true;
}
