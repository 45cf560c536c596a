/* Sub-type registries of MIPv4 extensions (long / short forms), with the
 * layout of each sub-type's body (offsets from the extension's type byte).
 * Names as in libmipwire/registry/iana/mip4-*-subtypes.csv. Tables with a
 * global id are linked by registry.c; the others are reached through
 * mw_mip4_subtypes(). */
#include "mip4_int.h"

/* Sub-type rows: total element length bounds, header form of the parent. */
#define SUB(c, k, n, r, mn, mx, f) ROW(c, k, n, r, mn, mx, MW_HDR_NONE, 0, 0, 0, f)
#define SUBF(c, k, n, r, mn, mx, fl, f) ROW(c, k, n, r, mn, mx, MW_HDR_NONE, 0, fl, 0, f)

/* --- 36 Generalized Mobile IP Authentication (long) --- */
static const struct mw_field f_gauth[] = {
	F_UX("spi", "SPI", 4, 4),
	F_BY("auth", "Authenticator", 8, 0),
};
static const struct mw_reg_entry gauth_rows[256] = {
	SUB(1, "mn_aaa", "MN-AAA Authentication subtype", "RFC 4721 6", 8, MW_LEN_ANY, f_gauth),
	SUB(2, "fa_fa", "FA-FA authentication", "RFC 4857 11", 8, MW_LEN_ANY, f_gauth),
	SUB(3, "mn_gfa", "MN-GFA authentication", "RFC 4857 11", 8, MW_LEN_ANY, f_gauth),
	SUB(4, "mn_par", "MN-PAR Auth Extension", "RFC 4988 5.1", 8, MW_LEN_ANY, f_gauth),
};
const struct mw_registry mwi_reg_mip4_gauth_sub = {
	MW_REG_MIP4_GAUTH_SUB, "mip4.gauth", "Generalized Authentication Extension (Value 36) subtypes",
	"IANA mobileip-numbers", gauth_rows, 256,
};

/* Sub-type rows whose body has no fields of its own (or whose fields are
 * in the extension's row): the body after a short (3) or long (4) header. */
static const struct mw_field f_body3[] = { F_BY("data", "Data", 3, 0) };
static const struct mw_field f_body4[] = { F_BY("data", "Data", 4, 0) };
#define SUB3(c, k, n, r, mn, mx, fl) ROW(c, k, n, r, mn, mx, MW_HDR_NONE, 0, fl, 0, f_body3)
#define SUB4(c, k, n, r, mn, mx, fl) ROW(c, k, n, r, mn, mx, MW_HDR_NONE, 0, fl, 0, f_body4)
#define REG(var, id, key, name, rows) \
	const struct mw_registry var = { id, key, name, "IANA mobileip-numbers", rows, 256 }

extern const struct mw_registry mwi_reg_mip4_keygen_sub, mwi_reg_mip4_udptun_reply_sub,
	mwi_reg_mip4_fa_error_sub, mwi_reg_mip4_pmip_ns_sub, mwi_reg_mip4_gre_sub,
	mwi_reg_mip4_ro_sub, mwi_reg_mip4_ro_data_sub, mwi_reg_mip4_nai_sub,
	mwi_reg_mip4_dynha_sub, mwi_reg_mip4_udptun_req_sub, mwi_reg_mip4_tnc_sub,
	mwi_reg_mip4_mrro_sub, mwi_reg_mip4_mpath_sub;

/* --- 40-43 AAA key generation (long, RFC 3957 6): the layouts differ per
 * extension type, so they are in the extension rows --- */
static const struct mw_reg_entry keygen_rows[256] = {
	SUB4(1, "from_aaa", "KeyGen Request/Reply from AAA", "RFC 3957 6", 4, MW_LEN_ANY, 0),
	SUB4(7, "early", "Not to be allocated - used by early implementations", "", 4,
	     MW_LEN_ANY, MW_RF_RESERVED),
};
REG(mwi_reg_mip4_keygen_sub, MW_REG_MIP4_KEYGEN_SUB, "mip4.keygen",
    "KeyGen Request/Reply subtypes (Value 40-43)", keygen_rows);

/* --- 44 UDP Tunnel Reply (short): fields in the extension row --- */
static const struct mw_reg_entry udptun_reply_rows[256] = {
	SUB3(0, "regular", "Regular UDP Tunnel Reply Extension", "RFC 3519 3.2", 8, 8, 0),
};
REG(mwi_reg_mip4_udptun_reply_sub, MW_REG_MIP4_UDPTUN_REPLY_SUB, "mip4.udptun_reply",
    "UDP Tunnel Reply Extension (Value 44) subtypes", udptun_reply_rows);

/* --- 45 FA Error (short, RFC 4636 3: Length 2) --- */
static const struct mw_field f_fa_error[] = {
	F_UV("status", "Status", 3, 1, MW_REG_MIP4_REPLY),
};
static const struct mw_reg_entry fa_error_rows[256] = {
	SUB(0, "fa_error_to_mn", "FA Error Indication to MN", "RFC 4636 3", 4, 4, f_fa_error),
};
REG(mwi_reg_mip4_fa_error_sub, MW_REG_MIP4_FA_ERROR_SUB, "mip4.fa_error",
    "FA Error Extension subtypes (value 45)", fa_error_rows);

/* --- 47 PMIPv4 non-skippable (long, RFC 5563 5.1: Length 1) --- */
static const struct mw_field f_pmip_auth[] = {
	F_UV("method", "Authentication Method", 4, 1, MW_REG_MIP4_PMIP_AUTH),
};
static const struct mw_reg_entry pmip_ns_rows[256] = {
	SUB(1, "per_node_auth", "PMIPv4 Per-Node Authentication Method", "RFC 5563 5.1", 5, 5,
	    f_pmip_auth),
};
REG(mwi_reg_mip4_pmip_ns_sub, MW_REG_MIP4_PMIP_NS_SUB, "mip4.pmip_ns",
    "PMIPv4 Non-skippable Extension (Value 47) subtypes", pmip_ns_rows);

/* --- 48 GRE Key (long) --- */
static const struct mw_field f_gre[] = { F_UX("key", "Key Identifier", 4, 4) };
static const struct mw_reg_entry gre_rows[256] = {
	SUB(0, "gre_key", "GRE Key Extension", "RFC 6245 5", 8, 8, f_gre),
};
REG(mwi_reg_mip4_gre_sub, MW_REG_MIP4_GRE_SUB, "mip4.gre_key",
    "GRE Key Extension subtypes (value 48)", gre_rows);

/* --- 49 Route Optimization (short) --- */
static const struct mw_field f_ro_reply[] = {
	F_FL("o", "Outbound only (O)", 3, 1, 0x80),
	F_FL("n", "NAT detected (N)", 3, 1, 0x40),
	F_FL("s", "Solicited (S)", 3, 1, 0x20),
	F_UM("code", "Code", 3, 1, 0x1f),
};
static const struct mw_field f_ro_auth[] = {
	F_UX("reserved", "Reserved", 3, 1),
	F_U("home_nonce_index", "Home Nonce Index", 4, 2),
	F_U("coa_nonce_index", "Care-of Nonce Index", 6, 2),
	F_BY("auth", "Authenticator", 8, 0),
};
static const struct mw_field f_ro_coa[] = {
	F_UX("reserved", "Reserved", 3, 1),
	F_A4L("coa", "Care-of Address", 4),
};
static const struct mw_reg_entry ro_rows[256] = {
	SUB3(0, "reserved", "Reserved", "RFC 6521", 3, MW_LEN_ANY, MW_RF_RESERVED),
	SUB(1, "ro_reply", "Route Optimization Reply", "RFC 6521 5.2", 4, 4, f_ro_reply),
	SUB(2, "mc_auth", "Mobile-Correspondent Authentication", "RFC 6521 5.3", 8, MW_LEN_ANY, f_ro_auth),
	SUB(3, "coa", "Care-of Address", "RFC 6521 5.4", 8, MW_LEN_ANY, f_ro_coa),
};
REG(mwi_reg_mip4_ro_sub, MW_REG_MIP4_RO_SUB, "mip4.ro",
    "Route Optimization Extension (Value 49) subtypes", ro_rows);

/* --- 50 Route Optimization Data (long); information structures are
 * variable (D/M bits, PLen/Info, HoA or prefix + realm, RFC 6521 5.5) --- */
static const struct mw_field f_ro_data[] = {
	F_FL("d", "Delta (D) of the first structure", 4, 1, 0x80),
	F_FL("m", "Mobile Router HoA (M) of the first structure", 4, 1, 0x40),
	F_UM("plen_info", "PLen/Info of the first structure", 4, 1, 0x3f),
	F_BY("info", "Information Structures", 4, 0),
};
static const struct mw_reg_entry ro_data_rows[256] = {
	SUB4(0, "reserved", "Reserved", "RFC 6521", 4, MW_LEN_ANY, MW_RF_RESERVED),
	SUB(1, "prefix_adv", "Route Optimization Prefix Advertisement", "RFC 6521 5.5", 5,
	    MW_LEN_ANY, f_ro_data),
};
REG(mwi_reg_mip4_ro_data_sub, MW_REG_MIP4_RO_DATA_SUB, "mip4.ro_data",
    "Route Optimization Data Extension (Value 50) subtypes", ro_data_rows);

/* --- 136 NAI Carrying (short; registration and advertisement) --- */
static const struct mw_field f_nai3[] = { F_STR("nai", "NAI", 3) };
static const struct mw_reg_entry nai_rows[256] = {
	SUB(1, "ha_identity", "HA Identity", "RFC 3846 4", 3, MW_LEN_ANY, f_nai3),
	SUB(2, "aaah_identity", "AAAH identity", "RFC 3846 5", 3, MW_LEN_ANY, f_nai3),
	SUB(3, "fa_nai", "Foreign Agent NAI (FA-NAI)", "RFC 4857 8.2", 3, MW_LEN_ANY, f_nai3),
};
REG(mwi_reg_mip4_nai_sub, MW_REG_MIP4_NAI_SUB, "mip4.nai_carrying",
    "NAI Carrying Extension Sub-types (Value 136)", nai_rows);

/* --- 138 / adv 140 Generalized Link Layer Address (short, RFC 4881 9) --- */
static const struct mw_field f_glla_bytes[] = { F_BY("lla", "Link Layer Address", 3, 0) };
static const struct mw_field f_glla_imsi2[] = { F_STR("imsi_conn", "IMSI:Connection ID", 3) };
static const struct mw_field f_glla_mac[] = { F_MAC("mac", "MAC Address", 3) };
static const struct mw_field f_glla_eui64[] = { F_UX("eui64", "EUI-64", 3, 8) };
static const struct mw_field f_glla_ip[] = { F_A4("addr", "IPv4 Address", 3) };
static const struct mw_field f_glla_ap[] = { F_UX("ap_id", "AP ID", 3, 4) };
static const struct mw_reg_entry glla_rows[256] = {
	SUBF(0, "reserved", "Reserved", "RFC 4881 10.2", 3, MW_LEN_ANY, MW_RF_RESERVED, f_glla_bytes),
	SUB(1, "imsi_3gpp2", "3GPP2 International Mobile Station Identity and Connection ID",
	    "RFC 4881 9.1", 3, MW_LEN_ANY, f_glla_imsi2),
	SUB(2, "imsi_3gpp", "3GPP International Mobile Subscriber Identity", "RFC 4881 9.2", 3,
	    MW_LEN_ANY, f_glla_bytes),
	SUB(3, "mac48", "Ethernet 48-bit MAC address", "RFC 4881 9.3", 9, 9, f_glla_mac),
	SUB(4, "eui64", "64-bit Global ID, EUI-64", "RFC 4881 9.4", 11, 11, f_glla_eui64),
	SUB(5, "solicited_ip", "Solicited IPv4 Address", "RFC 4881 9.5", 7, 7, f_glla_ip),
	SUB(6, "ap_id", "Access Point Identifier", "RFC 4881 9.6", 7, 7, f_glla_ap),
	SUB(7, "fa_ip", "FA IPv4 Address", "RFC 4881 9.7", 7, 7, f_glla_ip),
};
const struct mw_registry mwi_reg_mip4_glla_sub = {
	MW_REG_MIP4_GLLA_SUB, "mip4.glla", "Generalized Link Layer Address Extension Subtypes",
	"IANA mobileip-numbers", glla_rows, 256,
};

/* --- 139 Dynamic HA (long, RFC 4433 3.4: Length 4) --- */
static const struct mw_field f_dynha[] = { F_A4("ha", "Home Agent Address", 4) };
static const struct mw_reg_entry dynha_rows[256] = {
	SUB(1, "requested_ha", "Requested HA Extension", "RFC 4433 3.4.1", 8, 8, f_dynha),
	SUB(2, "redirected_ha", "Redirected HA Extension", "RFC 4433 3.4.2", 8, 8, f_dynha),
};
REG(mwi_reg_mip4_dynha_sub, MW_REG_MIP4_DYNHA_SUB, "mip4.dyn_ha",
    "Dynamic HA Extension subtypes (Value 139)", dynha_rows);

/* --- 144 UDP Tunnel Request (short): fields in the extension row --- */
static const struct mw_reg_entry udptun_req_rows[256] = {
	SUB3(0, "regular", "Regular UDP Tunnel Request Extension", "RFC 3519 3.1", 8, 8, 0),
};
REG(mwi_reg_mip4_udptun_req_sub, MW_REG_MIP4_UDPTUN_REQ_SUB, "mip4.udptun_req",
    "UDP Tunnel Request Extension (Value 144) subtypes", udptun_req_rows);

/* --- 145 Message String (short, RFC 4917 3: text of one or more octets) --- */
static const struct mw_field f_text[] = { F_STR("text", "Text", 3) };
static const struct mw_reg_entry msgstr_rows[256] = {
	SUB(1, "ha", "Home Agent", "RFC 4917 3", 4, MW_LEN_ANY, f_text),
	SUB(2, "fa", "Foreign Agent", "RFC 4917 3", 4, MW_LEN_ANY, f_text),
};
const struct mw_registry mwi_reg_mip4_msgstr_sub = {
	MW_REG_MIP4_MSGSTR_SUB, "mip4.msgstr", "Message String Extension (Value 145) sub-types",
	"IANA mobileip-numbers", msgstr_rows, 256,
};

/* --- 147 PMIPv4 skippable (short, RFC 5563 5.2-5.5) --- */
static const struct mw_field f_pmip_if[] = { F_BY("interface_id", "Interface ID", 3, 0) };
static const struct mw_field f_pmip_dev[] = {
	F_UV("id_type", "ID Type", 3, 1, MW_REG_MIP4_PMIP_DEVID),
	F_BY("id", "Identifier", 4, 0),
};
static const struct mw_field f_pmip_sub[] = {
	F_UV("id_type", "ID Type", 3, 1, MW_REG_MIP4_PMIP_SUBID),
	F_BY("id", "Identifier", 4, 0),
};
static const struct mw_field f_pmip_att[] = {
	F_UV("att", "Access Technology Type", 3, 1, MW_REG_MIP4_ACCESS_TECH),
};
static const struct mw_reg_entry pmip_rows[256] = {
	SUB(1, "interface_id", "PMIPv4 Interface ID", "RFC 5563 5.2", 3, MW_LEN_ANY, f_pmip_if),
	SUB(2, "device_id", "PMIPv4 Device ID", "RFC 5563 5.3", 4, MW_LEN_ANY, f_pmip_dev),
	SUB(3, "subscriber_id", "PMIPv4 Subscriber ID", "RFC 5563 5.4", 4, MW_LEN_ANY, f_pmip_sub),
	SUB(4, "access_tech", "Access Technology Type", "RFC 5563 5.5", 4, 4, f_pmip_att),
};
const struct mw_registry mwi_reg_mip4_conf_sub = {
	MW_REG_MIP4_CONF_SUB, "mip4.pmip", "PMIPv4 Skippable Extension (Value 147) subtypes",
	"IANA mobileip-numbers", pmip_rows, 256,
};

/* --- 148 Mobile Network / NEMOv4 (short, RFC 5177 4.1 / 4.2) --- */
static const struct mw_field f_nemo_req[] = {
	F_U("prefix_len", "Prefix Length", 3, 1),
	F_A4("prefix", "Prefix", 4),
};
static const struct mw_field f_nemo_ack[] = {
	F_UV("code", "Code", 3, 1, MW_REG_MIP4_NEMO_ACK),
	F_U("prefix_len", "Prefix Length", 4, 1),
	F_UX("reserved", "Reserved", 5, 1),
	F_A4("prefix", "Prefix", 6),
};
static const struct mw_reg_entry nemo_rows[256] = {
	SUB(0, "request", "Mobile Network Request Extension", "RFC 5177 4.1", 8, 8, f_nemo_req),
	SUB(1, "explicit_ack", "Explicit Mode Acknowledgement Extension", "RFC 5177 4.2", 10, 10, f_nemo_ack),
	SUB(2, "implicit_ack", "Implicit Mode Acknowledgement Extension", "RFC 5177 4.2", 10, 10, f_nemo_ack),
};
const struct mw_registry mwi_reg_mip4_nemo_sub = {
	MW_REG_MIP4_NEMO_SUB, "mip4.nemo", "Mobile Network Extension subtypes (Value 148)",
	"IANA mobileip-numbers", nemo_rows, 256,
};

/* --- 149 TNC (short, RFC 5265 3.4: Length 2) --- */
static const struct mw_field f_tnc[] = { F_UX("reserved", "Reserved", 3, 1) };
static const struct mw_reg_entry tnc_rows[256] = {
	SUB(0, "tnc", "Trusted Networks Configured (TNC)", "RFC 5265 3.4", 4, 4, f_tnc),
};
REG(mwi_reg_mip4_tnc_sub, MW_REG_MIP4_TNC_SUB, "mip4.tnc",
    "Trusted Networks Configured (TNC) Extension subtypes (Value 149)", tnc_rows);

/* --- 152 DSMIPv4 (short, RFC 5454 2.1-2.3) --- */
static const struct mw_field f_ds_req[] = {
	F_U("prefix_len", "Prefix Length", 3, 1),
	F_A6("prefix", "Mobile IPv6 Network Prefix", 4),
};
static const struct mw_field f_ds_reply[] = {
	F_UV("code", "Code", 3, 1, MW_REG_MIP4_IP6PFX_REPLY),
	F_U("prefix_len", "Prefix Length", 4, 1),
	F_UX("reserved", "Reserved", 5, 1),
	F_A6("prefix", "Mobile IPv6 Network Prefix", 6),
};
static const struct mw_field f_ds_mode[] = { F_UX("reserved", "Reserved", 3, 1) };
static const struct mw_reg_entry dstack_rows[256] = {
	SUB(1, "prefix_req", "IPv6 Prefix Request", "RFC 5454 2.1", 20, 20, f_ds_req),
	SUB(2, "prefix_reply", "IPv6 Prefix Reply", "RFC 5454 2.2", 22, 22, f_ds_reply),
	SUB(3, "tunnel_mode", "IPv6 Tunneling Mode", "RFC 5454 2.3", 4, 4, f_ds_mode),
};
const struct mw_registry mwi_reg_mip4_dstack_sub = {
	MW_REG_MIP4_DSTACK_SUB, "mip4.dsmip4", "Dual Stack (DSMIPv4) Extension subtypes (Value 152)",
	"IANA mobileip-numbers", dstack_rows, 256,
};

/* --- 153 MR Route Optimization Capability (short, RFC 6521 5.1:
 * |A|R|S|O|Rsvd|, HoA only when S is set) --- */
static const struct mw_field f_mrro[] = {
	F_FL("a", "Advertise my networks (A)", 3, 1, 0x80),
	F_FL("r", "Request mobile network information (R)", 3, 1, 0x40),
	F_FL("s", "Solicit prefixes of a specific MR (S)", 3, 1, 0x20),
	F_FL("o", "Outbound only (O)", 3, 1, 0x10),
	F_UM("reserved", "Reserved", 3, 1, 0x0f),
	F_A4("mr_hoa", "Mobile Router HoA", 4),
};
static const struct mw_reg_entry mrro_rows[256] = {
	SUB3(0, "reserved", "Reserved", "RFC 6521", 3, MW_LEN_ANY, MW_RF_RESERVED),
	SUB(1, "capability", "Mobile Router Route Optimization Capability", "RFC 6521 5.1", 4,
	    8, f_mrro),
};
REG(mwi_reg_mip4_mrro_sub, MW_REG_MIP4_MRRO_SUB, "mip4.mr_ro_cap",
    "Mobile Router Route Optimization Capability Extension (Value 153) subtypes", mrro_rows);

/* --- 154 Multipath (long, RFC 7629 4.1 / 4.2) --- */
static const struct mw_field f_mpath[] = {
	F_UV("if_att", "Interface Access-Technology Type", 4, 1, MW_REG_ACCESS_TECH),
	F_U("if_label", "Interface Label", 5, 1),
	F_U("bid", "Binding ID", 6, 1),
	F_FL("b", "Bulk Re-registration (B)", 7, 1, 0x80),
	F_FL("o", "Registration Overwrite (O)", 7, 1, 0x40),
	F_UM("reserved", "Reserved", 7, 1, 0x3f),
};
/* BID list (BID Count octets), then TS Format and the traffic selector. */
static const struct mw_field f_flowb[] = {
	F_U("action", "Action", 4, 1),
	F_U("bid_count", "BID Count", 5, 1),
	F_BY("bids_ts", "BID List, TS Format and Traffic Selector", 6, 0),
};
static const struct mw_reg_entry mpath_rows[256] = {
	SUB4(0, "reserved", "Reserved", "RFC 7629", 4, MW_LEN_ANY, MW_RF_RESERVED),
	SUB(1, "multipath", "Multipath Extension", "RFC 7629 4.1", 8, 8, f_mpath),
	SUB(2, "flow_binding", "Flow-Binding Extension", "RFC 7629 4.2", 8, MW_LEN_ANY, f_flowb),
	SUB4(255, "reserved_255", "Reserved", "RFC 7629", 4, MW_LEN_ANY, MW_RF_RESERVED),
};
REG(mwi_reg_mip4_mpath_sub, MW_REG_MIP4_MPATH_SUB, "mip4.multipath",
    "Multipath Extension subtypes (Value 154)", mpath_rows);

const struct mw_registry *mwi_mip4_subreg(uint8_t t, bool adv)
{
	if (adv) {
		if (t == 136)
			return &mwi_reg_mip4_nai_sub;
		if (t == 140)
			return &mwi_reg_mip4_glla_sub;
		return NULL;
	}
	switch (t) {
	case 36: return &mwi_reg_mip4_gauth_sub;
	case 40: case 41: case 42: case 43: return &mwi_reg_mip4_keygen_sub;
	case 44: return &mwi_reg_mip4_udptun_reply_sub;
	case 45: return &mwi_reg_mip4_fa_error_sub;
	case 47: return &mwi_reg_mip4_pmip_ns_sub;
	case 48: return &mwi_reg_mip4_gre_sub;
	case 49: return &mwi_reg_mip4_ro_sub;
	case 50: return &mwi_reg_mip4_ro_data_sub;
	case 136: return &mwi_reg_mip4_nai_sub;
	case 138: return &mwi_reg_mip4_glla_sub;
	case 139: return &mwi_reg_mip4_dynha_sub;
	case 144: return &mwi_reg_mip4_udptun_req_sub;
	case 145: return &mwi_reg_mip4_msgstr_sub;
	case 147: return &mwi_reg_mip4_conf_sub;
	case 148: return &mwi_reg_mip4_nemo_sub;
	case 149: return &mwi_reg_mip4_tnc_sub;
	case 152: return &mwi_reg_mip4_dstack_sub;
	case 153: return &mwi_reg_mip4_mrro_sub;
	case 154: return &mwi_reg_mip4_mpath_sub;
	default: return NULL;
	}
}

MWI_EXPORT const struct mw_registry *mw_mip4_subtypes(uint8_t ext_type, bool adv)
{
	return mwi_mip4_subreg(ext_type, adv);
}

MWI_EXPORT const struct mw_reg_entry *mw_mip4_sub_row(const struct mw_elem *e)
{
	const struct mw_registry *r;
	const struct mw_reg_entry *row = mw_elem_row(e);

	if (!row || (row->hdr != MW_HDR_LONG && row->hdr != MW_HDR_SHORT))
		return NULL;
	r = mwi_mip4_subreg(e->type, e->reg == MW_REG_MIP4_ADV_EXT);
	if (!r || e->subtype >= r->n_rows || !r->rows[e->subtype].key)
		return NULL;
	return &r->rows[e->subtype];
}

extern const struct mw_registry mwi_reg_mip4_pmip_auth, mwi_reg_mip4_pmip_devid,
	mwi_reg_mip4_pmip_subid, mwi_reg_mip4_replay, mwi_reg_mip4_spi;

static const struct mw_mip4_table tables[] = {
	{ &mwi_reg_mip4_msg, "mip4-message-types.csv" },
	{ &mwi_reg_mip4_ext, "mip4-extensions.csv" },
	{ &mwi_reg_mip4_adv_ext, "mip4-adv-extensions.csv" },
	{ &mwi_reg_mip4_reply, "mip4-reply-codes.csv" },
	{ &mwi_reg_mip4_gauth_sub, "mip4-gen-auth-subtypes.csv" },
	{ &mwi_reg_mip4_keygen_sub, "mip4-keygen-subtypes.csv" },
	{ &mwi_reg_mip4_udptun_reply_sub, "mip4-udp-tunnel-reply-subtypes.csv" },
	{ &mwi_reg_mip4_fa_error_sub, "mip4-fa-error-subtypes.csv" },
	{ &mwi_reg_mip4_gre_sub, "mip4-gre-key-subtypes.csv" },
	{ &mwi_reg_mip4_nai_sub, "mip4-nai-carrying-subtypes.csv" },
	{ &mwi_reg_mip4_dynha_sub, "mip4-dynamic-ha-subtypes.csv" },
	{ &mwi_reg_mip4_udptun_req_sub, "mip4-udp-tunnel-request-subtypes.csv" },
	{ &mwi_reg_mip4_nemo_sub, "mip4-mobile-network-subtypes.csv" },
	{ &mwi_reg_mip4_tnc_sub, "mip4-tnc-subtypes.csv" },
	{ &mwi_reg_mip4_mpath_sub, "mip4-multipath-subtypes.csv" },
	{ &mwi_reg_mip4_spi, "mip4-reserved-spis.csv" },
	{ &mwi_reg_mip4_replay, "mip4-replay-methods.csv" },
	{ &mwi_reg_mip4_glla_sub, "mip4-gen-lla-subtypes.csv" },
	{ &mwi_reg_mip4_ho_sub, "mip4-handoff-reply-codes.csv" },
	{ &mwi_reg_mip4_msgstr_sub, "mip4-message-string-subtypes.csv" },
	{ &mwi_reg_mip4_nemo_ack, "mip4-mobile-network-ack-codes.csv" },
	{ &mwi_reg_mip4_pmip_ns_sub, "mip4-pmip4-nonskippable-subtypes.csv" },
	{ &mwi_reg_mip4_conf_sub, "mip4-pmip4-skippable-subtypes.csv" },
	{ &mwi_reg_mip4_dstack_sub, "mip4-dsmip4-subtypes.csv" },
	{ &mwi_reg_mip4_pmip_auth, "mip4-pmip4-auth-methods.csv" },
	{ &mwi_reg_mip4_pmip_devid, "mip4-pmip4-device-id-types.csv" },
	{ &mwi_reg_mip4_pmip_subid, "mip4-pmip4-subscriber-id-types.csv" },
	{ &mwi_reg_mip4_access_tech, "mip4-access-tech-types.csv" },
	{ &mwi_reg_mip4_ip6pfx_reply, "mip4-ipv6-prefix-reply-codes.csv" },
	{ &mwi_reg_mip4_gnm_sub, "mip4-gen-notification-codes.csv" },
	{ &mwi_reg_mip4_ro_sub, "mip4-ro-subtypes.csv" },
	{ &mwi_reg_mip4_ro_data_sub, "mip4-ro-data-subtypes.csv" },
	{ &mwi_reg_mip4_mrro_sub, "mip4-mr-ro-capability-subtypes.csv" },
	{ &mwi_reg_mip4_udptun_reply, NULL },
};

MWI_EXPORT const struct mw_mip4_table *mw_mip4_registries(size_t *n)
{
	*n = sizeof(tables) / sizeof(tables[0]);
	return tables;
}
