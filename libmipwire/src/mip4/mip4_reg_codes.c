/* Registries of code values used by MIPv4 fields (reply codes, status
 * codes, identifier types). Transcribed from libmipwire/registry/iana/
 * (names exactly as IANA wrote them); UDP tunnel reply codes from RFC 3519
 * 3.2.1 (no IANA registry). Regenerate by hand when the CSVs change. */
#include "mip4_int.h"

static const struct mw_reg_entry mwi_reg_mip4_reply_rows[256] = {
	CODE(0, "registration_accepted", "registration accepted", "RFC 3344"),
	CODE(1, "registration_accepted_but_simultaneous_m", "registration accepted, but simultaneous mobility bindings unsupported", "RFC 3344"),
	CODE(2, "concurrent_registration_pre_accept", "Concurrent registration (pre-accept)", "RFC 6521"),
	CODE(64, "reason_unspecified", "reason unspecified", "RFC 3344"),
	CODE(65, "administratively_prohibited", "administratively prohibited", "RFC 3344"),
	CODE(66, "insufficient_resources", "insufficient resources", "RFC 3344"),
	CODE(67, "mobile_node_failed_authentication", "mobile node failed authentication", "RFC 3344; RFC 4721"),
	CODE(68, "home_agent_failed_authentication", "home agent failed authentication", "RFC 3344"),
	CODE(69, "requested_lifetime_too_long", "requested Lifetime too long", "RFC 3344"),
	CODE(70, "poorly_formed_request", "poorly formed Request", "RFC 3344"),
	CODE(71, "poorly_formed_reply", "poorly formed Reply", "RFC 3344"),
	CODE(72, "requested_encapsulation_unavailable", "requested encapsulation unavailable", "RFC 3344"),
	CODE(73, "reserved_and_unavailable", "reserved and unavailable", "RFC 3344"),
	CODE(74, "request_reverse_tunnel_unavailable", "request reverse tunnel unavailable", "RFC 3024"),
	CODE(75, "reverse_runnel_is_mandatory_and_t_bit_no", "reverse runnel is mandatory and 'T' bit not set", "RFC 3024"),
	CODE(76, "mobile_node_too_distant", "mobile node too distant", "RFC 3024"),
	CODE(77, "invalid_care_of_address", "invalid care-of address", "RFC 3344"),
	CODE(78, "registration_timeout", "registration timeout", "RFC 3344"),
	CODE(79, "delivery_style_not_supported", "delivery style not supported", "RFC 3024"),
	CODE(80, "home_network_unreachable_icmp_error_rece", "home network unreachable (ICMP error received)", "RFC 3344"),
	CODE(81, "home_agent_host_unreachable_icmp_error_r", "home agent host unreachable (ICMP error received)", "RFC 3344"),
	CODE(82, "home_agent_port_unreachable_icmp_error_r", "home agent port unreachable (ICMP error received)", "RFC 3344"),
	CODE(88, "home_agent_unreachable_other_icmp_error", "home agent unreachable (other ICMP error received)", "RFC 3344"),
	CODE(89, "vendor_specific_reason", "vendor-specific reason", "Frank_Quick"),
	CODE(90, "non_zero_ha_address_required_in_registra", "Non-zero HA address required in Registration Request", "RFC 4433"),
	CODE(96, "nonzero_homeaddr_reqd", "nonzero_homeaddr_reqd", "RFC 2794"),
	CODE(97, "missing_nai", "missing_nai", "RFC 2794"),
	CODE(98, "missing_home_agent", "missing_home_agent", "RFC 2794"),
	CODE(99, "missing_homeaddr", "missing_homeaddr", "RFC 2794"),
	CODE(100, "error_fa_1", "ERROR-FA-1", "RFC 3115"),
	CODE(101, "error_fa_2", "ERROR-FA-2", "RFC 3115"),
	CODE(104, "unknown_challenge", "unknown_challenge", "RFC 4721"),
	CODE(105, "missing_challenge", "missing_challenge", "RFC 4721"),
	CODE(106, "stale_challenge", "stale_challenge", "RFC 4721"),
	CODE(107, "missing_mn_fa", "MISSING_MN_FA", "RFC 3957"),
	CODE(108, "fa_bad_aaa_auth", "Error code from Foreign Agent => fa_bad_aaa_auth", "RFC 4721"),
	CODE(109, "ha_wrong_challenge", "Error code from Foreign Agent => ha_wrong_challenge", "RFC 4721"),
	CODE(110, "replay_prot_unavail", "Error code from Foreign Agent => REPLAY_PROT_UNAVAIL", "RFC 4857"),
	CODE(111, "zero_coa_not_supp", "Error code from Foreign Agent => ZERO_COA_NOT_SUPP", "RFC 4857"),
	CODE(112, "unknown_gfa", "UNKNOWN_GFA", "RFC 4857"),
	CODE(113, "gfa_unreachable", "GFA_UNREACHABLE", "RFC 4857"),
	CODE(114, "gfa_host_unreachable", "GFA_HOST_UNREACHABLE", "RFC 4857"),
	CODE(115, "gfa_port_unreachable", "GFA_PORT_UNREACHABLE", "RFC 4857"),
	CODE(116, "invalid_home_agent_address", "Invalid Home Agent Address", "RFC 5944"),
	CODE(127, "fa_error_code_for_experimental_use", "FA Error Code for Experimental use", "RFC 4064"),
	CODE(128, "reason_unspecified_128", "reason unspecified", "RFC 3344"),
	CODE(129, "administratively_prohibited_129", "administratively prohibited", "RFC 3344"),
	CODE(130, "insufficient_resources_130", "insufficient resources", "RFC 3344"),
	CODE(131, "mobile_node_failed_authentication_131", "mobile node failed authentication", "RFC 3344"),
	CODE(132, "foreign_agent_failed_authentication", "foreign agent failed authentication", "RFC 3344"),
	CODE(133, "registration_identification_mismatch", "registration Identification mismatch", "RFC 3344"),
	CODE(134, "poorly_formed_request_134", "poorly formed Request", "RFC 3344"),
	CODE(135, "too_many_simultaneous_mobility_bindings", "too many simultaneous mobility bindings", "RFC 3344"),
	CODE(136, "unknown_home_agent_address", "unknown home agent address", "RFC 3344"),
	CODE(137, "request_reverse_tunnel_unavailable_137", "request reverse tunnel unavailable", "RFC 3024"),
	CODE(138, "reverse_runnel_is_mandatory_and_t_bit_no_138", "reverse runnel is mandatory and 'T' bit not set", "RFC 3024"),
	CODE(139, "requested_encapsulation_unavailable_139", "requested encapsulation unavailable", "RFC 3024"),
	CODE(140, "error_ha_1", "ERROR-HA-1", "RFC 3115"),
	CODE(141, "error_ha_2", "ERROR-HA-2", "RFC 3115"),
	CODE(142, "error_ha_udp_encap_unavail", "ERROR_HA_UDP-ENCAP_UNAVAIL", "RFC 3519"),
	CODE(143, "reregister_with_redirected_ha", "Reregister with redirected HA", "RFC 4433"),
	CODE(144, "ha_bad_aaa_auth", "Error code from Home Agent => ha_bad_aaa_auth", "RFC 4721"),
	CODE(145, "zero_careof_address", "Error code from Home Agent => ZERO_CAREOF_ADDRESS", "RFC 4857"),
	CODE(146, "dyn_gfa_not_supp", "Error code from Home Agent => DYN_GFA_NOT_SUPP", "RFC 4857"),
	CODE(147, "mobile_network_prefix_operation_error_ha", "Mobile Network Prefix operation error (HA_MOBNET_ERROR)", "RFC 5177"),
	CODE(148, "mobile_router_operation_is_not_permitted", "Mobile Router operation is not permitted (HA_MOBNET_DISALLOWED)", "RFC 5177"),
	CODE(149, "pmip_unsupported", "PMIP_UNSUPPORTED", "RFC 5563"),
	CODE(150, "pmip_disallowed", "PMIP_DISALLOWED", "RFC 5563"),
	CODE(151, "service_authorization_failed", "SERVICE_AUTHORIZATION_FAILED", "RFC 5446"),
	CODE(152, "multipath_not_allowed", "MULTIPATH_NOT_ALLOWED", "RFC-ietf-mip4-multiple-tunnel-support-13"),
	CODE(153, "invalid_fb_identifier", "INVALID_FB_IDENTIFIER", "RFC-ietf-mip4-multiple-tunnel-support-13"),
	CODE(192, "ha_error_code_for_experimental_use", "HA Error Code for Experimental use", "RFC 4064"),
	CODE(193, "no_home_reg", "NO_HOME_REG", "RFC 4857"),
	CODE(194, "reserved", "Reserved", ""),
	CODE(201, "expired_home_nonce_index", "Expired Home nonce Index", "RFC 6521"),
	CODE(202, "expired_care_of_nonce_index", "Expired Care-of nonce Index", "RFC 6521"),
	CODE(203, "expired_nonces", "Expired nonces", "RFC 6521"),
};
const struct mw_registry mwi_reg_mip4_reply = {
	MW_REG_MIP4_REPLY, "mip4.reply", "Code Values for Mobile IP Registration Reply Messages",
	"IANA mobileip-numbers", mwi_reg_mip4_reply_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_gnm_sub_rows[256] = {
	CODE(0, "notification_accepted", "notification accepted", "RFC 6098"),
	CODE(64, "reason_unspecified", "reason unspecified", "RFC 6098"),
	CODE(65, "administratively_prohibited", "administratively prohibited", "RFC 6098"),
	CODE(66, "insufficient_resources", "insufficient resources", "RFC 6098"),
	CODE(67, "mobile_node_failed_authentication", "mobile node failed authentication", "RFC 6098"),
	CODE(68, "home_agent_failed_authentication", "home agent failed authentication", "RFC 6098"),
	CODE(69, "notification_identification_mismatch", "notification Identification mismatch", "RFC 6098"),
	CODE(127, "reserved_for_experimental_use", "Reserved for Experimental Use", "RFC 6098"),
	CODE(128, "reason_unspecified_128", "reason unspecified", "RFC 6098"),
	CODE(129, "administratively_prohibited_129", "administratively prohibited", "RFC 6098"),
	CODE(130, "insufficient_resources_130", "insufficient resources", "RFC 6098"),
	CODE(131, "mobile_node_failed_authentication_131", "mobile node failed authentication", "RFC 6098"),
	CODE(132, "foreign_agent_failed_authentication", "foreign agent failed authentication", "RFC 6098"),
	CODE(133, "notification_identification_mismatch_133", "notification Identification mismatch", "RFC 6098"),
	CODE(191, "reserved_for_experimental_use_191", "Reserved for Experimental Use", "RFC 6098"),
	CODE(192, "reason_unspecified_192", "reason unspecified", "RFC 6098"),
	CODE(193, "administratively_prohibited_193", "administratively prohibited", "RFC 6098"),
	CODE(194, "insufficient_resources_194", "insufficient resources", "RFC 6098"),
	CODE(195, "foreign_agent_failed_authentication_195", "foreign agent failed authentication", "RFC 6098"),
	CODE(196, "home_agent_failed_authentication_196", "home agent failed authentication", "RFC 6098"),
	CODE(197, "notification_identification_mismatch_197", "notification Identification mismatch", "RFC 6098"),
	CODE(255, "reserved_for_experimental_use_255", "Reserved for Experimental Use", "RFC 6098"),
};
const struct mw_registry mwi_reg_mip4_gnm_sub = {
	MW_REG_MIP4_GNM_SUB, "mip4.gnm_code", "Code Values for General Notification Messages",
	"IANA mobileip-numbers", mwi_reg_mip4_gnm_sub_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_ho_sub_rows[256] = {
	CODE(0, "successful_handoff", "Successful Handoff", "RFC 4881"),
	CODE(1, "generic_handoff_failure", "Generic Handoff Failure", "RFC 4881"),
};
const struct mw_registry mwi_reg_mip4_ho_sub = {
	MW_REG_MIP4_HO_SUB, "mip4.ho_code", "Code Values for Mobile IP Handoff Reply Messages",
	"IANA mobileip-numbers", mwi_reg_mip4_ho_sub_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_udptun_reply_rows[256] = {
	CODE(0, "will_do_tunnelling", "Will do tunnelling", "RFC 3519"),
	CODE(64, "tunnelling_declined_reason_unspecified", "Tunnelling declined, reason unspecified", "RFC 3519"),
};
const struct mw_registry mwi_reg_mip4_udptun_reply = {
	MW_REG_MIP4_UDPTUN_REPLY, "mip4.udptun_code", "UDP Tunnel Reply Codes (RFC 3519 3.2.1)",
	"IANA mobileip-numbers", mwi_reg_mip4_udptun_reply_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_nemo_ack_rows[256] = {
	CODE(0, "success", "Success", "RFC 5177"),
	CODE(1, "invalid_prefix_length_mobnet_invalid_pre", "Invalid prefix length (MOBNET_INVALID_PREFIX_LEN)", "RFC 5177"),
	CODE(2, "mobile_router_is_not_authorized_for_pref", "Mobile Router is not authorized for prefix (MOBNET_UNAUTHORIZED)", "RFC 5177"),
	CODE(3, "forwarding_setup_failed_mobnet_fwding_se", "Forwarding setup failed (MOBNET_FWDING_SETUP_FAILED)", "RFC 5177"),
	CODE(4, "home_agent_cannot_assign_a_mobile_networ", "Home Agent cannot assign a mobile network prefix (MOBNET_UNASSIGNED)", "RFC 6626"),
};
const struct mw_registry mwi_reg_mip4_nemo_ack = {
	MW_REG_MIP4_NEMO_ACK, "mip4.nemo_code", "Mobile Network Acknowledgement Extension",
	"IANA mobileip-numbers", mwi_reg_mip4_nemo_ack_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_access_tech_rows[256] = {
	CODE(0, "reserved", "Reserved", "RFC 5563"),
	CODE(1, "802_3", "802.3", "RFC 5563"),
	CODE(2, "802_11a_b_g", "802.11a/b/g", "RFC 5563"),
	CODE(3, "802_16e", "802.16e", "RFC 5563"),
	CODE(4, "802_16m", "802.16m", "RFC 5563"),
	CODE(5, "3gpp_eutran_lte", "3GPP EUTRAN/LTE", "RFC 5563"),
	CODE(6, "3gpp_utran_geran", "3GPP UTRAN/GERAN", "RFC 5563"),
	CODE(7, "3gpp2_1xrtt_hrpd", "3GPP2 1xRTT/HRPD", "RFC 5563"),
	CODE(8, "3gpp2_umb", "3GPP2 UMB", "RFC 5563"),
};
const struct mw_registry mwi_reg_mip4_access_tech = {
	MW_REG_MIP4_ACCESS_TECH, "mip4.access_tech", "Access Technology Types",
	"IANA mobileip-numbers", mwi_reg_mip4_access_tech_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_ip6pfx_reply_rows[256] = {
	CODE(0, "registration_accepted_ipv6_to_be_tunnele", "registration accepted, IPv6 to be tunneled to HoA", "RFC 5454"),
	CODE(1, "registration_accepted_ipv6_to_be_tunnele_1", "registration accepted, IPv6 to be tunneled to CoA", "RFC 5454"),
	CODE(8, "registration_rejected_reason_unspecified", "registration rejected, reason unspecified", "RFC 5454"),
	CODE(9, "registration_rejected_administratively_p", "registration rejected, administratively prohibited", "RFC 5454"),
};
const struct mw_registry mwi_reg_mip4_ip6pfx_reply = {
	MW_REG_MIP4_IP6PFX_REPLY, "mip4.ip6pfx_code", "IPv6 Prefix Reply Extension Codes",
	"IANA mobileip-numbers", mwi_reg_mip4_ip6pfx_reply_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_pmip_auth_rows[256] = {
	CODE(0, "reserved", "Reserved", "RFC 5563"),
	CODE(1, "fa_ha_authentication", "FA-HA Authentication", "RFC 5563"),
	CODE(2, "ipsec_authentication", "IPSec Authentication", "RFC 5563"),
};
const struct mw_registry mwi_reg_mip4_pmip_auth = {
	MW_REG_MIP4_PMIP_AUTH, "mip4.pmip_auth", "PMIPv4 Per-Node Authentication Method Types",
	"IANA mobileip-numbers", mwi_reg_mip4_pmip_auth_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_pmip_devid_rows[256] = {
	CODE(0, "reserved", "Reserved", "RFC 5563"),
	CODE(1, "ethernet_mac_address", "Ethernet MAC address", "RFC 5563"),
	CODE(2, "mobile_equipment_identifier_meid", "Mobile Equipment Identifier (MEID)", "RFC 5563"),
	CODE(3, "international_mobile_equipment_identity", "International Mobile Equipment Identity (IMEI)", "RFC 5563"),
	CODE(4, "electronic_serial_number_esn", "Electronic Serial Number (ESN)", "RFC 5563"),
};
const struct mw_registry mwi_reg_mip4_pmip_devid = {
	MW_REG_MIP4_PMIP_DEVID, "mip4.pmip_devid", "PMIPv4 Device ID Types",
	"IANA mobileip-numbers", mwi_reg_mip4_pmip_devid_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_pmip_subid_rows[256] = {
	CODE(0, "reserved", "Reserved", "RFC 5563"),
	CODE(1, "international_mobile_subscriber_identity", "International Mobile Subscriber Identity (IMSI)", "RFC 5563"),
};
const struct mw_registry mwi_reg_mip4_pmip_subid = {
	MW_REG_MIP4_PMIP_SUBID, "mip4.pmip_subid", "PMIPv4 Subscriber ID Types",
	"IANA mobileip-numbers", mwi_reg_mip4_pmip_subid_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_replay_rows[256] = {
	CODE(2, "timestamps", "Timestamps", "RFC 3957"),
	CODE(3, "nonces", "Nonces", "RFC 3957"),
};
const struct mw_registry mwi_reg_mip4_replay = {
	MW_REG_MIP4_REPLAY, "mip4.replay_method", "Replay Method Identifier",
	"IANA mobileip-numbers", mwi_reg_mip4_replay_rows, 256,
};

static const struct mw_reg_entry mwi_reg_mip4_spi_rows[256] = {
	CODE(0, "reserved", "Reserved", "RFC 4721"),
	CODE(1, "reserved_1", "Reserved", "RFC 4721"),
	CODE(2, "chap_spi", "CHAP_SPI", "RFC 4721"),
};
const struct mw_registry mwi_reg_mip4_spi = {
	MW_REG_NONE, "mip4.spi", "Security Parameter Index (SPI) Values for the Mobile IP Reserved SPIs",
	"IANA mobileip-numbers", mwi_reg_mip4_spi_rows, 256,
};
