/* Textual IPv4 / IPv6 addresses for specs (inet_pton). */
#include <arpa/inet.h>

#include "net_int.h"

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
