/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of the pieces of the validator that shell tests reach only
 * indirectly: the data folder (src/core/datadir.h), the well-formedness
 * of BCP 47 language tags, and the syntax of XLIFF 2 fragment identifiers
 * with the reason each bad one gets (src/format/validate-internal.h).
 */
#include "system.h"

#include "core/datadir.h"
#include "format/validate-internal.h"
#include "tap.h"

static void
test_datadir(void)
{
	setenv("BITEXT_DATADIR", "/opt/bt/", 1);
	char *p = bt_data_path("schemas/xml.xsd");
	is_str(p, "/opt/bt/schemas/xml.xsd", "one slash between the parts");
	free(p);
	p = bt_data_path("/srx/bitext.srx");
	is_str(p, "/opt/bt/srx/bitext.srx", "a leading slash of the part");
	free(p);
	p = bt_data_path(NULL);
	is_str(p, "/opt/bt/", "the folder itself");
	free(p);
	setenv("BITEXT_DATADIR", "", 1);
	p = bt_data_path("srx");
	is_str(p, PKGDATADIR "/srx", "empty BITEXT_DATADIR: PKGDATADIR");
	free(p);
}

static void
test_lang(void)
{
	static const char *const good[] = {
		"en", "en-US", "zh-Hans-CN", "sr-Latn-RS", "de-CH-1901",
		"es-419", "x-klingon", "en-x-private", "zh-yue-HK",
		"i-klingon", "en-GB-oed", "sl-rozaj-biske", "en-a-bbb-x-a",
		"EN-us", "ast",
	};
	static const char *const bad[] = {
		"", "e", "en-", "-en", "en--US", "f r", "en_US", "toolongtag1",
		"en-a", "x", "en-x", "123", "en-US-",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(good); i++)
		ok(bt_lang_wellformed(good[i]), "'%s' is well-formed",
		   good[i]);
	for (size_t i = 0; i < BT_ARRAY_SIZE(bad); i++)
		ok(!bt_lang_wellformed(bad[i]), "'%s' is not", bad[i]);
	ok(bt_lang_equal("en-US", "en-us"), "tags compare without case");
	ok(!bt_lang_equal("en", "en-US"), "a subtag makes another tag");
}

/* The reason bt_fragid_parse() gives for s, or "" when it parses. */
static const char *
why(struct bt_vcheck *c, const char *s)
{
	static char buf[256];
	struct bt_fragid f;
	const char *r = bt_fragid_parse(c, s, &f);
	snprintf(buf, sizeof(buf), "%s", r ? r : "");
	bt_fragid_release(&f);
	return buf;
}

static void
test_fragid(void)
{
	struct bt_validator *v = bt_validator_new(0);
	struct bt_vcheck c = { .v = v, .core_ns = BT_NS_XLIFF20 };
	static const char *const good[] = {
		"#m1", "#/f=f1/u=u1/n=n1", "#f=f1/g=g1/u=u1/t=m2",
		"#n=n1", "#u=u1/d=d1", "#f=f1/mtc=m1", "#/f=f1/res=r1",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(good); i++)
		is_str(why(&c, good[i]), "", "'%s' parses", good[i]);
	ok(strstr(why(&c, "m1"), "starts with '#'") != NULL, "no '#'");
	ok(strstr(why(&c, "#"), "empty") != NULL, "nothing after '#'");
	ok(strstr(why(&c, "#f=f1//u=u1"), "empty selector") != NULL,
	   "two slashes");
	ok(strstr(why(&c, "#u=u1/f=f1"), "out of order") != NULL,
	   "u before f");
	ok(strstr(why(&c, "#u=a/u=b"), "used twice") != NULL, "u twice");
	ok(strstr(why(&c, "#n=n1/u=u1"), "must be the last") != NULL,
	   "a leaf before the end");
	ok(strstr(why(&c, "#a/b"), "must be the last") != NULL,
	   "two bare ids");
	ok(strstr(why(&c, "#r$d=x"), "not an NMTOKEN") != NULL,
	   "a prefix with '$'");
	ok(strstr(why(&c, "#z=x"), "two characters") != NULL,
	   "a one-letter prefix XLIFF does not define");
	ok(strstr(why(&c, "#my=x"), "not registered") != NULL,
	   "an unregistered prefix");
	struct bt_error err = BT_ERROR_INIT;
	is_int(bt_validator_add_prefix(v, "my", "urn:x-my", &err), 0,
	       "register a prefix");
	is_str(why(&c, "#my=x"), "", "then it parses");
	is_int(bt_validator_add_prefix(v, "q", "urn:x-q", &err), -1,
	       "a one-letter prefix cannot be registered");
	bt_error_release(&err);
	bt_validator_free(v);
}

int
main(void)
{
	test_datadir();
	test_lang();
	test_fragid();
	return done_testing();
}
