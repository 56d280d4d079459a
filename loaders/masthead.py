"""Mastheads, page furniture and web-page chrome: the lines that are not news.

A newspaper page opens with its masthead (name, date, 第N期 and sundry
registration lines) and carries page labels ("News 要闻", "第2版") between
stories. A web article carries 来源/发布时间/作者 lines, share buttons and
related-link lists. These are recognised here so the splitter sees only
headlines, bodies and credits.
"""

from __future__ import annotations

import re

from loaders.dates import FULL_DATE, NUMERIC_DATE, parse_full_date

_WEEKDAY = r"(?:(?:星期|礼拜|禮拜)[一二三四五六日天]?|(?:週|周)[一二三四五六日天])"
# "农历甲辰年四月初十", or the bare sexagenary year "癸卯年七月廿四".
_LUNAR = r"(?:农历|農曆|夏历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年)\S*"
# Bulletins number issues within a year: "2024年第7期".
_ISSUE = r"(?:[0-9]{4}\s*年\s*)?(?<!总)(?<!總)第\s*[0-9０-９〇零一二三四五六七八九十百千]+\s*期"
_TOTAL_ISSUE = r"(?:总|總)第\s*[0-9０-９〇零一二三四五六七八九十百千]+\s*期"
_PAGE_NO = r"(?:第\s*[0-9０-９一二三四五六七八九十]+\s*版|[A-Z]?\d{1,2}\s*版|今日\s*[0-9一二三四五六七八九十]+\s*版)"
_MASTHEAD_ITEM = re.compile(
    "|".join(
        [FULL_DATE.pattern, NUMERIC_DATE.pattern, _WEEKDAY, _LUNAR, _ISSUE, _TOTAL_ISSUE, _PAGE_NO,
         # '1886 期 / 第2版:2': an issue number without 第, a page label with its number again.
         r"\d{2,5}\s*期", r"(?<=版)[:：]\s*\d{1,2}",
         r"[\s|｜/·•,，()（）\[\]【】]"]
    )
)
# Registration and contact lines of a masthead; dropped wherever they appear.
_MASTHEAD_KEYWORD = re.compile(
    r"准印证|準印證|统一刊号|統一刊號|刊号|刊號|邮发代号|郵發代號|CN\s*\d{2}\s*[-—]\s*\d{4}|机关报|機關報|"
    r"新闻热线|新聞熱線|热线电话|熱線電話|电子版|電子版|数字报|數字報|新闻网|新聞網|网址|網址|www\.|https?://|"
    r"社址|邮编|郵編|广告许可|廣告許可|主办单位|主辦單位|出版单位|出版單位|印刷|"
    # '社长:某某 总编辑:某某' is the masthead; '某报社社长某某一行来调研' is a headline.
    r"(?:社长|社長|总编辑|總編輯)(?=\s*[:：]|\s+\S|$)"
)
# "中共某县委主办", "某县融媒体中心出版", "某镇党政办编印": the publisher's line. Read only
# at the top of a page: lower down "…主办" may end a headline.
_PUBLISHER = re.compile(r"(?:主办|主辦|协办|協辦|编印|編印|(?:中心|社|部|室|办)出版)(?=\s|$)")
_NAME_SUFFIX = r"(?:周刊|週刊|日报|日報|晚报|晚報|时报|時報|周报|週報|早报|早報|导报|導報|商报|商報|报|報)"
_PUB_NAME = re.compile(rf"^[\u4e00-\u9fff]{{2,10}}{_NAME_SUFFIX}$")
_STRONG_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:周刊|週刊|日报|日報|晚报|晚報|时报|時報|周报|週報|早报|早報)$")
# A bulletin's name: "某镇政务信息", "某局工作简报"; only read as the first line of a masthead.
_BULLETIN_NAME = re.compile(
    r"^[\u4e00-\u9fff]{2,12}(?:政务信息|政務信息|政务简报|政務簡報|工作简报|工作簡報|工作动态|工作動態|简报|簡報|通讯|通訊)$"
)
_NOT_A_NAME = re.compile(r"(?:汇报|匯報|简报|簡報|喜报|喜報|捷报|捷報|快报|快報|通报|通報|申报|申報|举报|舉報|上报|上報|预报|預報|海报|海報|公报|公報|情报|情報|机关报|機關報)$")

_SECTION = (
    "要闻 要聞 综合 綜合 综合新闻 綜合新聞 本地新闻 本地新聞 时政 時政 时政要闻 時政要聞 经济 經濟 社会 社會 "
    "民生 文化 体育 體育 专题 專題 专版 專版 特刊 副刊 理论 理論 评论 評論 视点 視點 聚焦 法治 党建 黨建 "
    "乡村振兴 鄉村振興 教育 健康 广告 廣告 公告 图片新闻 圖片新聞 新闻 新聞 县域 縣域 区域 區域 城市 基层 "
    "基層 关注 關注 头版 頭版 一版 政务 政務 经济新闻 經濟新聞 社会新闻 社會新聞 镇街 鎮街 部门 部門 "
    "文体 文體 副刊 人物 资讯 資訊 快讯 快訊 简讯 簡訊 图片 圖片 视觉 視覺 镜头 鏡頭"
)
_SECTION_WORDS = "|".join(sorted(set(_SECTION.split()), key=len, reverse=True))
_SEP = r"[\s:：|｜·•/]*"
# "第2版 经济·民生", "一版·要闻": one or more section words around a page number.
_SECTIONS_RUN = rf"(?:{_SECTION_WORDS})(?:{_SEP}(?:{_SECTION_WORDS}))*"
_PAGE_LABEL = re.compile(
    rf"^(?:[A-Za-z][A-Za-z .&'-]*{_SEP})?(?:[A-Z]?\d{{1,2}}{_SEP})?(?:{_PAGE_NO}{_SEP})?(?:{_SECTIONS_RUN})?(?:{_SEP}{_PAGE_NO})?(?:{_SEP}[A-Za-z][A-Za-z .&'-]*)?$"
)
_ASCII_LABEL = re.compile(r"^(?:[A-Za-z][A-Za-z.&'-]*\s+[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff]{1,6}\s+[A-Za-z][A-Za-z .&'-]*)$")
_EDITORIAL = re.compile(
    r"(?:^|\s)(?:本版)?(?:责任编辑|責任編輯|编辑|編輯|责编|責編|美编|美編|校对|校對|版式|组版|組版|值班主任|审核|審核|审签|"
    r"審簽|终审|終審|签发|簽發|排版|设计|設計)\s*(?:[:：]|\s)"
)
# A bulletin's column label: "【招商引资】", "【领导调研】".
_BRACKET_LABEL = re.compile(r"^[【\[〖][\u4e00-\u9fff·]{2,10}[】\]〗]$")
# A bulletin's distribution footer: "报：县委办…", "抄送：…", "（共印30份）".
_DISTRIBUTION = re.compile(r"^(?:报|報|送|发|發|抄报|抄報|抄送|报送|報送|分送)\s*[:：]|^[(（]\s*共印\s*\d+\s*份\s*[)）]$")
_CONTINUED = re.compile(r"^[(（]\s*(?:下转|上接|紧接|接第|转第|转自|下轉|緊接|轉第|轉自|完)[^()（）]*[)）]$")
_SHORT_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
# A front-page digest entry: "…项目集中开工 2版", "…（详见第3版）".
_DIGEST_ENTRY = re.compile(
    r"[\s.…·]*[(（]?\s*(?:详见|詳見|见|見)?\s*第?\s*[A-Z]?[0-9０-９一二三四五六七八九十]+\s*版\s*[)）]?$"
)

# Web pages.
_META_LABELS = (
    "新闻来源 新聞來源 信息来源 資訊來源 文章来源 文章來源 稿件来源 稿件來源 来源 來源 稿源 转自 轉自 发布时间 發布時間 發佈時間 发布日期 "
    "發布日期 發佈日期 更新时间 更新時間 时间 時間 日期 作者 责任编辑 責任編輯 编辑 編輯 浏览次数 瀏覽次數 浏览量 "
    "瀏覽量 浏览 瀏覽 点击数 點擊數 点击量 點擊量 点击 點擊 阅读量 閱讀量 阅读 閱讀 访问量 訪問量 字号 字號 字体 字體 "
    "供稿 撰稿 摄影 攝影 信息时间 資訊時間 阅读次数 閱讀次數"
)
# Longest first: the regex takes the first alternative that matches.
_META_LABEL = "(?:" + "|".join(sorted(set(_META_LABELS.split()), key=len, reverse=True)) + ")"
META_PAIR = re.compile(rf"{_META_LABEL}\s*[:：]\s*")
_PUBLISHED = re.compile(r"(?:发布|發布|發佈|更新|信息|資訊)(?:时间|時間|日期)\s*[:：]|^(?:时间|時間|日期)\s*[:：]")
_SOURCE = re.compile(r"(?:信息来源|資訊來源|文章来源|文章來源|稿件来源|稿件來源|来源|來源|稿源|转自|轉自)\s*[:：]\s*")
_AUTHOR = re.compile(r"(?:作者|撰稿|供稿)\s*[:：]\s*")
_PHOTO_AUTHOR = re.compile(r"(?:摄影|攝影)\s*[:：]\s*")
_BREADCRUMB = re.compile(
    r"当前位置|當前位置|您的位置|你的位置|现在位置|现在的位置|現在的位置|首页\s*[>＞»]|首頁\s*[>＞»]|[>＞»]\s*正文|"
    r"^\s*[>＞»]?\s*(?:HOME|Home|home)\s*[>＞»]|^(?:[^>＞»。,，]{1,10}\s*[>＞»]\s*){2,}[^>＞»。,，]{1,10}$|"
    r"^[^>＞»。,，\s]{2,12}(?:网|網|站)\s*[>＞»]\s*[^>＞»。,，]{1,10}$"  # '某某网 > 某某新闻'
)
_WEB_STOP = re.compile(
    r"^【?\s*(?:打印|列印|关闭|關閉|打印本页|打印本頁|关闭窗口|關閉窗口)\s*】?|"
    r"^(?:相关新闻|相關新聞|相关阅读|相關閱讀|相关链接|相關鏈接|相关文章|相關文章|相关稿件|相關稿件|延伸阅读|延伸閱讀|"
    r"上一篇|下一篇|上一条|下一条|上一條|下一條|版权所有|版權所有|网站标识码|網站標識碼|主办单位|主辦單位|"
    r"返回顶部|返回頂部|扫一扫|掃一掃|【我要纠错】|我要纠错)|【打印】|【关闭】|【關閉】|【列印】"
)
_WEB_DROP = re.compile(
    r"^(?:分享到|分享至|收藏|推荐给朋友|推薦給朋友|【?\s*字[号號体體]\s*[:：]?\s*大\s*中\s*小|"
    r"\[?\s*字[号號体體]\s*[:：]|【\s*(?:大|中|小)\s*】|视力保护色|視力保護色)"
)
_NEWS_PREFIX = re.compile(
    r"^[■●◆▲★]?\s*[【\[]?(?:本报讯|本報訊|本报\S{0,8}?讯|本報\S{0,8}?訊|本刊讯|本刊訊|本台讯|本台訊|"
    r"本网讯|本網訊)[】\]]?\s*[:：]?\s*"
)


def is_masthead_item_line(line: str) -> bool:
    """A line made only of dates, weekdays, lunar dates, 第N期, 第N版."""
    return bool(line) and not _MASTHEAD_ITEM.sub("", line).strip()


def is_masthead_keyword_line(line: str) -> bool:
    # '某某新闻网讯 12月24日,…。': a short lead that names its site is a sentence, not a masthead.
    return len(line) <= 60 and "。" not in line and bool(_MASTHEAD_KEYWORD.search(line))


def is_publisher_line(line: str) -> bool:
    return len(line) <= 60 and bool(_PUBLISHER.search(line))


def publication_name(line: str) -> str | None:
    line = line.replace(" ", "")
    if _PUB_NAME.match(line) and not _NOT_A_NAME.search(line):
        return line
    return None


# '某某日报 2018年03月02日': a paper's name and its issue date on one line above the story.
_NAME_AND_DATE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,10}?(?:日报|日報|晚报|晚報|周报|週報|时报|時報))\s*"
                            r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")


def name_and_date(line: str) -> tuple[str, str] | None:
    m = _NAME_AND_DATE.match(line.strip())
    return (m.group("name"), m.group("date")) if m else None


def bulletin_name(line: str) -> str | None:
    line = line.replace(" ", "")
    return line if _BULLETIN_NAME.match(line) else None


def is_newspaper_name(line: str) -> bool:
    """A line that can only be a newspaper's name ("XX日报", "XX周刊"), never a headline."""
    return bool(_STRONG_NAME.match(line.replace(" ", "")))


def masthead_fields(line: str) -> tuple[str | None, str | None]:
    """(ISO date, 第N期) found on a masthead line."""
    date = parse_full_date(line)
    issue = re.search(_ISSUE, line)
    return date, (re.sub(r"\s+", "", issue.group(0)) if issue else None)


def is_page_furniture(line: str) -> bool:
    """Page labels, editorial credits, continuation notes and other non-news lines."""
    if is_masthead_item_line(line) or is_masthead_keyword_line(line):
        return True
    if (len(line) <= 60 and _EDITORIAL.search(line)) or _CONTINUED.match(line):
        return True
    if _BRACKET_LABEL.match(line) or _DISTRIBUTION.search(line):
        return True
    if _SHORT_HAN_ONLY.match(line) or (len(line) <= 60 and _DIGEST_ENTRY.search(line)):
        return True
    if len(line) <= 20 and (_PAGE_LABEL.match(line) or _ASCII_LABEL.match(line)):
        return True
    return bool(re.fullmatch(r"[\W_]+", line))


# A government site's disclosure block ('索 引 号 … 公开方式 主动公开 公开日期 2018-01-31'): its
# labels often come without a colon.
_DISCLOSURE = re.compile(r"索\s*引\s*号|公开(?:方式|日期|形式|范围|时间)|成文日期|发文机关|发布机构|主题分类")


# 'site name  2022-05-31 21:10': an app's stamp under a headline, often on the headline's own line.
# ('2018/08/09 14:32': slashes or dots instead of dashes, one kind throughout)
_STAMP = r"(?:[\u4e00-\u9fff]{2,8}\s+)?\d{4}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.)\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
# ('某某日报·新某某客户端 2023-10-18 16:49': an outlet's name, however long, before its stamp)
_OUTLET = r"[\u4e00-\u9fff·•]{2,14}?(?:客户端|网|網|报|報|台|号|號|新闻|新聞)"
STAMP_LINE = re.compile(rf"^(?:{_OUTLET}\s+)?{_STAMP}(?:\s+[\u4e00-\u9fff]{{1,8}})?$")  # '… 00:30:00 网络': and its source
# ('… 2025-05-08 00:30:00 网络': the source may follow the time)
HEADLINE_STAMP = re.compile(rf"^(?P<head>\S.{{5,}}?)\s+(?P<stamp>{_STAMP}(?:\s+[\u4e00-\u9fff]{{1,8}})?)$")
# 'date 2026-01-09 headline': a site's date written before the headline on its line.
STAMP_HEADLINE = re.compile(r"^(?:date\s+)?(?P<stamp>\d{4}-\d{1,2}-\d{1,2})\s+(?P<head>[^\d\s].{5,})$", re.IGNORECASE)
# 'headline 来源:某网 作者:某某 时间:2022-07-06': the page's credits on the headline's line.
HEADLINE_META = re.compile(rf"^(?P<head>\S.{{5,}}?)\s+(?P<stamp>{_META_LABEL}\s*[:：].*)$")


# '…| 责任编辑:某某12月22日,某县…': the page's credits run straight into the story's first sentence.
_STORY_AFTER_CREDITS = re.compile(r"[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日|本报讯|近日|日前")


def credits_and_story(line: str) -> tuple[str, str] | None:
    """The credits and the story of a line where a web page glued them together."""
    if not META_PAIR.match(line) or "。" not in line:
        return None
    last = list(META_PAIR.finditer(line))[-1]
    story = _STORY_AFTER_CREDITS.search(line, last.end() + 1, last.end() + 8)
    if story is None:
        return None
    return line[: story.start()].rstrip(), line[story.start() :]


_DIGIT_OR_COLON = re.compile(r"[0-9:：]")


def headline_and_stamp(line: str) -> tuple[str, str] | None:
    """A headline and the stamp or credits written on its line, in the order they are read."""
    if not _DIGIT_OR_COLON.search(line) or META_PAIR.match(line) or STAMP_LINE.match(line):
        return None  # no stamp or credit on the line; or '编稿时间:… 来源:…', an outlet and its stamp: no headline
    for shape in (HEADLINE_STAMP, HEADLINE_META):
        m = shape.match(line)
        if m and re.search(r"[:：]", m.group("head")):
            continue  # '刊发日期:… 阅读次数: 作者:…': credits all along
        if m and (shape is HEADLINE_STAMP or is_meta_line(m.group("stamp"))):
            return m.group("head"), m.group("stamp")
    m = STAMP_HEADLINE.match(line)
    if m and not re.search(r"[:：]", m.group("head")):
        return m.group("head"), m.group("stamp")
    return None


def is_meta_line(line: str) -> bool:
    """A web page's 来源/发布时间/作者 line (possibly several on one line)."""
    if len(line) > 150:
        return False
    if STAMP_LINE.match(line):
        return True
    if _DISCLOSURE.search(line) and "。" not in line:
        return True
    m = META_PAIR.search(line)
    if not m:
        return False
    # '公司新闻发布时间:2023/10/26': a column's name alone before the page's stamp.
    column = _COLUMN_LABEL.fullmatch(line[:m.start()]) and _PUBLISHED.match(line, m.start())
    dated = line.lstrip("(（[【 ")  # '(2021/7/9 16:36:51)  来源:…': the stamp in brackets
    # ('【信息时间:… 阅读次数:': the page's meta line in a bracket)
    return m.start() == 0 or line[: m.start()] in ("【", "[", "(", "（") or bool(column) or len(META_PAIR.findall(line)) >= 2 or bool(
        NUMERIC_DATE.match(dated) or FULL_DATE.match(dated)
    )


_COLUMN_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}\s*")


def is_published_line(line: str) -> bool:
    return is_meta_line(line) and (bool(_PUBLISHED.search(line)) or bool(NUMERIC_DATE.search(line)))


def meta_value(line: str, label: re.Pattern[str], one_word: bool = False) -> str | None:
    """The value after a label, up to the next label (or the first space when one_word)."""
    m = label.search(line)
    if not m:
        return None
    rest = line[m.end():]
    nxt = META_PAIR.search(rest)
    if nxt:
        rest = rest[: nxt.start()]
    rest = re.split(r"\s|[|｜]" if one_word else r"[|｜]", rest.strip())[0].strip(" 　:：,，;；")
    rest = NUMERIC_DATE.sub("", rest).strip()
    return rest or None


def source_name(line: str) -> str | None:
    return meta_value(line, _SOURCE, one_word=True)


# '来源: 某某网-某某日报 记者 甲 乙': reporters named at the end of a meta line.
META_REPORTERS = re.compile(
    r"(?:记者|記者|通讯员|通訊員)\s*[:：]?\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3}\s*$"
)


def author_value(line: str) -> tuple[str | None, str | None]:
    """(writer credit, photographer credit) on a meta line."""
    return meta_value(line, _AUTHOR), meta_value(line, _PHOTO_AUTHOR)


def is_source_line(line: str) -> bool:
    return bool(_SOURCE.search(line))


def is_breadcrumb(line: str) -> bool:
    return bool(_BREADCRUMB.search(line))


# A site's own name in its chrome: '… | 山西省人民政府 | 某市人民政府', '首页 > 时政要闻 > 某市要闻'.
_SITE_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:人民政府|政府网)")
_SITE_COLUMN = re.compile(r"[>＞»]\s*([\u4e00-\u9fff]{2,6}?)(?:要闻|新闻|动态)\s*$")
# '首页 > 今日某某 > 政务要闻': a local site's own news column is named after its place.
_TODAY_COLUMN = re.compile(r"[>＞»]\s*今日([\u4e00-\u9fff]{2,4}?)\s*(?=[>＞»]|$)")


def site_names(line: str) -> list[str]:
    """Division names a page's header or breadcrumb gives for the site ('某市', '某县')."""
    if not (is_breadcrumb(line) or "|" in line or "｜" in line):
        return []
    found = [m.group(1) for m in _SITE_GOVERNMENT.finditer(line) if m.group(1) not in ("中国", "中央")]
    found += [m.group(1) for m in _TODAY_COLUMN.finditer(line)]
    column = _SITE_COLUMN.search(line)
    if column and not column.group(1).startswith(("时政", "本地", "综合", "国内", "国际", "图片", "视频", "政务")):
        found.append(column.group(1))
    return found


def is_web_stop(line: str) -> bool:
    return bool(_WEB_STOP.search(line))


def is_web_drop(line: str) -> bool:
    return bool(_WEB_DROP.match(line))


# '某广播网某地6月3日消息(记者 某某)', '某新闻网讯(记者 某某)': a site's dateline before a credit.
_SITE_DATELINE = re.compile(
    r"^[\u4e00-\u9fff0-9]{2,16}?(?:网|網|报|報|台|端|号|號)(?:讯|訊|消息)(?=\s*[(（【]|\s*[0-9一二三四五六七八九十]{1,2}月|\s+(?:记者|記者|通讯员|通訊員))"
    # '某报3月2日讯(记者 某某):', '某网某地6月9日消息(记者 某某)', '某台4月8日某地电(记者…)'
    r"|^[\u4e00-\u9fff0-9]{2,16}?[0-9]{1,2}月[0-9]{1,2}日[\u4e00-\u9fff]{0,8}?(?:讯|訊|电|電|消息)(?=\s*[(（【])"
    r"|^[\u4e00-\u9fff0-9]{2,16}?(?:讯|訊|消息)(?=\s*[(（])"
    r"|^【[^】]{2,24}?(?:讯|訊|消息|电|電)】"  # '【某某网2012年03月29日讯】'
)


# '…开局良好 【某某日报消息】某某昨日下午抵达…': a story's bracketed dateline run into the headline.
_BRACKETED_DATELINE = re.compile(r"\s*(?=【[\u4e00-\u9fff]{2,12}(?:讯|訊|消息|电|電)】)")


# '【第五次区委常委会议】2021年3月2日,…': a bracketed headline run into the story.
_BRACKETED_HEADLINE = re.compile(r"^【([^【】]{4,30})】(?=\S)")
_CREDIT_WORDS = re.compile(r"讯|訊|消息|报道|報道|记者|記者|通讯员|通訊員|[^\u4e00-\u9fff]电|電")


def dateline_after_headline(line: str) -> tuple[str, str] | None:
    """(headline, story) of a line where a page ran a headline into its bracketed dateline, or
    wrote the headline in brackets before the story."""
    head = _BRACKETED_HEADLINE.match(line)
    if head and "。" in line[head.end() :] and not _CREDIT_WORDS.search(head.group(1)) and not has_news_prefix(line):
        return head.group(1), line[head.end() :]
    m = _BRACKETED_DATELINE.search(line, 6)
    if m is None or "。" not in line[m.end() :] or "。" in line[: m.start()]:
        return None
    return line[: m.start()], line[m.end() :]


def strip_news_prefix(paragraph: str) -> str:
    """Remove 本报讯 (and its variants); a dateline inside it stays readable for dates."""
    stripped = _NEWS_PREFIX.sub("", paragraph, count=1)
    if stripped == paragraph:
        stripped = _SITE_DATELINE.sub("", paragraph, count=1).lstrip()
    return stripped


_BRACKETED_DATELINE_START = re.compile(r"【[\u4e00-\u9fff]{2,12}(?:讯|訊|消息|电|電)】")


def has_news_prefix(paragraph: str) -> bool:
    """'本报讯', or another paper's bracketed dateline ('【某某日报消息】'): a story starts here."""
    return bool(_NEWS_PREFIX.match(paragraph) or _BRACKETED_DATELINE_START.match(paragraph))
