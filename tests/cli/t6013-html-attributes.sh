#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Translatable attributes are units of their own when their element is not
# inside a unit: alt, title, placeholder, aria-label, label (option,
# optgroup, track), value (input type button, submit, reset), the content
# of <meta name="description|keywords"> and <meta property="og:title|
# og:description">.  An inline element inside a unit keeps them in its
# code (the documented limitation).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

run_bitext extract -s zh-CN -o "$work/news.xlf" "$hdata/news-zh-CN.html"
expect_status 0
unit_named() {	# NAME SOURCE
	checks=$((checks + 1))
	grep -A4 "<unit id=\"u[0-9a-f-]*\" name=\"$1\">" "$work/news.xlf" |
		grep -Fq "<source>$2</source>" ||
		fail "no unit $1 with '$2'"
}
unit_named html/head/meta/@content '云栖科技,智能家居,语音助手,小栖,发布会'
unit_named html/head/meta/@content '云栖科技于 2024 年 5 月 18 日在杭州举办新品发布会，推出支持离线识别的“小栖”语音助手第三代，首发价 399 元。'
unit_named html/head/meta/@content '新一代“小栖”语音助手正式上市'
unit_named html/head/meta/@content '离线识别、方言支持、隐私优先——了解小栖 3 的全部新功能。'
unit_named html/body/header/img/@alt '云栖科技'
unit_named html/body/header/form/input/@placeholder '搜索产品、文章或帮助'
unit_named html/body/header/form/input/@aria-label '站内搜索'
unit_named html/body/header/form/input/@value '搜索'
unit_named html/body/article/figure/img/@alt '小栖 3 语音助手放在客厅茶几上，顶部指示灯亮起蓝色光环'
unit_named html/body/section/form/select/@aria-label '所在城市'
unit_named html/body/section/form/select/option/@label '广州市'
unit_named html/body/section/form/textarea/@placeholder '您最关心的功能（选填）'
# Not text: og:image, the viewport, an input's type and name.
checks=$((checks + 1))
! grep -q 'xq3-share.jpg</source>' "$work/news.xlf" || fail "og:image extracted"
checks=$((checks + 1))
! grep -q '<source>IE=edge</source>' "$work/news.xlf" || fail "X-UA-Compatible extracted"

# The documentation page: title on a link in a list, alt in a figure,
# aria-label on nav; abbr's title inside a paragraph stays in its code.
segments "$hdata/docs-install.html"
has_segment 'Settings, environment variables and the config file'
has_segment 'Table of contents'
has_segment 'The login page of a new Tessera installation, with the Create account button highlighted'
no_segment 'Creative Commons Attribution 4.0'
run_bitext extract -s en -o "$work/docs.xlf" "$hdata/docs-install.html"
checks=$((checks + 1))
grep -q '<data id="d[0-9]*">&lt;abbr title="Creative Commons Attribution 4.0"&gt;</data>' \
	"$work/docs.xlf" || fail "abbr's title is not in its code"

# Which elements' values: input buttons only; empty or letterless values
# are no units; translate="no" on the element keeps its attributes.
cat >"$work/attrs.html" <<'EOF2'
<html lang="en"><body>
<form>
<input type="text" name="q" value="default query">
<input type="button" value="Press me">
<input type="image" src="go.png" alt="Go">
<input type="submit" value="   ">
<img src="x.png" alt="">
<img src="y.png" alt="***">
<img src="z.png" alt="Brand logo" translate="no">
<area shape="rect" coords="0,0,10,10" href="#" alt="Top left corner">
<video src="v.mp4"><track kind="captions" src="c.vtt" label="English captions"></video>
<span title="Tooltip text">A span with a tooltip</span>
</form>
</body></html>
EOF2
segments "$work/attrs.html"
cat >"$work/expect.txt" <<'EOF2'
Press me
Go
Top left corner
English captions
Tooltip text
A span with a tooltip
EOF2
expect_same "$work/seg.txt" "$work/expect.txt"
html_roundtrip "$work/attrs.html" en attrs
finish
