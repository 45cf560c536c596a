/* Internal interface of the mipkit Wireshark plugin: one file per job
 * (field generation, frame decode cache, tree mapping, tunnels, matching,
 * bindings, authenticators, postdissector, rules, statistics). */
#ifndef MIPKIT_PLUGIN_H
#define MIPKIT_PLUGIN_H

#include <wireshark.h>
#include <epan/packet.h>
#include <epan/expert.h>
#include <epan/prefs.h>
#include <epan/proto_data.h>
#include <epan/address.h>
#include <epan/to_str.h>
#include <epan/strutil.h>
#include <wsutil/str_util.h>

#include <mipwire/mipwire.h>

extern int proto_mipkit;

/* ---- fields.c: hf / ett / value strings generated from the registries -- */

/* Register every layout field of every registry as
 * mipkit.<registry key>.<row key>.<field key>, plus one code field per
 * registry (mipkit.<registry key>.code) and its ett. */
void mk_fields_register(void);
/* hf id of field `idx` of the row `code` of registry `reg`, -1 if none. */
int mk_hf_field(unsigned reg, unsigned code, unsigned idx);
/* mipkit.<registry key>.code / .data, -1 if the registry is empty. */
int mk_hf_code(unsigned reg);
int mk_hf_data(unsigned reg);
int mk_ett_reg(unsigned reg);
/* Value strings of a registry (NULL when empty); built once. */
const value_string *mk_reg_vals(unsigned reg);

/* ---- frame.c: the libmipwire decode behind a tvb ---------------------- */

/* Where a tvb's bytes lie in a decoded packet. */
struct mk_view {
	const struct mw_packet *pkt;
	tvbuff_t *tvb;
	int base;          /* packet offset of the tvb's byte 0 */
	bool whole_frame;  /* the packet is the whole frame (IP layers known) */
};

/* The whole frame decoded by libmipwire (cached per packet); NULL when its
 * link type is not one libmipwire reads. */
const struct mw_packet *mk_frame_decode(packet_info *pinfo);
/* Find the message of `kind` that starts at the tvb's first byte in the
 * frame decode; else decode the tvb alone from `start`. Returns the
 * message index (or -1 when nothing decoded) and fills v. */
int mk_view_msg(tvbuff_t *tvb, packet_info *pinfo, enum mw_msg_kind kind,
		enum mw_layer_kind start, struct mk_view *v);
/* Same for a layer (minimal encapsulation): its layer index or -1. */
int mk_view_layer(tvbuff_t *tvb, packet_info *pinfo, enum mw_layer_kind kind,
		  struct mk_view *v);
/* tvb offset of a packet offset (v->base subtracted). */
static inline int mk_toff(const struct mk_view *v, uint32_t off)
{
	return (int)off - v->base;
}

/* ---- tree.c: messages / elements / layers onto the tree --------------- */

struct mk_msgctx {
	packet_info *pinfo;
	const struct mk_view *v;
	int msg;
	const struct mw_msg *m;
	proto_tree *tree;     /* the message's subtree */
	proto_item *item;
	bool mh_old;          /* IP protocol 62 (pre-RFC 3775 drafts): no
	                       * checksum verification */
};

/* Add message `msg` (its layout fields and elements) under `tree`. */
void mk_tree_msg(proto_tree *tree, struct mk_msgctx *cx);
/* Add the layout fields of layer `layer` (registry MW_REG_LAYER). */
proto_tree *mk_tree_layer(proto_tree *tree, packet_info *pinfo,
			  const struct mk_view *v, int layer);
/* Expert items for the packet's hard error and notes that fall inside
 * [from, to) of the packet. */
void mk_tree_problems(proto_item *at, packet_info *pinfo,
		      const struct mk_view *v, uint32_t from, uint32_t to);
/* Read a layout field by key from message m / element e. */
bool mk_msg_field(const struct mw_packet *pkt, const struct mw_msg *m,
		  const char *key, struct mw_fval *out);
bool mk_elem_field(const struct mw_packet *pkt, const struct mw_elem *e,
		   const char *key, struct mw_fval *out);
/* Short display name of a message ("Registration Request"). */
const char *mk_msg_name(const struct mw_msg *m, char *buf, size_t cap);

/* ---- dissect.c: the claimed ports / protocols -------------------------- */
void mk_dissect_register(void);
void mk_dissect_handoff(void);
/* Per-message analysis (matching, bindings, auth, rules, tap) shared by the
 * main dissectors and the postdissector. */
void mk_analyse_msg(struct mk_msgctx *cx);

/* ---- tunnel.c ----------------------------------------------------------- */
void mk_tunnel_register(void);
void mk_tunnel_handoff(void);
/* Hand the payload of an RFC 3519 tunnel data message on by Next Header. */
void mk_tunnel_3519(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
		    struct mk_msgctx *cx);

/* ---- match.c: request / reply ------------------------------------------ */
void mk_match_register(void);
/* Match cx's message; adds response_in/to/time and expert items; fills
 * *rt (response time) when the message is a matched reply. Returns the
 * transaction (NULL when the message is neither request nor reply). */
struct mk_txn;
struct mk_txn *mk_match_msg(struct mk_msgctx *cx, nstime_t *rt, bool *has_rt);

/* ---- binding.c ---------------------------------------------------------- */
void mk_binding_register(void);
/* Record (first pass) and show the binding of cx's message. */
void mk_binding_msg(struct mk_msgctx *cx, struct mk_txn *txn);
/* Show the binding in force for a home address used by a data packet. */
void mk_binding_show(proto_tree *tree, packet_info *pinfo, tvbuff_t *tvb,
		     int off, int len, const char *hoa_key);
/* Transaction hooks for binding.c (match.c owns the transaction). */
void mk_txn_set_binding(struct mk_txn *t, const char *key, const char *coa,
			uint32_t lifetime_s);
bool mk_txn_binding(const struct mk_txn *t, const char **key,
		    const char **coa, uint32_t *lifetime_s);
bool mk_txn_reply_time(const struct mk_txn *t, nstime_t *ts, guint32 *frame);
/* The exchange a transaction belongs to: the frame of its first request
 * (a retransmission belongs to the exchange it repeats). */
guint32 mk_txn_exchange(const struct mk_txn *t);

/* ---- auth.c ------------------------------------------------------------- */
void mk_auth_register(module_t *prefs);
void mk_auth_msg(struct mk_msgctx *cx);
void mk_mh_csum(struct mk_msgctx *cx);

/* ---- postdissector.c ---------------------------------------------------- */
void mk_post_register(void);
void mk_post_handoff(void);

/* ---- rules.c: per-packet spec checks as expert items ------------------- */
void mk_rules_register(void);
/* Findings go into a "Conformance" subtree of parent, made on the first. */
void mk_rules_frame(proto_tree *parent, packet_info *pinfo,
		    const struct mk_view *v);

/* ---- stats.c: the "mipkit" tap and tshark -z mipkit,stat --------------- */
struct mk_tap_rec {
	uint8_t reg, code;
	int status;          /* reply code / status, -1 none */
	bool has_rt;         /* a reply matched to its request */
	nstime_t rt;
	bool request;        /* a request (has_rt: its reply) ... */
	guint32 exchange;    /* ... of this exchange (mk_txn_exchange) */
};
void mk_stats_register(void);
void mk_stats_queue(packet_info *pinfo, const struct mk_tap_rec *r);

/* Registers an expert item array built at run time (the strings must
 * live as long as the program). */
expert_module_t *mk_expert_module(void);

#endif
