/* A field-tree walker over the registry layouts: it visits the layers of a
 * decoded frame (with the IPv6 options they hold), then each message with
 * its elements (sub-options nested under their parent), and hands every present layout field to a visitor.
 * The text tree (-v) and JSON printers are two visitors; anything else that
 * wants "every field of a frame" can be a third. Nothing here allocates. */
#ifndef MIPDUMP_WALK_H
#define MIPDUMP_WALK_H

#include <stdbool.h>
#include <stdint.h>

#include <mipwire/mipwire.h>

enum mdw_kind { MDW_LAYER, MDW_MSG, MDW_ELEM };

struct mdw_node {
	enum mdw_kind kind;
	int index;                      /* in pkt->layers / msgs / elems */
	const struct mw_registry *reg;  /* registry of `code`; NULL if none */
	const struct mw_reg_entry *row; /* NULL: unknown / unassigned code */
	const struct mw_registry *sub_reg; /* subtype registry (elements) */
	const struct mw_reg_entry *sub_row;/* subtype row, NULL if unknown */
	unsigned code;
	int subtype;                    /* elements with a subtype byte, else -1 */
	uint32_t off, len;              /* frame bytes (rebuilt: see synthetic) */
	int depth;                      /* elements: nesting, 0 = in the message */
	mw_status status;
	bool synthetic;                 /* fields read from a rebuilt header */
};

struct mdw_field {
	const struct mw_field *f;
	struct mw_fval v;
	const struct mw_registry *vreg; /* registry naming the value, or NULL */
	const char *vname;              /* value name, or NULL */
};

struct mdw_ops {
	void (*begin)(void *ctx, const struct mdw_node *n);
	void (*field)(void *ctx, const struct mdw_node *n,
		      const struct mdw_field *fv);
	/* around the children of a message (its elements) or of an element
	 * (its sub-options); only called when there is at least one child */
	void (*kids_begin)(void *ctx, const struct mdw_node *n);
	void (*kids_end)(void *ctx, const struct mdw_node *n);
	void (*end)(void *ctx, const struct mdw_node *n);
};

/* Visit layer i / message i (with all its elements). */
void mdw_walk_layer(const struct mw_packet *pkt, int i,
		    const struct mdw_ops *ops, void *ctx);
void mdw_walk_msg(const struct mw_packet *pkt, int i,
		  const struct mdw_ops *ops, void *ctx);

/* Fill a node for layer / message / element i (no fields visited). */
void mdw_layer_node(const struct mw_packet *pkt, int i, struct mdw_node *n);
void mdw_msg_node(const struct mw_packet *pkt, int i, struct mdw_node *n);
void mdw_elem_node(const struct mw_packet *pkt, int i, struct mdw_node *n);

/* Visit the present fields of a node's layout(s) only. */
void mdw_walk_fields(const struct mw_packet *pkt, const struct mdw_node *n,
		     const struct mdw_ops *ops, void *ctx);

/* Read one field of a node (handles rebuilt headers); false if absent. */
bool mdw_read(const struct mw_packet *pkt, const struct mdw_node *n,
	      const struct mw_field *f, struct mdw_field *out);

#endif
