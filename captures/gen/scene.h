/* A tiny scene writer for the sample captures: frames go to a capture file
 * with timestamps that advance by a chosen step, built with libmipwire's
 * builders (mip4.h, mip6.h, build.h) and written with capture.h. */
#ifndef MKCAPTURES_SCENE_H
#define MKCAPTURES_SCENE_H

#include <stdbool.h>
#include <stdint.h>

#include "mipwire/mipwire.h"
#include "mipwire/capture.h"

struct scene {
	struct mw_capture_writer *w;
	int64_t sec;
	uint32_t nsec;
	bool failed;
};

bool scene_open(struct scene *s, const char *dir, const char *name);
bool scene_close(struct scene *s);
/* Advance the clock by ms milliseconds. */
void scene_wait(struct scene *s, uint32_t ms);
/* Write one complete frame (Ethernet). */
void scene_frame(struct scene *s, const uint8_t *frame, size_t len);

/* The cast: Ethernet addresses by role. */
extern const struct mw_eth_spec eth_mn_fa, eth_fa_mn, eth_fa_ha, eth_ha_fa,
	eth_mn_ha, eth_ha_mn, eth_bcast_fa, eth_cn_ha, eth_ha_cn, eth_mag_lma,
	eth_lma_mag;

/* One-call frame helpers (Ethernet + IP + ...); abort the scene on error. */
void put_udp4(struct scene *s, const struct mw_eth_spec *eth, uint32_t src,
	      uint32_t dst, uint8_t ttl, uint16_t sport, uint16_t dport,
	      const uint8_t *payload, size_t len);
void put_ip4(struct scene *s, const struct mw_eth_spec *eth, uint32_t src,
	     uint32_t dst, uint8_t proto, const uint8_t *payload, size_t len);
void put_ip6(struct scene *s, const struct mw_eth_spec *eth,
	     const struct mw_ip6_spec *ip, uint8_t proto,
	     const uint8_t *payload, size_t len);

/* An inner packet for tunnels: IPv4 + ICMP echo request / reply. */
size_t make_ping4(uint8_t *buf, size_t cap, uint32_t src, uint32_t dst,
		  bool reply, uint16_t seq);
size_t make_ping6(uint8_t *buf, size_t cap, const struct mw_in6 *src,
		  const struct mw_in6 *dst, bool reply, uint16_t seq);

void scene_mip4(struct scene *s);
void scene_mip6(struct scene *s);
void scene_pmip6(struct scene *s);
void scene_nemo_fmip(struct scene *s);

#endif
