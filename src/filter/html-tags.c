/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the html filter knows of each HTML element (the list is HTML_TAGS
 * in html-internal.h): whether it is void, whether it breaks units (block)
 * or sits inside them (inline: the default, as for unknown and custom
 * elements), how its content is tokenized, and the type of the inline code
 * it becomes.  See html.c for how each flag is used.
 */
#include "system.h"

#include "filter/html-internal.h"

static const struct html_tag_info tags[] = {
#define HTML_TAG_INFO(name, flags, type) \
	{ #name, flags, type, HTML_TAG_##name },
	HTML_TAGS(HTML_TAG_INFO)
#undef HTML_TAG_INFO
};

const struct html_tag_info *
html_tag_find(const char *name, size_t len)
{
	char low[sizeof(tags[0].name)] = { 0 };
	if (!len || len >= sizeof(low))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) name[i];
		low[i] = (char) (c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	/* Binary search; most names differ in their first bytes. */
	size_t lo = 0, hi = BT_ARRAY_SIZE(tags);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *t = tags[mid].name;
		int c = 0;
		for (size_t i = 0; i < sizeof(low) && !c && (t[i] || low[i]);
		     i++)
			c = (unsigned char) t[i] - (unsigned char) low[i];
		if (c == 0)
			return &tags[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
