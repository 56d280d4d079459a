"""A seeded generator of invented county/district government news, for benchmarks.

``python -m bench.corpus --n 1000 --seed 7 --out DIR`` writes N documents: newspaper issue pages
(masthead, then several articles with bylines) and single web articles (title, source line, <p>
paragraphs, editor and related-news footer). Everything is invented from the pools below: places,
officials with title chains, companies with legal names and short forms, projects by capacity.

People and companies are shared across documents with Zipf-like reuse (a county head appears in
many articles, a deputy director in few), so the loaded graph is connected the way real coverage
is. The same (n, seed) always gives byte-identical files: only ``random.Random(seed)`` decides.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

# --- name pools (invented combinations; no real person, company or place is modelled) -------------

PLACE_HEADS = "鹤桐云青梧松枫柳雁清岚澄汀槐芷棠渝沣漳岑溆涟琅珉"
PLACE_TAILS = "泉溪岗川湾陵阳浦塘源峰原亭州宁江"
CITY_HEADS = "榆柘椿杉楠桦樟栎"
CITY_TAILS = "安平宁丰康和昌兴"
TOWN_HEADS = "白柳石新沙桥河龙凤花梨杏莲竹枣杨"
TOWN_TAILS = "沙塘桥口坪湾集店庄岭渡铺堡坝"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程"
    "苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫")
GIVEN_CHARS = (
    "志建国文明华军平海涛伟强磊洋勇艳娟丽敏静婷雪梅芳燕红霞玲晓宇航鹏飞辉林峰刚斌杰鑫浩凯博然"
    "悦琳欣怡佳雨桐嘉思远振立新冬春秋光群素芬川云鸣洪卫庆德荣永兴成瑞祥琦晨曦阳蕾颖倩昊轩"
)
BRAND_HEADS = "恒博华瑞东明瀚百知创嘉鼎沃星拓锦宏誉润泰启达凯中"
BRAND_TAILS = "锐远辰丰岳德海川行元峰源越晟澜衡通泽弘邦盛"
PROVINCES = ("江苏", "浙江", "山东", "广东", "安徽", "湖北", "四川", "福建", "河南", "湖南")
BIG_CITIES = ("上海", "深圳", "苏州", "杭州", "南京", "成都", "武汉", "宁波")


@dataclass(frozen=True)
class Industry:
    legal: str  # the middle of the legal name: 新材料科技, 生物医药
    short: str  # what reporters call it after the first mention: 新材料, 医药
    products: tuple[tuple[str, tuple[int, int]], ...]  # capacity templates with their range
    content: str  # what the project builds, for the "据了解" paragraph


INDUSTRIES = (
    Industry("新材料科技", "新材料", (("年产{n}万吨高性能锂电池隔膜项目", (2, 12)),
                                     ("年产{n}万吨改性塑料项目", (5, 30))),
             "生产线及配套仓储设施"),
    Industry("智能装备", "智能装备", (("年产{n}台套智能仓储装备项目", (800, 5000)),
                                      ("年产{n}套工业机器人项目", (500, 3000))),
             "总装车间、研发中心和智能化生产线"),
    Industry("新能源科技", "新能源", (("年产{n}GWh储能电池模组项目", (2, 20)),
                                      ("{n}兆瓦分布式光伏电站项目", (20, 200))),
             "电芯模组生产线和配套变电站"),
    Industry("生物医药", "医药", (("年产{n}吨原料药项目", (100, 900)),
                                   ("中药饮片精深加工项目", (0, 0))),
             "原料药车间、制剂车间和质检中心"),
    Industry("食品", "食品", (("年产{n}万吨预制菜加工项目", (1, 8)),
                              ("年产{n}万吨果蔬冷链物流项目", (2, 10))),
             "中央厨房、冷链仓储中心和生产线"),
    Industry("电子科技", "电子", (("年产{n}亿只精密电子元器件项目", (1, 30)),
                                  ("柔性线路板生产项目", (0, 0))),
             "洁净厂房、贴片生产线和检测中心"),
    Industry("农业发展", "农业", (("{n}亩高标准茶园综合开发项目", (800, 6000)),
                                  ("{n}亩设施蔬菜基地项目", (500, 3000))),
             "育苗中心、连栋大棚和农产品加工车间"),
    Industry("绿色建材", "建材", (("年产{n}万吨绿色建材项目", (10, 120)),
                                  ("年产{n}万立方米装配式构件项目", (5, 40))),
             "搅拌站、构件车间和堆场"),
)

EXEC_TITLES = ("董事长", "总经理", "副总裁", "投资总监", "副总经理")
CITY_TITLES = ("市委书记", "市长", "副市长", "副市长", "副市长")

# A district's or county's leadership, most prominent first. {L} is 区 or 县; the first entries
# appear in most coverage, the tail in little: selection is Zipf over this order.
ROSTER = (
    "{L}委书记",
    "{L}委副书记、{L}长",
    "{L}委常委、常务副{L}长",
    "副{L}长",
    "副{L}长",
    "{L}人大常委会主任",
    "{L}政协主席",
    "{L}委常委、组织部部长",
    "{L}委常委、宣传部部长",
    "{L}委常委、政法委书记",
    "副{L}长",
    "副{L}长、{L}公安局局长",
    "{Z}管委会主任",
    "{L}人大常委会副主任",
    "{L}政协副主席",
    "{L}发展改革局局长",
    "{L}商务局局长",
    "{Z}管委会副主任",
    "{L}人大常委会副主任",
    "{L}应急管理局局长",
    "{L}住建局局长",
    "{L}政协副主席",
    "{L}农业农村局局长",
)

TOPICS = ("安全生产", "防汛抗旱", "优化营商环境", "乡村振兴", "招商引资", "项目建设", "森林防灭火",
          "生态环境保护", "民营经济发展", "文明城市创建", "耕地保护", "信访维稳")
VENUES = ("{L}行政中心", "{Z}管委会", "{L}政务服务中心", "{L}会展中心")
PARKS = ("新材料产业园", "智能制造产业园", "生物医药产业园", "标准化厂房园区", "农副产品加工园区")
CULTURE = (
    ("{J}图书馆开展全民阅读活动", "近日,{L}图书馆联合{T}新时代文明实践所开展全民阅读活动,吸引了{n}余名市民和中小学生参与。"
     "活动设置了经典诵读、亲子共读、图书漂流等环节,书香气息浓厚。"),
    ("{T}特色农产品喜获丰收", "连日来,{T}种植户抢抓晴好天气采收农产品,田间地头一派繁忙景象。据介绍,今年全镇种植面积达{n}亩,"
     "预计带动农户增收明显。"),
    ("{J}举办群众文艺汇演", "近日,{L}文化馆在{T}文化广场举办群众文艺汇演,{n}余名群众观看演出。"
     "舞蹈、戏曲、快板等节目轮番上演,赢得阵阵掌声。"),
    ("{T}开展义诊进乡村活动", "日前,{L}人民医院医疗队走进{T},为村民开展健康义诊,免费测量血压血糖{n}余人次,"
     "发放健康宣传资料。"),
)
PHOTOS = (
    "连日来,{T}种粮大户抢抓有利天气,组织农机开展深翻整地、施肥播种等工作。",
    "盛夏时节,{T}荷塘荷花竞相绽放,吸引众多游客前来观赏。",
    "近日,{Z}项目建设现场塔吊林立,工人们正在进行主体厂房施工。",
    "初冬时节,{T}茶园层林尽染,与远处的村落相映成趣。",
)
SPEECH = (
    "要坚持问题导向,强化要素保障,推动各项工作提速增效。",
    "各级各部门要压紧压实责任,确保各项任务落到实处。",
    "要当好服务企业的“店小二”,靠前服务、主动作为,帮助企业解决实际困难。",
    "要坚持稳中求进工作总基调,以实干实绩开好局、起好步。",
    "要聚焦重点领域和关键环节,深入开展隐患排查整治,做到底数清、情况明。",
    "项目建设是稳增长的“压舱石”,要以项目建设的加速度跑出发展的高质量。",
    "要树牢“项目为王”理念,全程做好帮办代办服务,推动项目早开工、早投产。",
    "要把思想和行动统一到上级决策部署上来,结合实际抓好贯彻落实。",
    "要牢固树立安全发展理念,时刻绷紧安全生产这根弦,坚决守住底线红线。",
    "要对企业反映的问题建立台账、限时办结,以更优的营商环境为企业发展保驾护航。",
    "要强化统筹调度,倒排工期、挂图作战,确保完成全年目标任务。",
    "要加强干部队伍作风建设,以钉钉子精神抓好各项改革任务落实。",
)
COMPANY_SAYS = (
    "公司将充分发挥技术和市场优势,加快推进项目建设,力争早日投产达效。",
    "当地区位优势明显、营商环境优良,企业对在此长期发展充满信心。",
    "公司将严格履行协议约定,把项目建设成为行业标杆。",
)
EDITOR_NOTES = ("会议还研究了其他事项。", "区直有关部门主要负责同志参加。", "会议通报了近期工作情况。")


class Zipf(Generic[T]):
    """Picks items with weight 1/(rank+1)^s: the head is reused often, the tail rarely."""

    def __init__(self, items: Sequence[T], s: float = 1.1) -> None:
        if not items:
            raise ValueError("Zipf over nothing")
        self.items = list(items)
        self.cum = list(accumulate(1.0 / (i + 1) ** s for i in range(len(self.items))))

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect_left(self.cum, rng.random() * self.cum[-1])]

    def distinct(self, rng: random.Random, k: int) -> list[T]:
        k = min(k, len(self.items))
        chosen: list[T] = []
        for _ in range(k * 20):
            item = self.pick(rng)
            if item not in chosen:
                chosen.append(item)
                if len(chosen) == k:
                    return chosen
        # A rare unlucky run of repeats: fill up from the head, still deterministic.
        chosen += [item for item in self.items if item not in chosen][: k - len(chosen)]
        return chosen


@dataclass(eq=False)
class Person:
    name: str
    chain: str  # the title chain written before the name at first mention
    short: str  # the last title of the chain, for lists such as 副区长A、B
    # Hard cases for bench/resolution_quality.py (unset in the plain corpus, which stays unchanged):
    variant: str | None = None  # another script of the name (traditional), written in half the mentions
    promoted: tuple[dt.date, str] | None = None  # from this date on, the chain of a new post


@dataclass(eq=False)
class Project:
    name: str
    investment: float  # 亿元
    company: Company


@dataclass(eq=False)
class Company:
    legal: str
    short: str
    industry: Industry
    executives: list[Person] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)


@dataclass(eq=False)
class Town:
    name: str
    secretary: Person
    head: Person


@dataclass(eq=False)
class City:
    name: str
    officials: list[Person]


@dataclass(eq=False)
class Jurisdiction:
    name: str  # 鹤泉
    level: str  # 区 or 县
    city: City
    paper: str
    hotline: str
    permit: str
    officials: list[Person]
    towns: list[Town]
    reporters: list[str]
    correspondents: list[str]
    editors: list[str]

    @property
    def full(self) -> str:
        return self.name + self.level

    @property
    def zone(self) -> str:
        return self.name + "经开区"


@dataclass(frozen=True)
class GeneratedDocument:
    name: str  # file name
    kind: str  # "page" or "web"
    text: str
    encoding: str  # how the file is written: utf-8 or gb18030
    articles: int
    people: tuple[str, ...]  # every person named in it, in order of first appearance


@dataclass
class World:
    cities: list[City]
    jurisdictions: list[Jurisdiction]
    companies: list[Company]

    def people(self) -> list[str]:
        names = [p.name for c in self.cities for p in c.officials]
        for j in self.jurisdictions:
            names += [p.name for p in j.officials]
            names += [p.name for t in j.towns for p in (t.secretary, t.head)]
        names += [p.name for c in self.companies for p in c.executives]
        return names


class _Names:
    """Unique invented names: a person or place name is never given twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def person(self) -> str:
        rng = self.rng
        while True:
            surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.04 else rng.choice(SURNAMES)
            given = "".join(rng.choice(GIVEN_CHARS) for _ in range(1 if rng.random() < 0.35 else 2))
            name = surname + given
            if name not in self.used:
                self.used.add(name)
                return name

    def place(self, heads: str, tails: str, suffix: str = "") -> str:
        rng = self.rng
        for attempt in range(10_000):
            name = rng.choice(heads) + rng.choice(tails)
            if attempt > 200:  # the two-character space is used up: lengthen
                name += rng.choice(tails)
            if name + suffix not in self.used:
                self.used.add(name + suffix)
                return name
        raise RuntimeError("place names exhausted")


def build_world(rng: random.Random, n_documents: int) -> World:
    names = _Names(rng)
    n_juris = max(4, min(150, n_documents // 60))
    n_cities = max(2, n_juris // 4)
    cities = []
    for _ in range(n_cities):
        city = names.place(CITY_HEADS, CITY_TAILS, "市") + "市"
        cities.append(City(city, [Person(names.person(), t, t) for t in CITY_TITLES]))

    jurisdictions = []
    for _ in range(n_juris):
        level = "区" if rng.random() < 0.5 else "县"
        name = names.place(PLACE_HEADS, PLACE_TAILS, level)
        officials = []
        for template in ROSTER:
            chain = template.format(L=level, Z="经开区")
            if template == ROSTER[0] and rng.random() < 0.4:
                chain = "市委常委、" + chain  # a county secretary who also sits on the city committee
            officials.append(Person(names.person(), chain, chain.split("、")[-1]))
        towns = []
        for _ in range(rng.randint(2, 4)):
            town = names.place(TOWN_HEADS, TOWN_TAILS, "@" + name) + "镇"
            towns.append(Town(town, Person(names.person(), f"{town}党委书记", "镇党委书记"),
                              Person(names.person(), f"{town}党委副书记、镇长", "镇长")))
        paper = name + rng.choice(("日报", "周刊", "报"))
        jurisdictions.append(Jurisdiction(
            name=name, level=level, city=rng.choice(cities), paper=paper,
            hotline=f"0{rng.randint(300, 999)}-{rng.randint(2000000, 8999999)}",
            permit=f"({rng.choice(CITY_HEADS)})J07{rng.randint(10000, 99999)}",
            officials=officials, towns=towns,
            reporters=[names.person() for _ in range(4)],
            correspondents=[names.person() for _ in range(3)],
            editors=[names.person() for _ in range(2)],
        ))

    companies = []
    brands: set[str] = set()
    for _ in range(max(12, n_documents // 4)):
        industry = rng.choice(INDUSTRIES)
        while True:
            brand = rng.choice(BRAND_HEADS) + rng.choice(BRAND_TAILS)
            if rng.random() < 0.3:
                brand += rng.choice(BRAND_TAILS)
            if brand + industry.legal not in brands:
                brands.add(brand + industry.legal)
                break
        style = rng.random()
        if style < 0.4:
            legal = f"{rng.choice(PROVINCES)}{brand}{industry.legal}股份有限公司"
        elif style < 0.7:
            legal = f"{brand}({rng.choice(BIG_CITIES)}){industry.legal}有限公司"
        else:
            legal = f"{rng.choice(cities).name[:-1]}{brand}{industry.legal}有限公司"
        company = Company(legal, brand + industry.short, industry)
        company.executives = [Person(names.person(), t, t) for t in rng.sample(EXEC_TITLES, 3)]
        for _ in range(rng.randint(1, 3)):
            template, (low, high) = rng.choice(industry.products)
            product = template.format(n=rng.randint(low, high)) if high else brand + template
            investment = round(rng.uniform(0.8, 30.0), 1)
            if all(p.name != product for p in company.projects):
                company.projects.append(Project(product, investment, company))
        companies.append(company)
    return World(cities, jurisdictions, companies)


# --- writing articles ------------------------------------------------------------------------------


@dataclass
class _Article:
    title: str
    paragraphs: list[str]
    people: list[str]
    subtitle: str | None = None


class _Writer:
    """Writes the articles of one jurisdiction; remembers who it named, in order."""

    def __init__(self, rng: random.Random, world: World, juris: Jurisdiction, when: dt.date) -> None:
        self.rng = rng
        self.world = world
        self.j = juris
        self.when = when
        self.named: list[str] = []
        self.officials = Zipf(juris.officials, s=1.0)
        self.companies = Zipf(world.companies, s=1.05)

    def fmt(self, text: str) -> str:
        town = self.rng.choice(self.j.towns).name
        return text.format(L=self.j.level, J=self.j.full, Z=self.j.zone, T=town, n=self.rng.randint(20, 900))

    def day(self) -> str:
        event = self.when - dt.timedelta(days=self.rng.randint(0, 3))
        part = self.rng.choice(("", "", "上午", "下午"))
        return f"{event.month}月{event.day}日{part}"

    def shown(self, person: Person) -> str:
        """The name as written here: a person with a variant is named in it half the time."""
        name = person.variant if person.variant and self.rng.random() < 0.5 else person.name
        self.named.append(name)
        return name

    def chain(self, person: Person) -> str:
        if person.promoted and self.when >= person.promoted[0]:
            return person.promoted[1]
        return person.chain

    def first(self, person: Person) -> str:
        return self.chain(person) + self.shown(person)

    def later(self, person: Person) -> str:
        return self.shown(person)

    def listing(self, people: Sequence[Person]) -> str:
        """Title chains before names, with consecutive holders of one title grouped: 副区长A、B。"""
        parts: list[str] = []
        previous: str | None = None
        for person in people:
            name = self.shown(person)
            chain = self.chain(person)
            if previous is not None and chain == previous and "、" not in chain:
                parts[-1] += "、" + name
            else:
                parts.append(chain + name)
            previous = chain
        return ",".join(parts)

    def leaders(self, k: int, exclude: Sequence[Person] = ()) -> list[Person]:
        pool = self.officials.distinct(self.rng, k + len(exclude))
        chosen = [p for p in pool if p not in exclude][:k]
        order = {id(p): i for i, p in enumerate(self.j.officials)}
        return sorted(chosen, key=lambda p: order[id(p)])

    def speech(self, k: int = 2) -> str:
        return "".join(self.rng.sample(SPEECH, k))

    # one method per kind of article

    def signing(self) -> _Article:
        rng, j = self.rng, self.j
        company = self.companies.pick(rng)
        project = rng.choice(company.projects)
        boss, envoy = company.executives[0], company.executives[-1]
        lead, host, signer, *others = self.leaders(5)
        town = rng.choice(j.towns) if rng.random() < 0.3 else None
        party = town.name + "人民政府" if town else j.full + "人民政府"
        if town:
            signer = town.head
        paras = [
            f"{self.day()},{party}与{company.legal}{project.name}签约仪式在{self.fmt(rng.choice(VENUES))}举行。"
            f"{self.first(lead)},{company.legal}{boss.chain}{self.later(boss)}出席并致辞。"
            f"{self.first(host)}主持签约仪式。{company.short}{envoy.chain}{self.later(envoy)},"
            f"{self.listing(others)}出席,{j.level}直有关部门负责同志参加。",
            f"{self.later(lead)}对{self.later(boss)}一行的到来表示热烈欢迎。他说,{self.speech()}",
            f"{self.later(boss)}表示,{rng.choice(COMPANY_SAYS)}",
            f"据了解,该项目总投资{project.investment}亿元,主要建设{company.industry.content},"
            f"项目达产后可实现年产值{round(project.investment * rng.uniform(1.1, 2.5), 1)}亿元。",
            f"仪式上,{signer.chain}{self.later(signer)}与{company.short}{envoy.chain}{self.later(envoy)}代表双方签约。",
        ]
        title = rng.choice((f"{company.short}{project.name}签约落户{j.name}",
                            f"{party}与{company.short}签订{project.name}投资协议"))
        return _Article(title, paras, self.named)

    def groundbreaking(self) -> _Article:
        rng, j = self.rng, self.j
        company = self.companies.pick(rng)
        project = rng.choice(company.projects)
        boss = company.executives[0]
        lead, speaker, host, *others = self.leaders(5)
        paras = [
            f"{self.day()},{company.legal}{project.name}开工仪式在{j.zone}{rng.choice(PARKS)}举行。"
            f"{self.first(lead)}宣布项目开工。{self.first(speaker)}致辞,{company.legal}{boss.chain}"
            f"{self.later(boss)}发言,{self.first(host)}主持开工仪式。{self.listing(others)}等{j.level}领导出席。",
            f"{self.later(speaker)}在致辞中说,{self.speech()}",
            f"据悉,{project.name}总投资{project.investment}亿元,全部建成后预计新增就业岗位{rng.randint(80, 900)}个。",
        ]
        return _Article(f"{company.short}{project.name}开工", paras, self.named)

    def inspection(self) -> _Article:
        rng = self.rng
        visited = self.companies.distinct(rng, 2)
        lead, *escorts = self.leaders(rng.randint(2, 4))
        stops = [f"{c.legal}" if i == 0 else f"{c.short}{rng.choice(c.projects).name}建设现场"
                 for i, c in enumerate(visited)]
        host = visited[0].executives[1]
        paras = [
            f"{self.day()},{self.first(lead)}深入重点企业和项目现场调研,{self.listing(escorts)}陪同调研。",
            f"{self.later(lead)}一行先后来到{'、'.join(stops)},实地察看工程进度。在{visited[0].short},"
            f"{host.chain}{self.later(host)}介绍了企业生产经营情况和扩能计划。",
            f"{self.later(lead)}强调,{self.speech(3)}",
            f"他要求,{self.speech(2)}",
        ]
        title = f"{lead.name}调研重点企业和项目建设"
        subtitle = None
        if rng.random() < 0.3:
            title, subtitle = "坚定信心抓发展 奋力实现“开门红”", f"——{lead.name}调研重点企业和项目建设"
        return _Article(title, paras, self.named, subtitle)

    def meeting(self) -> _Article:
        rng, j = self.rng, self.j
        topic = rng.choice(TOPICS)
        speaker, host, *present = self.leaders(rng.randint(3, 6))
        kind = rng.random()
        if kind < 0.4:
            title = f"全{j.level}{topic}工作会议召开"
            opening = (f"{self.day()},全{j.level}{topic}工作会议召开。{self.first(speaker)}出席会议并讲话,"
                       f"{self.first(host)}主持会议,{self.listing(present)}出席会议。")
        elif kind < 0.7:
            number = rng.randint(2, 40)
            title = f"{host.name}主持召开{j.level}政府第{number}次常务会议"
            opening = (f"{self.day()},{self.first(host)}主持召开{j.level}政府第{number}次常务会议,"
                       f"研究部署近期重点工作。{self.listing([speaker, *present])}出席会议。")
        else:
            title = f"{j.level}委理论学习中心组举行集体学习"
            opening = (f"{self.day()},{j.level}委理论学习中心组举行集体学习。{self.first(host)}主持并讲话。"
                       f"{self.listing([speaker, *present])}等{j.level}领导出席。")
        paras = [opening, f"会议传达学习了上级有关会议精神,听取了全{j.level}{topic}工作情况汇报。",
                 f"{self.later(host)}强调,{self.speech(3)}", f"他要求,{self.speech(2)}", rng.choice(EDITOR_NOTES)]
        return _Article(title, paras, self.named)

    def city_visit(self) -> _Article:
        rng, j = self.rng, self.j
        visitor = rng.choice(j.city.officials[2:])
        company = self.companies.pick(rng)
        escort = self.leaders(1)[0]
        topic = rng.choice(("生物医药产业发展", "项目建设", "乡村振兴", "安全生产"))
        exec_ = company.executives[-1]
        paras = [
            f"{self.day()},{self.first(visitor)}来我{j.level}调研{topic}情况。{self.first(escort)}陪同。",
            f"{self.later(visitor)}一行来到{company.legal},听取了{company.short}{exec_.chain}{self.later(exec_)}"
            f"关于{rng.choice(company.projects).name}推进情况的介绍。{self.later(visitor)}指出,{self.speech()}",
        ]
        return _Article(f"{visitor.chain}{visitor.name}来我{j.level}调研{topic}", paras, self.named)

    def entrepreneurs(self) -> _Article:
        rng, j = self.rng, self.j
        host, *present = self.leaders(3)
        firms = self.companies.distinct(rng, rng.randint(2, 4))
        speakers = [f"{c.legal}{c.executives[1].chain}{self.later(c.executives[1])}" for c in firms]
        paras = [
            f"{self.day()},我{j.level}召开民营企业家座谈会,听取企业家对优化营商环境的意见建议。"
            f"{self.first(host)}主持会议并讲话,{self.listing(present)}出席。",
            f"座谈会上,{'、'.join(speakers)}等企业家代表先后发言,围绕融资贷款、用工招聘、物流成本等方面提出意见建议。",
            f"{self.later(host)}指出,{self.speech()}",
        ]
        return _Article(f"我{j.level}召开民营企业家座谈会", paras, self.named)

    def township(self) -> _Article:
        rng = self.rng
        town = rng.choice(self.j.towns)
        topic = rng.choice(TOPICS)
        paras = [
            f"{self.day()},{town.name}召开{topic}专题会议。{self.first(town.secretary)}主持会议,"
            f"{self.first(town.head)}通报了全镇近期工作情况。",
            f"{self.later(town.secretary)}要求,{self.speech(3)}",
        ]
        return _Article(f"{town.name}部署{topic}工作", paras, self.named)

    def culture(self) -> _Article:
        title, body = self.rng.choice(CULTURE)
        return _Article(self.fmt(title), [self.fmt(body)], self.named)

    def article(self) -> _Article:
        kinds = (self.meeting, self.signing, self.inspection, self.groundbreaking, self.city_visit,
                 self.entrepreneurs, self.township, self.culture)
        self.named = []
        return self.rng.choices(kinds, weights=(30, 16, 18, 8, 5, 6, 7, 10))[0]()


WEEKDAYS = "一二三四五六日"


def _wrap(rng: random.Random, paragraph: str) -> str:
    # Pages are text pulled from PDF: now and then a paragraph breaks mid-sentence.
    if len(paragraph) > 80 and rng.random() < 0.15:
        cut = rng.randint(30, len(paragraph) - 20)
        return paragraph[:cut] + "\n\n" + paragraph[cut:]
    return paragraph


def _page(rng: random.Random, world: World, juris: Jurisdiction, when: dt.date, issue: int) -> tuple[str, int, list[str]]:
    writer = _Writer(rng, world, juris, when)
    lines = ["", "", f"{when.year}年{when.month}月{when.day}日", f"星期{WEEKDAYS[when.weekday()]}", "",
             f"第{issue}期", "", f"总第{issue + 1000}期", "", juris.paper, "", f"准印证号:{juris.permit}", "",
             f"中共{juris.full}委机关报", "", f"新闻热线:{juris.hotline}", "", "", "",
             rng.choice(("要闻", "第1版 要闻", f"第{rng.randint(1, 4)}版")), "", "", ""]
    people: list[str] = []
    count = rng.randint(3, 5)
    for _ in range(count):
        art = writer.article()
        people += art.people
        lines += [art.title, ""]
        if art.subtitle:
            lines += [art.subtitle, ""]
        reporter = rng.choice(juris.reporters)
        inline = rng.random() < 0.25
        if inline:
            lines += [f"记者 {reporter} 通讯员 {rng.choice(juris.correspondents)}", ""]
        for i, para in enumerate(art.paragraphs):
            lead = "本报讯 " if i == 0 and not inline else ""
            lines += [_wrap(rng, lead + para), ""]
        if not inline:
            names = " ".join(rng.sample(juris.reporters, rng.randint(1, 2)))
            lines += [rng.choice((f"(记者 {names})", f"(通讯员 {rng.choice(juris.correspondents)})")), ""]
    if rng.random() < 0.5:
        caption = rng.choice(PHOTOS).format(T=rng.choice(juris.towns).name, Z=juris.zone)
        lines += [rng.choice(("春耕备耕正当时", "乡村美如画", "项目建设热火朝天")), "", "", "", caption, "",
                  f"{rng.choice(juris.reporters)} 摄", ""]
    return "\n".join(lines), count, people


def _web(rng: random.Random, world: World, juris: Jurisdiction, when: dt.date, related: list[str]) -> tuple[str, list[str]]:
    writer = _Writer(rng, world, juris, when)
    art = writer.article()
    sep = "&nbsp;&nbsp;"
    stamp = f"{when.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
    lines = [art.title, f"来源：{juris.full}人民政府网{sep}发布时间：{stamp}{sep}浏览次数：{rng.randint(50, 2000)}"]
    if rng.random() < 0.5:
        lines.append("字号：【大 中 小】")
    indent = rng.choice(("&nbsp;" * 4, "　　"))
    lines += [f"<p>{indent}{para}</p>" for para in art.paragraphs]
    lines.append(f"<p>（记者&nbsp;{rng.choice(juris.reporters)}）</p>" if rng.random() < 0.7
                 else f"<p style=\"text-align: right;\">（{juris.level}融媒体中心供稿）</p>")
    lines += [f"责任编辑：{rng.choice(juris.editors)}", "分享到：", "【打印】【关闭】", "相关新闻"]
    lines += ["·" + title for title in rng.sample(related, min(3, len(related)))]
    return "\n".join(lines) + "\n", art.people


def generate(n: int, seed: int = 7, gb18030_share: float = 0.1, web_share: float = 0.4,
             world_hook: Callable[[random.Random, World], None] | None = None) -> list[GeneratedDocument]:
    """N documents, the same for the same arguments. ``world_hook`` may change the invented world
    before anything is written (bench/resolution_quality.py plants its hard cases so)."""
    rng = random.Random(seed)
    world = build_world(rng, n)
    if world_hook is not None:
        world_hook(rng, world)
    juris = Zipf(world.jurisdictions, s=0.8)
    start = dt.date(2022, 1, 3)
    issues = {j.name: rng.randint(1, 400) for j in world.jurisdictions}
    related = ["全区优化营商环境工作推进会召开", "我县召开一季度经济运行分析会", "区领导督导检查防汛工作",
               "全县“万人助万企”活动推进会召开", "我区举行重点项目集中开工仪式"]
    docs = []
    width = len(str(n))
    for index in range(n):
        j = juris.pick(rng)
        when = start + dt.timedelta(days=rng.randint(0, 3 * 365))
        encoding = "gb18030" if rng.random() < gb18030_share else "utf-8"
        if rng.random() < web_share:
            text, people = _web(rng, world, j, when, related)
            kind, count = "web", 1
        else:
            issues[j.name] += 1
            text, count, people = _page(rng, world, j, when, issues[j.name])
            kind = "page"
        name = f"{index + 1:0{width}d}_{kind}_{j.name}.txt"
        docs.append(GeneratedDocument(name, kind, text, encoding, count, tuple(dict.fromkeys(people))))
    return docs


def write_corpus(docs: Sequence[GeneratedDocument], out: Path) -> int:
    """Writes the files and a manifest.json; returns the bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for doc in docs:
        data = doc.text.encode(doc.encoding)
        (out / doc.name).write_bytes(data)
        total += len(data)
    manifest = [{"file": d.name, "kind": d.kind, "encoding": d.encoding, "articles": d.articles,
                 "people": list(d.people)} for d in docs]
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return total


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1000, help="documents to write")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="folder for the .txt files and manifest.json")
    parser.add_argument("--gb18030", type=float, default=0.1, help="share of files written as GB18030")
    args = parser.parse_args(argv)
    docs = generate(args.n, args.seed, gb18030_share=args.gb18030)
    size = write_corpus(docs, args.out)
    articles = sum(d.articles for d in docs)
    people = len({p for d in docs for p in d.people})
    print(f"{len(docs)} documents, {articles} articles, {people} distinct people, {size / 1e6:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
