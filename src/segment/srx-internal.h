/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the SRX loader (srx.c) and the segmenter (segmenter.c) share.
 */
#ifndef BT_SEGMENT_SRX_INTERNAL_H
#define BT_SEGMENT_SRX_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>

#include "segment/srx.h"

/* Options every SRX regex is compiled with: UTF-8, Unicode properties
 * for \w \d \s \b, and Java's idea of a line end for "." and "$". */
#define BT_SRX_PCRE2_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK)

struct srx_rule {
	bool is_break;
	long line;		/* of the <rule> element */
	pcre2_code *code;	/* owned: (?:before)(?=after); NULL if skipped */
};

struct srx_language {
	char *name;		/* owned: languagerulename */
	struct srx_rule *rules;	/* owned */
	size_t n_rules;
};

struct srx_map {
	pcre2_code *pattern;	/* owned: anchored, caseless */
	size_t language;	/* index into languages, SIZE_MAX if unknown */
};

struct bt_srx {
	char *path;		/* owned */
	bool cascade;
	struct srx_language *languages;	/* owned */
	size_t n_languages;
	struct srx_map *maps;	/* owned */
	size_t n_maps;
	pcre2_compile_context *cctx;	/* owned */
};

#endif /* BT_SEGMENT_SRX_INTERNAL_H */
