"""Documents for what a journalist trips over (issue 16): two people of one name in two districts,
a district head whose titles a reprint gives in traditional script, titles always held together,
a company whose project three articles report, and a company name written with two kinds of
brackets. Every name is invented."""

from __future__ import annotations

from guanxi.facts import Article, Document, Event, Organization, Person, Position, Project, Publication
from guanxi.ids import article_id, document_id, organization_id, project_id

HEAD = "刘晓璐"  # district head of 台儿庄区; a namesake is a township head in 峄城区
HEAD_PLACE = "台儿庄区"
NAMESAKE_PLACE = "峄城区"
DEPUTY = "刘峰"  # found first when only 刘 is typed: shorter name, same first character
HEAD_TITLES = ("区委副书记", "区长")
HEAD_SENTENCES = (
    f"区委副书记、区长{HEAD}主持会议。",
    f"区委副书记、区长{HEAD}出席开工仪式并致辞。",
    "區委副書記、區長劉曉璐出席簽約儀式。",  # a reprint in traditional script
)
EXTRA_TITLE = "区招商引资工作领导小组组长"  # held in one of the sentences above, next to the other two
EXTRA_SENTENCE = f"区委副书记、区长、{EXTRA_TITLE}{HEAD}讲话。"
BRACKETED = "瑞禾（台儿庄）食品有限公司"  # its half-width twin 瑞禾(台儿庄)食品有限公司 is the same company
BRACKETED_TWIN = "瑞禾(台儿庄)食品有限公司"
FOOD_PROJECT = "年产2万吨速冻食品项目"


def _head(sentence: str, titles: tuple[str, ...], name: str = HEAD) -> Person:
    return Person(name=name, kind="official", sentence=sentence,
                  positions=[Position(title=t, place=HEAD_PLACE, sentence=sentence) for t in titles])


def journalist_documents() -> list[Document]:
    doc_id = document_id("browser fixture: 台儿庄 weekly")
    traditional_titles = ("區委副書記", "區長")
    articles = [
        Article(index=0, title="区政府常务会议召开", date="2023-03-02",
                people=[_head(HEAD_SENTENCES[0], HEAD_TITLES),
                        Person(name=DEPUTY, kind="official", sentence=f"副区长{DEPUTY}出席。",
                               positions=[Position(title="副区长", place=HEAD_PLACE, sentence=f"副区长{DEPUTY}出席。")])],
                text=f"{HEAD_SENTENCES[0]}副区长{DEPUTY}出席。"),
        Article(index=1, title=f"{FOOD_PROJECT}开工", date="2023-04-12",
                people=[_head(HEAD_SENTENCES[1], HEAD_TITLES)],
                organizations=[Organization(name=BRACKETED, kind="company", aliases=[BRACKETED_TWIN, "瑞禾公司"],
                                            sentence=f"{BRACKETED}投资建设。")],
                projects=[Project(name=FOOD_PROJECT, companies=[BRACKETED], sentence=f"{BRACKETED}{FOOD_PROJECT}开工。")],
                events=[Event(name=f"{FOOD_PROJECT}开工仪式", type="activity", date="2023-04-12",
                              sentence=HEAD_SENTENCES[1])],
                text=HEAD_SENTENCES[1]),
        Article(index=2, title="瑞禾食品項目簽約", date="2023-05-20",
                people=[_head(HEAD_SENTENCES[2], traditional_titles, name="劉曉璐")],
                projects=[Project(name=FOOD_PROJECT, companies=[BRACKETED_TWIN],
                                  sentence=f"{BRACKETED_TWIN}{FOOD_PROJECT}簽約。")],
                text=HEAD_SENTENCES[2]),
        Article(index=3, title="全区招商引资工作会议召开", date="2023-06-08",
                people=[_head(EXTRA_SENTENCE, (*HEAD_TITLES, EXTRA_TITLE))],
                projects=[Project(name=FOOD_PROJECT, companies=[BRACKETED], sentence=f"{BRACKETED}{FOOD_PROJECT}投产。")],
                text=EXTRA_SENTENCE),
    ]
    for art in articles:
        art.id = article_id(doc_id, art.index, art.title)
    weekly = Document(id=doc_id, source="browser_taierzhuang.txt",
                      publication=Publication(name="台儿庄周刊", date="2023-06-09"), articles=articles)

    other_id = document_id("browser fixture: 峄城 weekly")
    sentence = f"峄城区古邵镇镇长{HEAD}陪同调研。"
    other = Article(index=0, title="古邵镇调研农业生产", date="2023-05-05",
                    people=[Person(name=HEAD, kind="official", sentence=sentence,
                                   positions=[Position(title="镇长", org="古邵镇人民政府", place=NAMESAKE_PLACE,
                                                       sentence=sentence)])],
                    text=sentence)
    other.id = article_id(other_id, other.index, other.title)
    namesake = Document(id=other_id, source="browser_yicheng.txt",
                        publication=Publication(name="峄城周刊", date="2023-05-06"), articles=[other])
    return [weekly, namesake]


BRACKETED_ID = organization_id(BRACKETED)
FOOD_PROJECT_ID = project_id(FOOD_PROJECT)
