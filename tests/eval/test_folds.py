"""Cross-validation folds that keep an article's questions and a conversation together."""

from types import SimpleNamespace

from eval.folds import grouped_folds, groups
from qa import Turn


def _article(article_id: str, title: str, text: str):
    return SimpleNamespace(article_id=article_id, title=title, text=text)


ARTICLES = [
    _article("bridge", "Új híd Mezőtúron", "Az új híd 86 méter hosszú. Az építkezés június 16-án kezdődik."),
    _article("coach", "Új edző Sopronban", "Tomáš Vrabec lett a Soproni VSE új vezetőedzője."),
]


def _q(question: str, evidence: tuple[str, ...] = (), history: tuple = ()):
    return SimpleNamespace(question=question, evidence=evidence, history=history)


def test_questions_about_one_article_and_a_conversation_share_a_group():
    questions = [
        _q("Milyen hosszú az új híd?", ("86 méter hosszú",)),
        _q("Ki lett Sopron új edzője?", ("Tomáš Vrabec lett",)),
        _q("Mikor kezdődik az építkezés?", ("június 16-án kezdődik",)),
        # no evidence: by the words it shares with an article, and by the conversation it follows
        _q("Hány éves a soproni vezetőedző?"),
        _q("És ki építi?", history=(Turn("user", "Milyen hosszú az új híd?"), Turn("assistant", "86 méter [1]."))),
        _q("Milyen hosszú az új híd?"),  # the same question again
    ]
    g = groups(questions, ARTICLES)
    assert g[0] == g[2] == g[4] == g[5]
    assert g[1] == g[3] != g[0]


def test_folds_deal_whole_groups_and_every_question_once():
    g = [0, 0, 0, 1, 1, 2, 3, 3, 4, 5]
    for seed in range(3):
        folds = grouped_folds(g, 3, seed)
        assert sorted(i for f in folds for i in f) == list(range(10))
        for f in folds:
            held = {g[i] for i in f}
            assert all(g[i] not in held for other in folds if other is not f for i in other)
