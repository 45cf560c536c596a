/* The conformance rule catalogue (data) and the per-packet (stateless)
 * checks. mipconform and the Wireshark plugin use the same catalogue and
 * the same rule ids; stateful rules (exchanges across packets) are checked
 * by mipconform only. See docs/rules.md (generated from this table by
 * `mipconform --list-rules --format markdown`). */
#ifndef MIPWIRE_RULES_H
#define MIPWIRE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct mw_packet;
struct mw_keys;

/* Requirement level: MUST / MUST NOT -> error, SHOULD -> warning,
 * MAY / informational -> info. Ordered so that a threshold is a compare. */
enum mw_rule_level {
	MW_LEVEL_INFO = 1,
	MW_LEVEL_WARNING = 2,
	MW_LEVEL_ERROR = 3,
};

/* The role(s) a rule constrains (the node whose behaviour is judged). */
#define MW_ROLE_MN  (1u << 0)
#define MW_ROLE_HA  (1u << 1)
#define MW_ROLE_FA  (1u << 2)
#define MW_ROLE_CN  (1u << 3)
#define MW_ROLE_MR  (1u << 4)  /* NEMO mobile router */
#define MW_ROLE_MAG (1u << 5)  /* PMIPv6 mobile access gateway */
#define MW_ROLE_LMA (1u << 6)  /* PMIPv6 local mobility anchor */
#define MW_ROLE__COUNT 7

/* What a rule needs to be checked. */
#define MW_NEEDS_PACKET (1u << 0) /* per-packet: mw_check_packet() checks it */
#define MW_NEEDS_STATE  (1u << 1) /* several packets: mipconform only */
#define MW_NEEDS_KEYS   (1u << 2) /* a keys file (keys.h); else NOT-APPLICABLE */

struct mw_rule {
	const char *id;      /* "MIP4-RRQ-AUTH-PRESENT": stable, never reused */
	const char *rfc;     /* "RFC 5944" */
	const char *section; /* "3.3" */
	uint8_t level;       /* enum mw_rule_level */
	uint16_t roles;      /* MW_ROLE_* bits */
	const char *summary; /* one line: what must hold */
	uint8_t needs;       /* MW_NEEDS_* */
};

/* Iteration: for (size_t i = 0; i < mw_rule_count(); i++) mw_rule_at(i).
 * The order is stable (grouped by protocol and section). */
size_t mw_rule_count(void);
const struct mw_rule *mw_rule_at(size_t i);
/* Exact, case-sensitive lookup; NULL if no such rule. */
const struct mw_rule *mw_rule_find(const char *id);
/* Index of a catalogue rule (0 .. count-1), for per-rule arrays. */
size_t mw_rule_index(const struct mw_rule *r);

/* "error" / "warning" / "info"; parse returns 0 if unknown. */
const char *mw_level_str(unsigned level);
int mw_level_parse(const char *s);
/* "MN", "HA", ... for one bit; mw_roles_format writes "MN,FA". Parse is
 * case-insensitive and returns the bit, 0 if unknown. */
const char *mw_role_str(unsigned role_bit);
int mw_roles_format(unsigned roles, char *buf, size_t cap);
unsigned mw_role_parse(const char *s);

/* Whose behaviour a finding judges (mipconform keys its verdict on it). */
enum mw_finding_who {
	MW_WHO_SENDER = 0,   /* the IP source of the message's (innermost) IP layer */
	MW_WHO_RECEIVER = 1, /* the IP destination */
};

/* One check of one rule on one packet. Checks emit a finding when the rule
 * applies: pass = true when it holds (so reports can tell PASS from
 * NOT-APPLICABLE), pass = false when it is broken (a FAIL for an error
 * rule, a WARN for a warning, an INFO note for an info rule). Bytes the
 * capture did not hold never produce a finding, pass or failure
 * (truncated is not a violation): in a frame cut short (caplen < wirelen,
 * or diag MW_E_TRUNC) no finding is made whose bytes (offset, len) reach
 * past where the decoder stopped (diag.offset, else caplen), nor one
 * about an element the capture cut. detail is empty for passes.
 *
 * unjudged = true (with pass = false) is neither: the rule applied but
 * could not be judged, because the authenticator's SPI and selectors
 * matched no security association of the keys given; detail is then
 * "SPI <n>". Callers that only count passes and failures skip these. */
struct mw_finding {
	const struct mw_rule *rule;
	int msg;             /* index into pkt->msgs, -1 if not message-bound */
	int elem;            /* index into pkt->elems, -1 if none */
	uint32_t offset, len;/* frame bytes concerned (for highlighting) */
	char detail[128];    /* "expected ..., seen ..." (failures only) */
	bool pass;
	uint8_t who;         /* enum mw_finding_who */
	bool unjudged;       /* no security association matched (above) */
};

typedef void (*mw_emit_fn)(void *ctx, const struct mw_finding *f);

/* Run every per-packet rule on a decoded packet. Rules that need keys are
 * skipped (use mw_check_packet_keys). */
void mw_check_packet(const struct mw_packet *pkt, mw_emit_fn emit, void *ctx);
/* Same, verifying authenticators with the given keys (NULL = none: the
 * keyed rules emit nothing). */
void mw_check_packet_keys(const struct mw_packet *pkt,
			  const struct mw_keys *keys, mw_emit_fn emit,
			  void *ctx);

/* The passes of one group of findings as a bitset over the catalogue
 * index (mw_rule_index): a group is the findings of one message and
 * `who` (msg >= 0), or, for findings not bound to a message (msg = -1),
 * those about bytes of the same IP layer. `offset` is the first pass's
 * offset (it locates the layer when msg = -1). */
struct mw_pass_set {
	int msg;
	uint32_t offset;
	uint8_t who;             /* enum mw_finding_who */
	unsigned nwords;         /* (mw_rule_count() + 63) / 64 */
	const uint64_t *bits;    /* bit i: rule mw_rule_at(i) passed */
};

typedef void (*mw_pass_fn)(void *ctx, const struct mw_pass_set *s);

/* Same checks as mw_check_packet_keys, for callers that count passes in
 * bulk: each failure comes through `emit` as before, but passes come as
 * one set per group through `passes` (one call per message instead of
 * one per rule). A rule that passes more than once in the same group
 * sends its first pass in the set and each further one through `emit`,
 * so every pass is still delivered exactly once. A group's set is
 * delivered before any finding of a later group, so findings keep their
 * order across groups. passes = NULL, or a frame cut short (see struct
 * mw_finding): like mw_check_packet_keys, every pass through `emit`. */
void mw_check_packet_mask(const struct mw_packet *pkt,
			  const struct mw_keys *keys, mw_emit_fn emit,
			  mw_pass_fn passes, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
