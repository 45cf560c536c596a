/* mkcaptures OUTDIR: writes the project's sample captures, byte for byte
 * reproducible, with libmipwire's builders. The files in captures/ are its
 * output; a test regenerates them and compares. */
#include <stdio.h>

#include "scene.h"

static const struct {
	const char *file;
	void (*play)(struct scene *s);
} scenes[] = {
	{ "mip4-registration.pcap", scene_mip4 },
	{ "mip6-binding.pcap", scene_mip6 },
	{ "pmip6.pcap", scene_pmip6 },
	{ "nemo-fmip.pcap", scene_nemo_fmip },
};

int main(int argc, char **argv)
{
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mkcaptures OUTDIR\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(scenes) / sizeof(scenes[0]); i++) {
		struct scene s;

		if (!scene_open(&s, argv[1], scenes[i].file))
			return 1;
		scenes[i].play(&s);
		if (!scene_close(&s)) {
			fprintf(stderr, "mkcaptures: %s: failed\n", scenes[i].file);
			rc = 1;
		}
	}
	return rc;
}
