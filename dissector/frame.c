/* The libmipwire decode behind a tvb. The whole frame is decoded once per
 * packet (so the IPv6 layer, Home Address option and type 2 routing header
 * are known to the MH checksum and the analysis); a tvb that is not part
 * of the frame as captured (reassembled, rebuilt, Decode As on another
 * port) is decoded on its own from the layer its dissector stands for. */
#include <wiretap/wtap.h>

#include "mipkit.h"

#define MK_PDATA_FRAME 1

/* WTAP encapsulation -> libpcap link type, for the link types libmipwire
 * reads. */
static int linktype_of(packet_info *pinfo)
{
	if (!pinfo->rec || pinfo->rec->rec_type != REC_TYPE_PACKET)
		return -1;
	switch (pinfo->rec->rec_header.packet_header.pkt_encap) {
	case WTAP_ENCAP_ETHERNET: return MW_LINK_ETHERNET;
	case WTAP_ENCAP_RAW_IP: return MW_LINK_RAW;
	case WTAP_ENCAP_RAW_IP4: return MW_LINK_IPV4;
	case WTAP_ENCAP_RAW_IP6: return MW_LINK_IPV6;
	case WTAP_ENCAP_NULL: return MW_LINK_NULL;
	case WTAP_ENCAP_LOOP: return MW_LINK_LOOP;
	case WTAP_ENCAP_SLL: return MW_LINK_LINUX_SLL;
	case WTAP_ENCAP_SLL2: return MW_LINK_LINUX_SLL2;
	default: return -1;
	}
}

static tvbuff_t *frame_tvb(packet_info *pinfo)
{
	if (!pinfo->data_src)
		return NULL;
	return get_data_source_tvb(
		(const struct data_source *)pinfo->data_src->data);
}

/* Cached per packet: a struct with a "tried" flag so a frame libmipwire
 * cannot read is not decoded again by every dissector of the packet. */
struct frame_cache {
	bool ok;
	struct mw_packet pkt;
};

const struct mw_packet *mk_frame_decode(packet_info *pinfo)
{
	struct frame_cache *fc = p_get_proto_data(pinfo->pool, pinfo,
						  proto_mipkit, MK_PDATA_FRAME);
	tvbuff_t *ft;
	int lt;
	guint len;

	if (fc)
		return fc->ok ? &fc->pkt : NULL;
	fc = wmem_new(pinfo->pool, struct frame_cache);
	fc->ok = false;
	p_add_proto_data(pinfo->pool, pinfo, proto_mipkit, MK_PDATA_FRAME, fc);
	lt = linktype_of(pinfo);
	ft = frame_tvb(pinfo);
	if (lt < 0 || !ft)
		return NULL;
	len = tvb_captured_length(ft);
	mw_decode(&fc->pkt, lt, len ? tvb_get_ptr(ft, 0, len) : NULL, len,
		  tvb_reported_length(ft), NULL);
	fc->ok = true;
	return &fc->pkt;
}

/* Is tvb a window on the frame as captured? Its offset in the frame. */
static bool in_frame(tvbuff_t *tvb, packet_info *pinfo, int *off)
{
	tvbuff_t *ft = frame_tvb(pinfo);

	if (!ft || tvb_get_ds_tvb(tvb) != ft)
		return false;
	*off = tvb_raw_offset(tvb);
	return *off >= 0;
}

static const struct mw_packet *decode_alone(tvbuff_t *tvb, packet_info *pinfo,
					    enum mw_layer_kind start,
					    struct mk_view *v)
{
	struct mw_packet *pkt = wmem_new(pinfo->pool, struct mw_packet);
	guint len = tvb_captured_length(tvb);

	mw_decode_from(pkt, start, len ? tvb_get_ptr(tvb, 0, len) : NULL,
		       len, NULL);
	v->pkt = pkt;
	v->tvb = tvb;
	v->base = 0;
	v->whole_frame = false;
	return pkt;
}

int mk_view_msg(tvbuff_t *tvb, packet_info *pinfo, enum mw_msg_kind kind,
		enum mw_layer_kind start, struct mk_view *v)
{
	const struct mw_packet *pkt;
	int off;

	if (in_frame(tvb, pinfo, &off) && (pkt = mk_frame_decode(pinfo))) {
		for (int i = 0; i < pkt->n_msgs; i++) {
			if (pkt->msgs[i].kind == kind &&
			    pkt->msgs[i].off == (uint32_t)off) {
				v->pkt = pkt;
				v->tvb = tvb;
				v->base = off;
				v->whole_frame = true;
				return i;
			}
		}
	}
	pkt = decode_alone(tvb, pinfo, start, v);
	for (int i = 0; i < pkt->n_msgs; i++)
		if (pkt->msgs[i].kind == kind && pkt->msgs[i].off == 0)
			return i;
	return -1;
}

int mk_view_layer(tvbuff_t *tvb, packet_info *pinfo, enum mw_layer_kind kind,
		  struct mk_view *v)
{
	const struct mw_packet *pkt;
	int off;

	if (in_frame(tvb, pinfo, &off) && (pkt = mk_frame_decode(pinfo))) {
		for (int i = 0; i < pkt->n_layers; i++) {
			if (pkt->layers[i].kind == kind && !pkt->layers[i].synthetic &&
			    pkt->layers[i].off == (uint32_t)off) {
				v->pkt = pkt;
				v->tvb = tvb;
				v->base = off;
				v->whole_frame = true;
				return i;
			}
		}
	}
	pkt = decode_alone(tvb, pinfo, kind, v);
	for (int i = 0; i < pkt->n_layers; i++)
		if (pkt->layers[i].kind == kind && pkt->layers[i].off == 0)
			return i;
	return -1;
}
