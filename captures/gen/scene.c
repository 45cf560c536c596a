/* The frame plumbing shared by the sample scenes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene.h"

#define MAC(x) { 0x02, 0, 0, 0, 0, x }

const struct mw_eth_spec eth_mn_fa = { .dst = MAC(2), .src = MAC(1) };
const struct mw_eth_spec eth_fa_mn = { .dst = MAC(1), .src = MAC(2) };
const struct mw_eth_spec eth_fa_ha = { .dst = MAC(3), .src = MAC(2) };
const struct mw_eth_spec eth_ha_fa = { .dst = MAC(2), .src = MAC(3) };
const struct mw_eth_spec eth_mn_ha = { .dst = MAC(3), .src = MAC(1) };
const struct mw_eth_spec eth_ha_mn = { .dst = MAC(1), .src = MAC(3) };
const struct mw_eth_spec eth_bcast_fa = { .dst = { 1, 0, 0x5e, 0, 0, 1 }, .src = MAC(2) };
const struct mw_eth_spec eth_cn_ha = { .dst = MAC(3), .src = MAC(4) };
const struct mw_eth_spec eth_ha_cn = { .dst = MAC(4), .src = MAC(3) };
const struct mw_eth_spec eth_mag_lma = { .dst = MAC(6), .src = MAC(5) };
const struct mw_eth_spec eth_lma_mag = { .dst = MAC(5), .src = MAC(6) };

bool scene_open(struct scene *s, const char *dir, const char *name)
{
	char path[1024], err[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	memset(s, 0, sizeof(*s));
	s->sec = 1700000000;  /* fixed: the files are reproducible */
	s->w = mw_capture_create(path, MW_LINK_ETHERNET, 65535, err, sizeof(err));
	if (!s->w) {
		fprintf(stderr, "mkcaptures: %s\n", err);
		return false;
	}
	return true;
}

bool scene_close(struct scene *s)
{
	int rc = mw_capture_finish(s->w);

	return rc == 0 && !s->failed;
}

void scene_wait(struct scene *s, uint32_t ms)
{
	uint64_t ns = (uint64_t)s->nsec + (uint64_t)ms * 1000000u;

	s->sec += (int64_t)(ns / 1000000000u);
	s->nsec = (uint32_t)(ns % 1000000000u);
}

void scene_frame(struct scene *s, const uint8_t *frame, size_t len)
{
	if (mw_capture_write(s->w, s->sec, s->nsec, frame, (uint32_t)len,
			     (uint32_t)len) != 0)
		s->failed = true;
	scene_wait(s, 1);
}

static void check(struct scene *s, mw_status st, const char *what)
{
	if (st != MW_OK) {
		fprintf(stderr, "mkcaptures: building %s: %s\n", what,
			mw_status_str(st));
		s->failed = true;
	}
}

void put_udp4(struct scene *s, const struct mw_eth_spec *eth, uint32_t src,
	      uint32_t dst, uint8_t ttl, uint16_t sport, uint16_t dport,
	      const uint8_t *payload, size_t len)
{
	uint8_t f[2048];
	size_t n = 0;
	struct mw_ip4_spec ip = { .src = src, .dst = dst, .ttl = ttl };

	check(s, mw_frame_udp4(f, sizeof(f), eth, &ip, sport, dport, payload,
			       len, &n), "udp4 frame");
	scene_frame(s, f, n);
}

void put_ip4(struct scene *s, const struct mw_eth_spec *eth, uint32_t src,
	     uint32_t dst, uint8_t proto, const uint8_t *payload, size_t len)
{
	uint8_t f[2048];
	size_t n = 0;
	struct mw_ip4_spec ip = { .src = src, .dst = dst };

	check(s, mw_frame_ip4(f, sizeof(f), eth, &ip, proto, payload, len, &n),
	      "ip4 frame");
	scene_frame(s, f, n);
}

void put_ip6(struct scene *s, const struct mw_eth_spec *eth,
	     const struct mw_ip6_spec *ip, uint8_t proto,
	     const uint8_t *payload, size_t len)
{
	uint8_t f[2048];
	size_t n = 0;

	check(s, mw_frame_ip6(f, sizeof(f), eth, ip, proto, payload, len, &n),
	      "ip6 frame");
	scene_frame(s, f, n);
}

static size_t echo_body(uint8_t *b, uint16_t seq)
{
	static const char data[] = "mipkit sample ping";

	b[0] = 0x12;  /* identifier */
	b[1] = 0x34;
	b[2] = (uint8_t)(seq >> 8);
	b[3] = (uint8_t)seq;
	memcpy(b + 4, data, sizeof(data) - 1);
	return 4 + sizeof(data) - 1;
}

size_t make_ping4(uint8_t *buf, size_t cap, uint32_t src, uint32_t dst,
		  bool reply, uint16_t seq)
{
	uint8_t body[64];
	size_t n = 0;
	struct mw_ip4_spec ip = { .src = src, .dst = dst };

	if (mw_frame_icmp4(buf, cap, NULL, &ip, reply ? 0 : 8, 0, body,
			   echo_body(body, seq), &n) != MW_OK)
		return 0;
	return n;
}

size_t make_ping6(uint8_t *buf, size_t cap, const struct mw_in6 *src,
		  const struct mw_in6 *dst, bool reply, uint16_t seq)
{
	uint8_t body[64];
	size_t n = 0;
	struct mw_ip6_spec ip = { .src = *src, .dst = *dst };

	if (mw_frame_icmp6(buf, cap, NULL, &ip, reply ? 129 : 128, 0, body,
			   echo_body(body, seq), &n) != MW_OK)
		return 0;
	return n;
}
