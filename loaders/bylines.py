"""Bylines: who wrote or photographed an article.

Forms met in county and city papers (simplified and traditional):
``(记者 贾庆章 李秋呈)``, ``(刘峰 鹿稳)``, ``（通讯员 王某）``, ``记者 A 通讯员 B``,
``本报记者 X``, ``文/X 图/Y``, ``X 摄``, ``图片/X``. Names are 2–4 Han
characters (or minority names joined with ·).
"""

from __future__ import annotations

import re

from guanxi.facts import Byline, BylineRole


def _words(text: str) -> list[str]:
    return text.split()


# Han characters of names, rare ones (Extension A and later) included.
_NH = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
NAME = re.compile(rf"^(?:[{_NH}]{{2,4}}|[{_NH}]{{1,6}}·[{_NH}]{{1,8}})$")

_REPORTER_ROLES = (
    "本报记者 本報記者 本报通讯员 本報通訊員 记者 記者 见习记者 見習記者 实习记者 實習記者 特约记者 特約記者 "
    "首席记者 首席記者 融媒体记者 融媒體記者 融媒记者 融媒記者 全媒体记者 全媒體記者 通讯员 通訊員 "
    "特约通讯员 特約通訊員 实习生 實習生 文 撰文 文字 整理 作者 撰稿 撰稿人 执笔 執筆 采写 採寫"
)
_PHOTO_ROLES = _words("摄影记者 攝影記者 摄影 攝影 图片 圖片 图 圖 摄 攝")
_ROLE_WORDS: dict[str, BylineRole] = {w: "reporter" for w in _words(_REPORTER_ROLES)}
_ROLE_WORDS.update({w: "photographer" for w in _PHOTO_ROLES})
# Longest first, so 本报记者 is taken before 记者.
_ROLE_TOKEN = re.compile("^(" + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True)) + ")[:：]?$")
# Only unmistakable role words may be glued to a name ("记者贾庆章"); a short one
# like 文 or 图片 would eat the start of ordinary words (文明, 图片新闻).
_ROLE_PREFIX = re.compile(
    "^("
    + "|".join(sorted((w for w in _ROLE_WORDS if re.search("记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影", w)),
                      key=len, reverse=True))
    + ")[:：]?"
)
# "区融媒体中心记者", "县委报道组通讯员": a unit in front of the role word.
_UNIT_REPORTER = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:记者|記者|通讯员|通訊員)[:：]?$")
_PHOTO_SUFFIX = re.compile(r"\s*[/／]?\s*(摄影报道|攝影報道|摄影|攝影|摄|攝)$")
# "张三/文 李四/图": the role written after each name.
_SUFFIX_ROLE = re.compile(r"([\u4e00-\u9fff·]{2,8})\s*[/／]\s*(文|图|圖|摄|攝|摄影|攝影)(?![\u4e00-\u9fff])")
# "(县委宣传部 黎思远)": the contributing office stands where a role word would.
_UNIT_CREDIT = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:宣传部|宣傳部|办公室|辦公室|融媒体中心|融媒體中心|新闻中心|新聞中心|报道组|報道組|通讯组|通訊組|融媒|融媒体|融媒體)$")
# '鍾政/台中報導': where the reporter filed from, after the name.
_FILED_FROM = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:报道|報道|报导|報導)$")
# '[责任编辑:某某]': an editor's credit, never a byline.
_EDITOR_LABELS = set(_words(
    "责任编辑 責任編輯 责编 責編 编辑 編輯 审核 審核 校对 校對 编审 編審 监制 監製 终审 終審 "
    "来源 來源 文章来源 文章來源 信息来源 資訊來源 稿件来源 稿件來源"
))
# "撰稿：A 审核：B": the editor who checked a bulletin item is no byline.
_CHECKER = re.compile(
    r"\s+(?:审核|審核|审签|審簽|审稿|審稿|签发|簽發|责任编辑|責任編輯|编辑|編輯|校对|校對|核稿)\s*[:：].*$"
)
_SPLIT = re.compile(r"[\s、，,/／∕|｜:：;；]+")
_BRACKETED = re.compile(r"^[(（\[【]\s*([^()（）\[\]【】]{2,60}?)\s*[)）\]】]$")
_TRAILING = re.compile(r"(?<=[。！？!?”’…])\s*[(（]\s*([^()（）]{2,60}?)\s*[)）]$")
_TRAILING_PHOTO = re.compile(r"(?<=[。！？!?”’…])\s*((?:[\u4e00-\u9fff·]{2,8}\s*){1,3}(?:摄影|攝影|摄|攝))$")
_TOKEN = re.compile(r"\s*(\S+)(?=\s)")
_LEADING = re.compile(r"^[(（【]\s*([^()（）【】]{2,60}?)\s*[)）】]\s*")
# A non-name word that is still plausible between names in a credit line.
_FILLER = {"报道", "報道", "联合", "聯合", "等"}
_REPORTED_COLON = re.compile(r"(?:报道|報道)[:：]")
# Bracketed words of two to four characters that are not people.
_NOT_NAMES = set(
    _words(
        "新华社 新華社 人民网 人民網 央视网 央視網 中新社 中新网 中新網 供图 供圖 资料图 資料圖 资料 資料 来源 來源 "
        "待续 待續 扩大 擴大 摘编 摘編 综合 綜合 整理 编辑 編輯 图文 圖文 视频 視頻 下转 上接 全文 详见 詳見 "
        "近日 日前 近期 今天 昨天 昨日 今日 目前 今年 上午 下午 摘要 節選 节选 组图 組圖 有删节 有刪節 续完 續完"
    )
)


def _tokens(content: str) -> list[str]:
    """Credit tokens; a name spaced out letter by letter ('记者 吴 峰') is one token again."""
    out: list[str] = []
    run: list[str] = []
    for t in [t for t in _SPLIT.split(content.strip()) if t]:
        if len(t) == 1 and "\u4e00" <= t <= "\u9fff":
            run.append(t)
            continue
        out.extend(_spaced_names(run))
        run = []
        out.append(t)
    return out + _spaced_names(run)


def _spaced_names(run: list[str]) -> list[str]:
    if len(run) < 2:
        return run
    if len(run) <= 3:
        return ["".join(run)]
    return ["".join(run[i : i + 2]) for i in range(0, len(run), 2)]


# '文/图:某某', '图文:某某': one person wrote the story and took its pictures.
_WORDS_AND_PICTURES = re.compile(r"^(?:文\s*[/／\\]\s*[图圖]|[图圖]\s*[/／\\]\s*文|[图圖]文)\s*[:：]\s*")


def parse_credit(content: str, require_role: bool) -> list[Byline] | None:
    """Bylines in a credit such as "记者 宋欣 郭臣" or "文/张三 图/李四"; None if it is not one."""
    content = content.strip()
    both = _WORDS_AND_PICTURES.match(content)
    if both:
        names = _tokens(content[both.end():])
        if names and all(NAME.match(n) and n not in _NOT_NAMES for n in names):
            return [Byline(name=n, role=r) for n in names for r in ("reporter", "photographer")]
        return None
    pairs = _SUFFIX_ROLE.findall(content)
    # '记者 罗某/文 龙某/图': the role word in front adds nothing to the names' own.
    if pairs and not _ROLE_TOKEN.sub("", _SUFFIX_ROLE.sub("", content).strip(" 　、，,")).strip():
        if all(NAME.match(name) and name not in _NOT_NAMES for name, _ in pairs):
            return [Byline(name=name, role=_ROLE_WORDS[role]) for name, role in pairs]
        return None
    photo_suffix = _PHOTO_SUFFIX.search(content)
    if photo_suffix:
        content = content[: photo_suffix.start()]
    role: BylineRole = "reporter"
    saw_role = False
    out: list[Byline] = []
    for token in _tokens(content):
        if token in _EDITOR_LABELS:
            return None
        if out and _FILED_FROM.match(token):
            continue
        whole = _ROLE_TOKEN.match(token)
        glued = _ROLE_PREFIX.match(token)
        if whole or _UNIT_REPORTER.match(token) or (not require_role and not out and _UNIT_CREDIT.match(token)):
            role = _ROLE_WORDS[whole.group(1)] if whole else "reporter"
            saw_role = True
            continue
        if glued and NAME.match(token[glued.end():]):
            role = _ROLE_WORDS[glued.group(1)]
            saw_role = True
            token = token[glued.end():]
        if token in _FILLER:
            continue
        if not NAME.match(token) or token in _NOT_NAMES:
            return None
        out.append(Byline(name=token, role=role))
    if not out:
        return None
    if photo_suffix:
        return [Byline(name=b.name, role="photographer") for b in out]
    if require_role and not saw_role:
        return None
    return out


# '【全媒体记者】某某 某某': the role in the bracket, the names after it.
_LABELLED_CREDIT = re.compile(r"^[【\[]\s*([^【】\[\]]{1,8}?)\s*[】\]]\s*(\S.{1,30})$")


def credit_line(line: str) -> list[Byline] | None:
    """Bylines when the whole line is a credit, else None."""
    labelled = _LABELLED_CREDIT.match(line)
    if labelled and _ROLE_TOKEN.match(labelled.group(1)):
        return parse_credit(labelled.group(1) + " " + labelled.group(2), require_role=True)
    m = _BRACKETED.match(line)
    if m:
        # 【…】 holds column labels ("【招商引资】") far more often than credits.
        return parse_credit(m.group(1), require_role=line.startswith("【"))
    checker = _CHECKER.search(line)
    if checker and checker.start() > 0:
        line = line[: checker.start()]
    if len(line) > 40:
        return None
    return parse_credit(line, require_role=True)


def split_trailing_credit(paragraph: str) -> tuple[str, list[Byline]]:
    """A closing "(记者 X)" glued to the end of the last paragraph."""
    m = _TRAILING.search(paragraph)
    if m:
        found = parse_credit(m.group(1), require_role=False)
        if found:
            return paragraph[: m.start()].rstrip(), found
    m = _TRAILING_PHOTO.search(paragraph)
    if m:
        found = parse_credit(m.group(1), require_role=False)
        if found:
            return paragraph[: m.start()].rstrip(), found
    return paragraph, []


_ROLE_WORD = re.compile(r"(?:记者|記者|通讯员|通訊員)(?=[\u4e00-\u9fff\s])")


def split_leading_credit(paragraph: str, after_dateline: bool = False) -> tuple[str, list[Byline]]:
    """A "(记者 X 通讯员 Y)" or "记者 X 报道" right after 本报讯, before the news itself; right
    after a dateline ('本报讯(甲 乙) 2月20日…') the names need no role word."""
    m = _LEADING.match(paragraph)
    if m:
        # '【某某新闻·某某日报记者甲】': the outlet's names before the role word are no one's
        inner = m.group(1)
        role_at = [r.start() for r in _ROLE_WORD.finditer(inner)]
        found = parse_credit(inner[role_at[0]:] if role_at else inner, require_role=not after_dateline)
        if found:
            return paragraph[m.end():].lstrip().lstrip(":：").lstrip(), found
        # '(某某新聞)【記者甲/某地報導】': a source tag, then the credit.
        after = paragraph[m.end():]
        second = _LEADING.match(after)
        found = parse_credit(second.group(1), require_role=True) if second else None
        if second and found:
            return after[second.end():].lstrip(), found
    glued = _GLUED_REPORTERS.match(paragraph)
    if glued and all(NAME.fullmatch(n) for n in glued.group(1).split("、")):
        return paragraph[glued.end() :], [Byline(name=n, role="reporter") for n in glued.group(1).split("、")]
    return _split_plain_leading_credit(paragraph)


# '本网特约记者甲、乙报道:5月8日…': names written without spaces, closed by 报道 and a colon.
_GLUED_REPORTERS = re.compile(
    r"^(?:本网|本報|本报|本網)?(?:特约|特約)?(?:记者|記者)([\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})*)(?:报道|報道)(?:[:：]|\s+)"
)


def _split_plain_leading_credit(paragraph: str) -> tuple[str, list[Byline]]:
    # Space-separated tokens only: without spaces a name's end cannot be told.
    role: BylineRole | None = None
    found: list[Byline] = []
    end = 0
    for m in _TOKEN.finditer(paragraph):
        token = m.group(1)
        whole = _ROLE_TOKEN.match(token)
        glued = _ROLE_PREFIX.match(token)
        if whole and len(token) > 1:
            role = _ROLE_WORDS[whole.group(1)]
        elif glued and NAME.match(token[glued.end():]):
            role = _ROLE_WORDS[glued.group(1)]
            found.append(Byline(name=token[glued.end():], role=role))
        elif token in _FILLER and found:
            end = m.end()
            break
        elif role and NAME.match(token) and token not in _NOT_NAMES:
            found.append(Byline(name=token, role=role))
        else:
            break
        end = m.end()
    if not found or end >= len(paragraph):
        return paragraph, []
    rest = paragraph[end:].lstrip()
    said = _REPORTED_COLON.match(rest)  # '记者 甲 通讯员 乙 报道:4月28日,…': the news follows the colon
    return (rest[said.end() :] if said else rest), found


def merge(existing: list[Byline], new: list[Byline]) -> list[Byline]:
    seen = {(b.name, b.role) for b in existing}
    out = list(existing)
    for b in new:
        if (b.name, b.role) not in seen:
            seen.add((b.name, b.role))
            out.append(b)
    return out
