/* MW_REG_LAYER: the header layouts of the layers below Mobile IP, one row
 * per enum mw_layer_kind. Offsets are from the first byte of the layer
 * (struct mw_layer off). Optional parts whose place varies (GRE checksum /
 * key / sequence) are in the typed structs only. Checked against RFC 791,
 * 8200, 768, 792, 4443, 2784, 2890, 2004, 4302, 4303, 6275 6.4, 5845 7.2. */
#include "internal.h"

#define U(k, n, o, l) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, 0, 0, NULL }
#define X(k, n, o, l) { k, n, o, l, MW_FT_UINT, MW_BASE_HEX, 0, 0, NULL }
#define M(k, n, o, l, m) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, 0, m, NULL }
#define MX(k, n, o, l, m) { k, n, o, l, MW_FT_UINT, MW_BASE_HEX, 0, m, NULL }
#define MU(k, n, o, l, m, u) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, 0, m, u }
#define F(k, n, o, l, m) { k, n, o, l, MW_FT_FLAG, 0, 0, m, NULL }
#define P(k, n, o) { k, n, o, 1, MW_FT_UINT, MW_BASE_DEC, MW_REG_IPPROTO, 0, NULL }
#define A4(k, n, o) { k, n, o, 4, MW_FT_IPV4, 0, 0, 0, NULL }
#define A6(k, n, o) { k, n, o, 16, MW_FT_IPV6, 0, 0, 0, NULL }
#define MAC(k, n, o) { k, n, o, 6, MW_FT_MAC, 0, 0, 0, NULL }
#define B(k, n, o, l) { k, n, o, l, MW_FT_BYTES, 0, 0, 0, NULL }

static const struct mw_field f_eth[] = {
	MAC("dst", "Destination", 0),
	MAC("src", "Source", 6),
	X("type", "Type", 12, 2),
};
/* the 4 bytes after a TPID: TCI then the next type */
static const struct mw_field f_vlan[] = {
	M("pcp", "Priority", 0, 2, 0xe000),
	F("dei", "Drop eligible", 0, 2, 0x1000),
	M("vid", "VLAN ID", 0, 2, 0x0fff),
	X("type", "Type", 2, 2),
};
static const struct mw_field f_sll[] = {
	U("pkttype", "Packet type", 0, 2),
	U("hatype", "Link-layer address type", 2, 2),
	U("halen", "Link-layer address length", 4, 2),
	B("addr", "Source", 6, 8),
	X("protocol", "Protocol", 14, 2),
};
static const struct mw_field f_sll2[] = {
	X("protocol", "Protocol", 0, 2),
	X("reserved", "Reserved", 2, 2),
	U("ifindex", "Interface index", 4, 4),
	U("hatype", "Link-layer address type", 8, 2),
	U("pkttype", "Packet type", 10, 1),
	U("halen", "Link-layer address length", 11, 1),
	B("addr", "Source", 12, 8),
};
/* byte order is that of the capturing host: shown as read (big-endian) */
static const struct mw_field f_null[] = {
	X("family", "Address family", 0, 4),
};
/* libpcap's SLIP pseudo-header (pcap-common.c LINKTYPE_SLIP): direction,
 * then the link-level header type and the VJ-compressed header bytes. */
static const struct mw_field f_slip[] = {
	{ "direction", "Direction (0 received, 1 sent)", 0, 1, MW_FT_UINT, MW_BASE_DEC, MW_REG_NONE, 0, NULL },
	{ "hdr_type", "Link-level header type", 1, 1, MW_FT_UINT, MW_BASE_HEX, MW_REG_NONE, 0, NULL },
	{ "vj_hdr", "Compressed header bytes", 2, 14, MW_FT_BYTES, MW_BASE_HEX, MW_REG_NONE, 0, NULL },
};
static const struct mw_field f_ip4[] = {
	M("version", "Version", 0, 1, 0xf0),
	MU("ihl", "Header length", 0, 1, 0x0f, "x4 bytes"),
	X("tos", "Type of service", 1, 1),
	M("dscp", "DSCP", 1, 1, 0xfc),
	M("ecn", "ECN", 1, 1, 0x03),
	U("total_len", "Total length", 2, 2),
	X("id", "Identification", 4, 2),
	MX("flags", "Flags", 6, 2, 0xe000),
	F("df", "Don't fragment", 6, 2, 0x4000),
	F("mf", "More fragments", 6, 2, 0x2000),
	MU("frag_off", "Fragment offset", 6, 2, 0x1fff, "x8 bytes"),
	U("ttl", "Time to live", 8, 1),
	P("proto", "Protocol", 9),
	X("csum", "Header checksum", 10, 2),
	A4("src", "Source", 12),
	A4("dst", "Destination", 16),
	B("options", "Options", 20, 0),
};
static const struct mw_field f_ip6[] = {
	MU("version", "Version", 0, 1, 0xf0, NULL),
	MX("tclass", "Traffic class", 0, 2, 0x0ff0),
	MX("flow", "Flow label", 0, 4, 0x000fffff),
	U("plen", "Payload length", 4, 2),
	P("next", "Next header", 6),
	U("hlim", "Hop limit", 7, 1),
	A6("src", "Source", 8),
	A6("dst", "Destination", 24),
};
/* Hop-by-Hop and Destination Options: the options are elements of
 * MW_REG_DST_OPT */
static const struct mw_field f_opts_hdr[] = {
	P("next", "Next header", 0),
	MU("len", "Header extension length", 1, 1, 0, "x8 bytes, +8"),
	B("options", "Options", 2, 0),
};
static const struct mw_field f_rh[] = {
	P("next", "Next header", 0),
	MU("len", "Header extension length", 1, 1, 0, "x8 bytes, +8"),
	U("type", "Routing type", 2, 1),
	U("segleft", "Segments left", 3, 1),
	X("reserved", "Reserved", 4, 4),
	/* RFC 6275 6.4: type 2 carries exactly one address here */
	A6("home_addr", "Home address (type 2)", 8),
};
static const struct mw_field f_frag[] = {
	P("next", "Next header", 0),
	X("reserved", "Reserved", 1, 1),
	MU("offset", "Fragment offset", 2, 2, 0xfff8, "x8 bytes"),
	MX("res", "Res", 2, 2, 0x0006),
	F("m", "More fragments", 2, 2, 0x0001),
	X("id", "Identification", 4, 4),
};
static const struct mw_field f_ah[] = {
	P("next", "Next header", 0),
	MU("len", "Payload length", 1, 1, 0, "x4 bytes, +8"),
	X("reserved", "Reserved", 2, 2),
	X("spi", "Security parameters index", 4, 4),
	U("seq", "Sequence number", 8, 4),
	B("icv", "Integrity check value", 12, 0),
};
static const struct mw_field f_esp[] = {
	X("spi", "Security parameters index", 0, 4),
	U("seq", "Sequence number", 4, 4),
};
static const struct mw_field f_udp[] = {
	U("sport", "Source port", 0, 2),
	U("dport", "Destination port", 2, 2),
	U("len", "Length", 4, 2),
	X("csum", "Checksum", 6, 2),
};
static const struct mw_field f_icmp[] = {
	U("type", "Type", 0, 1),
	U("code", "Code", 1, 1),
	X("csum", "Checksum", 2, 2),
};
static const struct mw_field f_gre[] = {
	F("c", "Checksum present", 0, 2, 0x8000),
	F("k", "Key present", 0, 2, 0x2000),
	F("s", "Sequence number present", 0, 2, 0x1000),
	MX("reserved0", "Reserved0", 0, 2, 0x4ff8),
	M("version", "Version", 0, 2, 0x0007),
	X("proto", "Protocol type", 2, 2),
};
static const struct mw_field f_minenc[] = {
	P("proto", "Protocol", 0),
	F("s", "Original source present", 1, 1, 0x80),
	MX("reserved", "Reserved", 1, 1, 0x7f),
	X("csum", "Header checksum", 2, 2),
	A4("dst", "Original destination", 4),
	A4("src", "Original source", 8), /* only when S: the layer is 12 bytes */
};
static const struct mw_field f_tcp[] = {
	U("sport", "Source port", 0, 2),
	U("dport", "Destination port", 2, 2),
	U("seq", "Sequence number", 4, 4),
	U("ack", "Acknowledgment number", 8, 4),
	MU("doff", "Data offset", 12, 1, 0xf0, "x4 bytes"),
	MX("flags", "Flags", 12, 2, 0x0fff),
	U("window", "Window", 14, 2),
	X("csum", "Checksum", 16, 2),
	U("urg", "Urgent pointer", 18, 2),
};
static const struct mw_field f_payload[] = {
	B("data", "Data", 0, 0),
};
static const struct mw_field f_udp_tlv[] = {
	M("type", "Type", 0, 1, 0xf0),
	MX("reserved", "Reserved", 0, 1, 0x0f),
	P("next", "Next header", 1),
	U("len", "Length", 2, 2),
};

#define ROW(kind, k, n, r, mn, mx, f) \
	[kind] = { k, n, r, kind, mn, mx, MW_HDR_NONE, 0, 0, 0, 0, 0, MW_FIELDS(f) }
#define ROW_SUB(kind, k, n, r, sub) \
	[kind] = { k, n, r, kind, 0, MW_LEN_ANY, MW_HDR_NONE, 0, 0, sub, 0, 0, NULL, 0 }

static const struct mw_reg_entry rows[MW_L__COUNT] = {
	ROW(MW_L_ETH, "eth", "Ethernet II", "IEEE 802.3", 14, 14, f_eth),
	ROW(MW_L_VLAN, "vlan", "802.1Q / 802.1ad tag", "IEEE 802.1Q", 4, 4, f_vlan),
	ROW(MW_L_SLL, "sll", "Linux cooked capture v1", "libpcap LINKTYPE_LINUX_SLL", 16, 16, f_sll),
	ROW(MW_L_SLL2, "sll2", "Linux cooked capture v2", "libpcap LINKTYPE_LINUX_SLL2", 20, 20, f_sll2),
	ROW(MW_L_NULL, "null", "BSD loopback", "libpcap LINKTYPE_NULL", 4, 4, f_null),
	ROW(MW_L_IP4, "ip4", "IPv4", "RFC 791", 20, 60, f_ip4),
	ROW(MW_L_IP6, "ip6", "IPv6", "RFC 8200", 40, 40, f_ip6),
	ROW(MW_L_IP6_HBH, "ip6_hbh", "IPv6 Hop-by-Hop Options", "RFC 8200 4.3", 8, 2048, f_opts_hdr),
	ROW(MW_L_IP6_DST, "ip6_dst", "IPv6 Destination Options", "RFC 8200 4.6; RFC 6275 6.3", 8, 2048, f_opts_hdr),
	ROW(MW_L_IP6_RH, "ip6_rh", "IPv6 Routing header", "RFC 8200 4.4; RFC 6275 6.4", 8, 2048, f_rh),
	ROW(MW_L_IP6_FRAG, "ip6_frag", "IPv6 Fragment header", "RFC 8200 4.5", 8, 8, f_frag),
	ROW(MW_L_AH, "ah", "Authentication Header", "RFC 4302", 12, 1028, f_ah),
	ROW(MW_L_ESP, "esp", "Encapsulating Security Payload", "RFC 4303", 8, 8, f_esp),
	ROW(MW_L_UDP, "udp", "UDP", "RFC 768", 8, 8, f_udp),
	ROW(MW_L_ICMP4, "icmp4", "ICMP", "RFC 792", 4, 4, f_icmp),
	ROW(MW_L_ICMP6, "icmp6", "ICMPv6", "RFC 4443", 4, 4, f_icmp),
	ROW(MW_L_GRE, "gre", "GRE", "RFC 2784; RFC 2890", 4, 16, f_gre),
	ROW(MW_L_MINENC, "minenc", "Minimal encapsulation", "RFC 2004 3.1", 8, 12, f_minenc),
	ROW_SUB(MW_L_MIP4, "mip4", "Mobile IPv4 message", "RFC 5944", MW_REG_MIP4_MSG),
	ROW_SUB(MW_L_MH, "mh", "Mobility Header", "RFC 6275 6.1", MW_REG_MH_TYPE),
	ROW(MW_L_TCP, "tcp", "TCP", "RFC 9293", 4, 60, f_tcp),
	ROW(MW_L_PAYLOAD, "payload", "Payload", "", 0, MW_LEN_ANY, f_payload),
	ROW(MW_L_UDP_TLV, "udp_tlv", "UDP tunnel TLV header", "RFC 5845 7.2", 4, 4, f_udp_tlv),
	ROW(MW_L_SLIP, "slip", "SLIP pseudo-header", "libpcap LINKTYPE_SLIP", 16, 16, f_slip),
};

const struct mw_registry mwi_reg_layer = {
	MW_REG_LAYER, "layer", "Header layouts below Mobile IP", "RFCs (see rows)",
	rows, MW_L__COUNT,
};
