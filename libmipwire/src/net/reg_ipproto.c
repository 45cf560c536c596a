/* MW_REG_IPPROTO: names of IP protocol numbers / IPv6 Next Header values
 * (IANA "Assigned Internet Protocol Numbers"), those met around Mobile IP
 * and the common ones. Keys are the IANA keywords in lower case. */
#include "internal.h"

#define R(c, k, n, r) [c] = { k, n, r, c, 0, MW_LEN_ANY, MW_HDR_NONE, 0, 0, 0, 0, 0, NULL, 0 }

static const struct mw_reg_entry rows[256] = {
	R(0, "hopopt", "IPv6 Hop-by-Hop Option", "RFC 8200"),
	R(1, "icmp", "Internet Control Message", "RFC 792"),
	R(2, "igmp", "Internet Group Management", "RFC 1112"),
	R(4, "ipv4", "IPv4 encapsulation", "RFC 2003"),
	R(6, "tcp", "Transmission Control", "RFC 9293"),
	R(8, "egp", "Exterior Gateway Protocol", "RFC 888"),
	R(17, "udp", "User Datagram", "RFC 768"),
	R(41, "ipv6", "IPv6 encapsulation", "RFC 2473"),
	R(43, "ipv6_route", "Routing Header for IPv6", "RFC 8200"),
	R(44, "ipv6_frag", "Fragment Header for IPv6", "RFC 8200"),
	R(46, "rsvp", "Reservation Protocol", "RFC 2205"),
	R(47, "gre", "Generic Routing Encapsulation", "RFC 2784"),
	R(50, "esp", "Encap Security Payload", "RFC 4303"),
	R(51, "ah", "Authentication Header", "RFC 4302"),
	R(55, "mobile", "IP Mobility (Min Encap)", "RFC 2004"),
	R(58, "ipv6_icmp", "ICMP for IPv6", "RFC 4443"),
	R(59, "ipv6_nonxt", "No Next Header for IPv6", "RFC 8200"),
	R(60, "ipv6_opts", "Destination Options for IPv6", "RFC 8200"),
	R(88, "eigrp", "EIGRP", "RFC 7868"),
	R(89, "ospf", "OSPF", "RFC 1583"),
	R(94, "ipip", "IP-within-IP Encapsulation Protocol", "John Ioannidis"),
	R(97, "etherip", "Ethernet-within-IP Encapsulation", "RFC 3378"),
	R(103, "pim", "Protocol Independent Multicast", "RFC 7761"),
	R(108, "ipcomp", "IP Payload Compression Protocol", "RFC 2393"),
	R(112, "vrrp", "Virtual Router Redundancy Protocol", "RFC 5798"),
	R(115, "l2tp", "Layer Two Tunneling Protocol", "RFC 3931"),
	R(132, "sctp", "Stream Control Transmission Protocol", "RFC 9260"),
	R(135, "mobility_header", "Mobility Header", "RFC 6275"),
	R(136, "udplite", "UDPLite", "RFC 3828"),
	R(137, "mpls_in_ip", "MPLS-in-IP", "RFC 4023"),
	R(139, "hip", "Host Identity Protocol", "RFC 7401"),
	R(140, "shim6", "Shim6 Protocol", "RFC 5533"),
	R(143, "ethernet", "Ethernet", "RFC 8986"),
	R(253, "exp253", "Use for experimentation and testing", "RFC 3692"),
	R(254, "exp254", "Use for experimentation and testing", "RFC 3692"),
	R(255, "reserved", "Reserved", "IANA"),
};

const struct mw_registry mwi_reg_ipproto = {
	MW_REG_IPPROTO, "ipproto", "Assigned Internet Protocol Numbers",
	"IANA protocol-numbers", rows, 256,
};
