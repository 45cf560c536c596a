/* The registry: one table per IANA registry (and per header layout), the
 * single source of truth for codes, names, lengths, alignment and field
 * layouts. mipdump, the Wireshark plugin (hf fields, value strings),
 * mipconform and mipgen all read these tables; nothing else keeps a copy.
 *
 * Every table is indexed by code (0..255): rows[code].key == NULL means
 * "not assigned". Lookups are O(1). */
#ifndef MIPWIRE_REGISTRY_H
#define MIPWIRE_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum mw_reg_id {
	MW_REG_NONE = 0,
	/* header layouts of the layers below Mobile IP (rows by enum mw_layer_kind) */
	MW_REG_LAYER,
	MW_REG_IPPROTO,          /* IP protocol / IPv6 next header names */
	MW_REG_ICMP4_MIP,        /* ICMP 9 / 10: agent advertisement / solicitation */
	/* MIPv4 (IANA "Mobile IPv4 Numbers") */
	MW_REG_MIP4_MSG,         /* Mobile IP Message Types */
	MW_REG_MIP4_EXT,         /* Extensions to Mobile IP Registration Messages */
	MW_REG_MIP4_REPLY,       /* Registration Reply codes */
	MW_REG_MIP4_ADV_EXT,     /* ICMP router discovery extensions (agent adv.) */
	MW_REG_MIP4_GAUTH_SUB,   /* Generalized authentication (36) subtypes */
	MW_REG_MIP4_UDPTUN_REPLY,/* RFC 3519 UDP tunnel reply codes */
	MW_REG_MIP4_MSGSTR_SUB,  /* Message String sub-types */
	MW_REG_MIP4_NEMO_SUB,    /* NEMOv4 (RFC 5177) sub-types */
	MW_REG_MIP4_DSTACK_SUB,  /* dual stack (RFC 5454) sub-types */
	MW_REG_MIP4_GNM_SUB,     /* generic notification (RFC 6098) ack codes */
	MW_REG_MIP4_HO_SUB,      /* low-latency handoff (RFC 4881) reply codes */
	MW_REG_MIP4_CONF_SUB,    /* PMIPv4 skippable extension (147) sub-types */
	MW_REG_MIP4_GLLA_SUB,    /* generalized link layer address (RFC 4881) sub-types */
	MW_REG_MIP4_NEMO_ACK,    /* NEMOv4 (RFC 5177) acknowledgement codes */
	MW_REG_MIP4_ACCESS_TECH, /* PMIPv4 (RFC 5563) access technology types */
	MW_REG_MIP4_IP6PFX_REPLY,/* DSMIPv4 (RFC 5454) IPv6 prefix reply codes */
	MW_REG_MIP4_KEYGEN_SUB,  /* KeyGen Request/Reply (40-43, RFC 3957) sub-types */
	MW_REG_MIP4_UDPTUN_REPLY_SUB, /* UDP Tunnel Reply (44) sub-types */
	MW_REG_MIP4_FA_ERROR_SUB,/* FA Error (45, RFC 4636) sub-types */
	MW_REG_MIP4_PMIP_NS_SUB, /* PMIPv4 non-skippable (47, RFC 5563) sub-types */
	MW_REG_MIP4_GRE_SUB,     /* GRE Key (48, RFC 6245) sub-types */
	MW_REG_MIP4_RO_SUB,      /* Route Optimization (49, RFC 6521) sub-types */
	MW_REG_MIP4_RO_DATA_SUB, /* Route Optimization Data (50, RFC 6521) sub-types */
	MW_REG_MIP4_NAI_SUB,     /* NAI Carrying (136, RFC 3846) sub-types */
	MW_REG_MIP4_DYNHA_SUB,   /* Dynamic HA (139, RFC 4433) sub-types */
	MW_REG_MIP4_UDPTUN_REQ_SUB, /* UDP Tunnel Request (144) sub-types */
	MW_REG_MIP4_TNC_SUB,     /* TNC (149, RFC 5265) sub-types */
	MW_REG_MIP4_MRRO_SUB,    /* MR Route Optimization Capability (153) sub-types */
	MW_REG_MIP4_MPATH_SUB,   /* Multipath (154, RFC 7629) sub-types */
	MW_REG_MIP4_PMIP_AUTH,   /* PMIPv4 per-node authentication methods */
	MW_REG_MIP4_PMIP_DEVID,  /* PMIPv4 device ID types */
	MW_REG_MIP4_PMIP_SUBID,  /* PMIPv4 subscriber ID types */
	MW_REG_MIP4_REPLAY,      /* Replay Method Identifier (RFC 3957) */
	/* MIPv6 (IANA "Mobile IPv6 parameters", "ICMPv6 parameters") */
	MW_REG_MH_TYPE,          /* Mobility Header Types */
	MW_REG_MH_OPT,           /* Mobility Options */
	MW_REG_BA_STATUS,        /* Binding Acknowledgement status */
	MW_REG_BE_STATUS,        /* Binding Error status */
	MW_REG_HANDOFF_IND,      /* PMIPv6 Handoff Indicator */
	MW_REG_ACCESS_TECH,      /* PMIPv6 Access Technology Type */
	MW_REG_MNID_SUB,         /* Mobile Node Identifier subtypes */
	MW_REG_BRI_TRIGGER,      /* Binding Revocation trigger values */
	MW_REG_BRI_STATUS,       /* Binding Revocation Acknowledgement status */
	MW_REG_ICMP6_MIP,        /* ICMPv6 types used by Mobile IPv6 (144-147, 154) */
	MW_REG_ICMP6_154_SUB,    /* FMIPv6 ICMPv6 154 subtypes */
	MW_REG_ND_OPT,           /* ND option types relevant to Mobile IPv6 */
	MW_REG_DST_OPT,          /* IPv6 destination/hop-by-hop option types */
	MW_REG_MH_BR_TYPE,       /* Binding Revocation Type (BRI / BRA variants of MH 16) */
	MW_REG_MH_HI_CODE,       /* Handover Initiate status codes (MH 14) */
	MW_REG_MH_HACK_STATUS,   /* Handover Acknowledge status codes (MH 15) */
	MW_REG_MH_ANI_SUB,       /* Access Network Identifier (opt 52) sub-options */
	MW_REG_MH_FLOW_SUB,      /* Flow Identification (opt 45) sub-options */
	MW_REG_MH_LMA_MAG_SUB,   /* LMA-Controlled MAG Parameters (opt 62) sub-options */
	MW_REG_MH_DNS_STATUS,    /* DNS Update option (17) status */
	MW_REG_MH_IPV4_ACK_STATUS, /* IPv4 Address Acknowledgement (30) status */
	MW_REG_MH_IPV4_REPLY_STATUS, /* IPv4 Home Address Reply (37) status */
	MW_REG_MH_UPN_REASON,    /* Update Notification (MH 19) reasons */
	MW_REG_MH_UPA_STATUS,    /* Update Notification Ack (MH 20) status */
	MW_REG_MH_FB_TYPE,       /* Flow Binding Type (MH 21) */
	MW_REG_MH_FB_TRIGGER,    /* Flow Binding Indication triggers */
	MW_REG_MH_FBA_STATUS,    /* Flow Binding Acknowledgement status */
	MW_REG_MH_FB_ACTION,     /* Flow Binding Action sub-option values */
	MW_REG_MH_FLOW_ID_STATUS, /* Flow Identification (45) status */
	MW_REG_MH_AUTH_SUB,      /* Authentication option (9) subtypes */
	MW_REG_MH_GROUP_ID_TYPE, /* MN Group Identifier (50) sub-types */
	MW_REG_MH_OPID_TYPE,     /* ANI Operator-Identifier types */
	MW_REG_MH_TS_FORMAT,     /* Traffic Selector formats */
	MW_REG_MH_LRA_STATUS,    /* Localized Routing Acknowledgment (MH 18) status */
	MW_REG__COUNT
};

/* How a field's bytes are interpreted for display / JSON. */
enum mw_ftype {
	MW_FT_UINT = 1, /* big-endian unsigned, 1..8 bytes, optional mask */
	MW_FT_FLAG,     /* one bit (mask) in 1..4 bytes: JSON true/false */
	MW_FT_IPV4,     /* 4 bytes; len 0 = list of addresses to element end */
	MW_FT_IPV6,     /* 16 bytes; len 0 = list to element end */
	MW_FT_MAC,      /* 6 bytes */
	MW_FT_BYTES,    /* opaque bytes: JSON hex string */
	MW_FT_STRING,   /* printable text (NAI, message string) */
	MW_FT_NTP64,    /* 64-bit NTP timestamp (MIPv4 Identification) */
};

enum mw_fbase { MW_BASE_DEC = 0, MW_BASE_HEX = 1 };

/* One field of a layout. Offsets are from the first byte of the element
 * (its type byte for extensions/options; byte 0 of the message or header).
 * A field that lies (partly) beyond the element's length is not present. */
struct mw_field {
	const char *key;   /* JSON member and filter suffix: "lifetime" */
	const char *name;  /* display name: "Lifetime" */
	uint16_t off;
	uint16_t len;      /* bytes; 0 = from off to the end of the element */
	uint8_t type;      /* enum mw_ftype */
	uint8_t base;      /* enum mw_fbase (UINT only) */
	uint8_t vals;      /* enum mw_reg_id naming the value, or MW_REG_NONE */
	uint32_t mask;     /* UINT/FLAG bits within len bytes (0 = all) */
	const char *unit;  /* "s", "x4 s", "ms", or NULL */
};

/* How an element's header is laid out (MIPv4 has several forms). */
enum mw_hdr_form {
	MW_HDR_NONE = 0, /* not a TLV (a message or a fixed header) */
	MW_HDR_PAD1,     /* one byte, no length (MIPv4 ext 0 / 255, MH Pad1) */
	MW_HDR_TLV8,     /* type(1) length(1) data; length excludes type+length */
	MW_HDR_LONG,     /* type(1) subtype(1) length(2) data (RFC 5944 1.10 long) */
	MW_HDR_SHORT,    /* type(1) length(1) subtype(1) data (RFC 5944 1.10 short) */
	MW_HDR_CVSE,     /* type(1) reserved(1) length(2) data (RFC 3115 CVSE) */
};

/* Where an element may appear (bit set), for validation and docs. */
#define MW_IN_RRQ        (1u << 0)
#define MW_IN_RRP        (1u << 1)
#define MW_IN_AGENT_ADV  (1u << 2)
#define MW_IN_REVOC      (1u << 3)
#define MW_IN_REG_RRQ    (1u << 4)  /* regional registration */
#define MW_IN_MIP4_OTHER (1u << 5)
#define MW_IN_MH_ANY     (1u << 8)  /* see the row's notes for MH types */

/* Row flags. */
#define MW_RF_DEPRECATED   (1u << 0)
#define MW_RF_EXPERIMENTAL (1u << 1)
#define MW_RF_SKIPPABLE    (1u << 2) /* MIPv4: code >= 128 */
#define MW_RF_RESERVED     (1u << 3) /* listed by IANA as reserved */

#define MW_LEN_ANY 0xffffu

struct mw_reg_entry {
	const char *key;   /* stable lower-case id: "mn_ha_auth"; NULL = unassigned */
	const char *name;  /* display name: "MN-HA Authentication" */
	const char *ref;   /* "RFC 5944 3.5.2" */
	uint16_t code;
	uint16_t min_len;  /* total element length bounds incl. header */
	uint16_t max_len;  /* MW_LEN_ANY = unbounded */
	uint8_t hdr;       /* enum mw_hdr_form */
	uint8_t align_n;   /* alignment requirement x*n + k (MH options); 0 none */
	uint8_t align_k;
	uint8_t sub;       /* enum mw_reg_id of the elements that follow (0 none) */
	uint8_t flags;     /* MW_RF_* */
	uint32_t where;    /* MW_IN_* mask, 0 = not restricted */
	const struct mw_field *fields;
	uint16_t n_fields;
};

struct mw_registry {
	uint8_t id;        /* enum mw_reg_id */
	const char *key;   /* "mip4.ext": the JSON / filter prefix */
	const char *name;  /* "Extensions to Mobile IP Registration Messages" */
	const char *source;/* "IANA mobileip-numbers" */
	const struct mw_reg_entry *rows; /* indexed by code */
	uint16_t n_rows;   /* array length (max code + 1) */
};

/* NULL for MW_REG_NONE or an id nobody filled in. */
const struct mw_registry *mw_registry_get(enum mw_reg_id id);
/* Row for a code, or NULL when unassigned / out of range. */
const struct mw_reg_entry *mw_reg_lookup(enum mw_reg_id id, unsigned code);
/* Name for a code, or NULL. */
const char *mw_reg_name(enum mw_reg_id id, unsigned code);
/* Name for a code, or "unknown (N)" written into buf. */
const char *mw_reg_name_or(enum mw_reg_id id, unsigned code, char *buf,
			   size_t cap);

/* Iterate the assigned rows of a registry: for (row = mw_reg_first(r); row;
 * row = mw_reg_next(r, row)). */
const struct mw_reg_entry *mw_reg_first(const struct mw_registry *r);
const struct mw_reg_entry *mw_reg_next(const struct mw_registry *r,
				       const struct mw_reg_entry *row);

/* Helper for table authors: number of elements of a field array. */
#define MW_FIELDS(arr) (arr), (uint16_t)(sizeof(arr) / sizeof((arr)[0]))

#ifdef __cplusplus
}
#endif
#endif
