"""What a request's wording says of its kind, read on folded text (`qa.planner.fold`): the
verbs of summing up and telling in order, the nouns and operations of questions about the
collection, greetings and words to the assistant. `qa.planner` weighs these cues beside e5's
vote; `collection_operation` says what a collection request does."""

from __future__ import annotations

import re

from qa.bilingual import hungarian_verb
from qa.past_tense import words_and_folds
from qa.slots import COUNTED
from qa.text import fold

# Which topics the articles are about ("Which topics does this collection cover?", "Milyen témákról
# szólnak?"): a summary's cue, and no list of the articles unless one is asked for.
_TOPICS_ASKED = r"\b(what|which) (topics|subjects|themes)\b|\bmilyen temak\w*"
# As is asking what kind of news there is, where the request names nothing else ("What kind of
# news is in this collection?", "Milyen típusú hírek vannak?"; not "What kind of pieces were
# found at the Celtic site?", "Milyen fajta írás áll a sírkövön?").
_KINDS_ASKED = re.compile(r"\b(what|which) (kinds?|sorts?|types?) of (news|articles?|stor(y|ies)|pieces?|reports?|topics?)\b|"
                          r"\bmilyen ?(fajta|fajtaju|jellegu|tipusu) (hir|cikk|iras|temak)\w*")
# Counting: "hány cikk", "how many articles".
_HOW_MANY = re.compile(r"\b(hany|how many)\b")

# Structure, on folded text. Each pattern is a family of forms, not one phrasing:
# word starts catch the inflections ("összefoglalnád", "összefoglalót").
_SUMMARY = re.compile(
    r"\bfo[gl]{1,3}a\w{0,6}\s+ossze|\b(osszefog|osszegez|osszegz|sum{1,2}ar|recap|overview|rundown|run-down|briefing|brief me|tl;?dr|nutshell|lenyeg|tomoren|diohej|"
    r"fobb pont|fo pont|main points?|key points?|gist|digest|synopsis)|\bmir[oa]l? szol|\bwh?at (is|are)\b.*\babout\b|"
    # "what do they write about X", "how are things at X", "in a few sentences": the gist of a topic
    r"\b(mit|mirol) (irnak|ir|irtak)\b|\bmit irt (a |az )?(lap|ujsag|cikk\w*|hirportal|portal|sajto|szerzo|tudosito|riporter|ujsagiro|napilap|hetilap|magazin)\b(?!.*\barrol\b).*\w(rol|rol)\b|\bmi (all|szerepel) (a |az |ebben a |abban a )?(cikk|hir|iras|tudositas|beszamolo)\w*b[ae]n\b|\bmit (tudunk|tudhatunk|((lehet|kell|erdemes|kellene|illik) )?(meg)?tudni)\b|\bwhat (can|do) (we|i) learn\b|\b(mit|valamit) tudsz\b.*\w(rol|rol)\b|\btud(sz|unk) (valamit|meg)\b.*\w(rol|rol)\b|"
    r"\bwhat (do we|do you|is) know|\bwhat should (i|we|one) know\b|\btell( me| us)?( anything| something| more)? about\b|\b(do|what do) you know( anything| something)? about\b|\bknow (anything|something) about\b|"
    r"\bmi a helyzet\b|\bmi ujsag\b|\bmi a sztori\b|\bsum (it |this |that |them |everything |things )?up\b|\bsumming up\b|\blow-?down\b|"
    r"\bfill (me|us) in\b|\bcatch (me|us) up\b|\bup to speed\b|\b(par|nehany) mondat|\battekint\w*|" + _TOPICS_ASKED + r"|"
    r"\bmilyen temakor\w*|\bwhat'?s (the |this |that )?(\w+ ){0,6}about\b|"
    r"\bwhat (the |this |that )?(\w+ ){0,6}(story|article|piece|report|articles|stories) says?\b|"
    r"\bwhat do(es)? (the )?(articles?|news|stories|they) (say|write|report)\b|\bwhat did (the |this |that )?(article|story|piece|report|paper|articles|stories)\b.*\b(say|write|report|tell)\w*\W*$|\bin a few (sentences|words)\b|"
    # a comparison of two stories or articles is a summary of each, side by side
    # what to take away, in how many sentences: "kivonat", "a legfontosabb pontok", "öt mondatban",
    # "main takeaways", "highlights", "in three bullet points"
    r"\b(keszits|kerek|kernek|adj|irj)\w* (egy )?(rovid )?kivonat\w*|\bkivonat\w* (keszit|ker|ir)\w*|\b(leg)?fontosabb (pont|tudnival)\w*|"
    r"\b(egy|ket|harom|negy|ot|hat|het|\d+|par|nehany) mondatban\b|\btakeaways?\b|\bhighlights\b|"
    r"\bin (a few|two|three|four|five|six|seven|\d+) (sentences|bullet points|bullets)\b|"
    r"\bhasonlit\w*\s+ossze|\bosszehasonlit(?!va)|\b(vesd|vessuk|vetned) ossze|\bosszevet(ni|ned|nem|nenk)\b|^\W*(please |pls )?compare\b|"
    # what two cases share and where they differ ("miben hasonlít és miben különbözik", "compare
    # the two cases"); "mesélj a …-ról" (not in order, nor of oneself), "what's the story with …",
    # "érdekelnek a részletek"
    r"\bmiben (hasonlit|kulonbozik|kulonboznek|ternek el|ter el)\w*|\bcompare (the|these|those|both|them)\b|"
    r"^(?!.*\b(idorend\w*|sorrend\w*|sorban|kronolog\w*|hany|hanyan|mennyi\w*|mekkora|mikor|hol|ki|kit|kinek|miert|vicc\w*)\b)(?=.*\bmesel(j|jen|jetek|nel|ne)\b)(?!.*\b(magad\w*|rolad|onmagad\w*)\b)|\bwhat'?s the (story|deal|situation) (with|behind|on)\b|^(?!.*\b(hany|mennyi\w*)\b)(?=.*\berdekel\w*\b)(?=.*\b(reszletek\w*|reszletes\w*)\b)"
)
# Not a short-term thing asked about: "rövid távú lakáskiadás", "short-term rentals", "rövid időre".
BRIEF = re.compile(r"\b(roviden|rovid(?![- ]?tav|\s+(ideig|idore|idon|idot|ido)\b)|tomoren|briefly|short(?![- ](term|lived))|in brief|quick|tl;?dr|"
                   r"(par|nehany) mondat\w*|(a )?few (sentences|words))\b")
TIMELINE = re.compile(
    r"\b(idorend|kronolog|timeline|chronolog|idovonal|esemenysor|step by step|lepesrol|in chronological order)|"
    # the stages a story went through: "a fejlemények", "the sequence
    # of events", "from article to article"
    r"\bfejlemeny\w*|\b(sequence|order|course) of events\b|\bmilestones\b|\bfrom (article|report) to (article|report)\b|\bcikkrol cikkre\b|"
    # told in order: "mondd el sorban", "sorban mi történt", "sorrendben"; not "sorban állnak" (a
    # queue), "milyen sorrendben indulnak" (which order), "in order to", "is it in order"
    r"(?<!milyen )(?<!melyik )\bsorrendben\b|\b(list|tell|give|show|describe|explain|put|happened)\b.*\bin (date |time )?order\b(?!\s+(to|for|that|of)\b)|"
    r"\b(mondd|mond|meseld|mesel|ird|sorold)( el| le| fel)? (sorban|sorjaban)\b|\b(sorban|sorjaban)\b.*\btortent|"
    # what was planned or expected against what came of it ("mikorra tervezték és mikor
    # született meg végül", "How did the expected crowd compare with the final attendance?");
    # promised or estimated against it only as two questions in one ("Milyen dátumokat
    # ígértek, és mikor indult el végül?"): "Ki ígérte, hogy végül megépül?" asks a name
    r"\b(tervez\w*|vart|vartak|eredetileg|expected|planned|originally|forecast)\b.*\b(vegul|tenyleges\w*|final|actual|in the end)\b|"
    r"\b(tervez\w*|terv|terve|tervek|tervet|vart|vartak|eredetileg|kezdetben|eleinte|igert\w*|igerte\w*|becsult\w*|becsulte\w*|bejelentett\w*|expected|planned|plan|originally|initially|at first|"
    r"promised|estimated|forecast|announced)\b.*\b(es|and|but|de|vs|versus)\b.*\b(vegul|tenyleg|tenyleges\w*|valojaban|valosagban|final|actual|actually|in the end|eventually|ultimately|really)\b|"
    # the steps of a story one by one: "at each stage of the closure", "before and after the
    # championship", "a verseny előtt és után" ("az M7 egyes szakaszain" are a road's sections)
    r"\b(at|in|for) (each|every) (stage|step|phase)\b|\bbefore and after\b|\belott\w* es utan\w*|"
    r"\b(hogyan|hogy|mikent|how)\b.*\b(alakult|valtozott|fejlod|develop|evolv|unfold|chang|progress)|"
    # how a date or a plan slipped: "hogy" ("that") only opening the question, as below
    r"(\b(hogyan|mikent)\b.*|^\W*(es |de )?hogy\s+(\w+\s+)?)\b(modosult\w*|csuszott\w*|csusztak|tolodott\w*|tolodtak)\b|"
    # "walk me through the by-election": its steps in order; "How did the cup go, from the
    # ticket sales to the final?": from one stage to another
    # "How did the number of aircraft compare with what was announced beforehand?"
    # ("How did the temperature compare with the forecast?" asks one figure)
    r"\bhow did\b.*\bcompare\b.*\b(beforehand|in advance|announced|promised|hoped|hopes|actual|actually|in the end|eventually)\b|"
    r"\bwalk (me|us) through\b|\bvezess\w* vegig\b|\bvegigvezet\w*|\bmi (jott|kovetkezett|tortent) mi utan\b|\bwhat came after what\b|\bhow did\b.*\b(go|play out|turn out)\b,? from\b.*\bto\b|"
    # put in order by date: "rakd sorba dátum szerint", "in date order", ", in order,"; the steps
    # that followed ("milyen lépések követték egymást", "what steps"); change over time
    r"\bsorba\b|\bdatum szerint\b|\bby date\b|(,|^)\s*in (date |time |chronological )?order\b|\bin (date |time |chronological )?order\W*$|"
    r"\blepes\w*\b.*\bkovett\w*|\begymast kovet\w*|\bkovet(tek|te|ik|i|nek) egymast\b|\bwhat steps\b|\bvaltozas\w*\b.*\bidoben\b|\bover time\b|"
    r"\b(hogyan|mikent|how)\b.*\b(haladt|zajlott|progressed|went on)\b|\bhow did (things|it|everything) go\b|"
    # how a quantity moved ("hogyan nőtt az oltások száma", "hogyan gyűltek az aláírások"); "hogy"
    # only opening the question, as it is also "that" ("Mivel magyarázza, hogy csökkent a
    # forgalma?"); not "how much/many", which asks for one figure ("How much has the price of
    # bread increased?")
    r"(\b(hogyan|mikent|how)\b(?!\s+(much|many)\b).*|^\W*(es |de )?hogy\s+(?!menny|hany|mekkor)(\w+\s+)?)\b(nott|novekedett|emelkedett|csokkent|gyult\w*|"
    r"gyarapod\w*|bovult|fogyott|dragult|olcsobbodott|grew|grow|rose|risen|increased|decreased|declined|accumulated|piled up|shift|shifted|slipped)\b|"
    # over a stretch of time: "over the year", "az év során"
    r"\bover the (year|years|months|weeks|summer|season)\b|\baz ev (soran|folyaman)\b|"
    r"\bmi tortent\b.*\b(ota|azota)\b|\bwhat happened\b.*\bsince\b|"
    # whether it changed: "és változott-e ez a szám?", "did it change?"
    r"\b(valtozott|modosult|nott|csokkent)-e\b|\b(did|has) (it|this|that|the \w+) chang\w*"
)
_ARTICLE_NOUN = re.compile(r"\b(cikk\w*|cike\w*|hir|hirt|hirek\w*|iras|irast|irasok\w*|tudositas\w*|articles?|stor(y|ies)|news|headlines)\b")
# Nouns that name an article, or where it is filed, only beside a verb of publishing: "Milyen
# anyagok jelentek meg?", "Mi jelent meg a sport rovatban?",
# "Which sources reported on it?"; otherwise they are a material, a source of money, a police
# report ("Milyen anyaggal irtják a lárvákat?", "Milyen forrásból fizették?").
_SOMETIMES_ARTICLE = re.compile(r"\b(anyag\w*|forras\w*|reports?|pieces?|sources?|rovat\w*|kategori\w*|sections?|categor(y|ies)|"
                                r"lap|lapok|lapja|ujsag\w*|hirportal\w*|media|newspapers?|outlets?)\b")
# "írt", "írták", not "irtják" (exterminate), which folds to the same letters.
PUBLISHING = re.compile(r"\b(jelen\w* meg|megjelen\w*|kozolt\w*|(irt|irta|irtak|irtal|irtuk|irnak)(?! ala\b)|publikal\w*|published|appeared|written|wrote|reported|covered|cover|covers|covering|"
                        r"came out|come out|(you|we) have|do you have|have you got|szarmaz\w*|foglalkoz\w*|filed)\b")
_COUNT = re.compile(r"\b(hany|how many|number of|mennyi)\b")
# "… a legfrissebb cikk szerint", "according to the latest report": the article is the
# source of a fact asked about, not what is asked ("Melyik a legfrissebb cikk?").
_SOURCE = re.compile(r"\b(cikk\w*|hir\w*|iras\w*|tudositas\w*|forras\w*) szerint\b|\baccording to (the |this |that )?(\w+ )?(articles?|reports?|news|stor(y|ies))\b")
_NEWEST = re.compile(r"\b(legfrissebb\w*|legujabb\w*|legutobb\w*|legutolso\w*|utolso|newest|latest|most recent|last)\b")
_OLDEST = re.compile(r"\b(legregebb\w*|legkorabb\w*|elso|eloszor|legeloszor|oldest|earliest|first|miota|since when)\b")
_WHEN = re.compile(r"\b(mikor|when|datum|date|miota)")
_LIST = re.compile(r"\b(milyen|melyik|mely|sorold|listaz|felsorol|list|which|what|van|vannak|are there|is there|any)\b")
_WHAT_APPEARED = re.compile(r"\bmik?\b")
# Asking for a list outright: these make a collection request even beside a summary's verb.
_LIST_VERB = re.compile(r"\b(melyik|melyek|sorold\w*|listaz\w*|felsorol\w*|list|which)\b|"
                        # shown the articles ("Show me the headlines", "Mutasd a cikkeket!"), not a story
                        r"\b(show|mutasd|mutass)\b.*\b(articles|headlines|titles|cikke\w*|hireke\w*|cime\w*|irasoka\w*)\b")
# Writing about a topic ("írtak a hulladékról", "wrote about"): not a letter written ("írták meg a
# levelet"), a contract signed ("írta alá"), symptoms that appeared ("jelentek meg").
_WROTE_ABOUT = re.compile(r"\b(ir|irt|irta|irtak|irtal|irtuk|irnak)\b(?! (meg|ala)\b).*\w(rol|rol)\b|\b(wrote|written|reported) (about|on)\b")
# A newspaper's section in its case forms, not a compound ("rovatvezető" is an editor).
_SECTION_WORD = re.compile(r"\b(rovat(ban|ba|bol|rol|ot|a|ai|aban|abol|ok|okban|ja|jaban)?|kategori(a|aban|ak|akban|aba)?|"
                           r"sections?|categor(y|ies))\b")
# Asking where the articles come from: "Milyen forrásokból vannak a cikkek?", "Which sources are there?"
SOURCES = re.compile(r"\b(forras\w*|sources?|lapok\w*|ujsagok\w*|portalok\w*|outlets?|newspapers)\b")
# Words that soften or frame a request to the assistant and name no topic: "mire vagy képes
# pontosan?", "na jó, mára ennyi", "Kérlek, mutatkozz be röviden", "jó napot kívánok".
FILLERS = re.compile(r"\b(pontosan|egyaltalan|igazabol|tulajdonkeppen|amugy|egyebkent|kerlek|kerem|legyszi|legyszives|"
                     r"roviden|nekem|most|ma|mara|ennyi|na|jo|nos|hat|kivanok|kivan|exactly|actually|anyway|please|now|today|"
                     r"mutatkozz|mutatkozzon|introduce|yourself|kerdezzek|kapjak|valaszt|valaszokat|legjobb|best|answers?|"
                     r"kerdesek\w*|questions?|ask|feltenni|feltennem|erdemes|holnap|folytat\w*|tomorrow|later|egy kicsit|kicsit|a bit|a little)\b")
GREETING = re.compile(
    r"^\W*(szia|sziasztok|szervusz|szervusztok|hello|hallo|helo|hi|hey|jo (napot|reggelt|estet|ejt|ejszakat)|good ?night|(good)?bye|see you|udv|udvozlom|csa|szevasz|good (morning|evening|afternoon)|"
    r"(koszi|koszonom|kosz)(\s+szepen)?|thanks?|thank you|cheers|"
    # an acknowledgement alone ("Oké", "Rendben", "Értem", "Got it")
    r"ok|oke|okay|rendben|ertem|ertettem|got it|understood|szuper|remek|klassz|nice|cool)\b"
)
# The same words anywhere in a request ("na jó, mára ennyi, köszi, szia"): left out of what it is about.
GREETING_WORDS = re.compile(GREETING.pattern.replace("^\\W*", "\\b", 1))
ABOUT_ME = re.compile(
    r"\b(mit tudsz (\w+ )?csin\w*|tudsz (\w+ )?csin\w*|mire vagy kepes\w*|mit tudsz|mit csinalsz|mire jo|(hogyan|hogy) mukodsz|(hogyan|hogy) mukodik|ki vagy|segits|segitseg|"
    r"help|what can you|who are you|tudsz (\w+ )?beszel\w*|can you (chat|talk)|beszelgess(unk|el|unk egy kicsit)\b|unatkoz\w*|let'?s (chat|talk)\b|mesel\w* (egy )?vicc\w*|tell (me |us )?a joke|how do(es)? (you|this|it) work|this assistant|asszisztens|chatbot|"
    # speaking to the assistant itself, or taking leave ("hogyan kérdezzek tőled?", "kösz, ennyi volt")
    r"kerdezzek|kerdezhetek|toled|neked|veled|teged|hozzad|magadrol|ennyi (volt|lenne)|viszlat|viszontlatasra|"
    # the language it answers in: "Angolul is tudsz válaszolni?", "Beszélsz angolul?", "Can I
    # ask in English?", "Do you speak English?"
    r"(angolul|magyarul|nemetul)( is)?( \w+)? (valaszol\w*|beszel\w*|kerdez\w*)|"
    r"(valaszol\w*|beszel\w*|kerdez\w*)( \w+)? (angolul|magyarul|nemetul)|"
    r"((can|could|may|should|do|will) (i|you) )?(ask|answer|reply|speak|talk)( you| me| to me| us)?( in)? (english|hungarian)|"
    r"how (should|can|do) i (ask|use)|(can|could|may|should) i ask|ask you|(kind|sort|type)s? of questions|"
    # asking what to ask: "Milyen kérdéseket tehetek fel?", "What questions can I ask?" — not
    # "kérdés" alone, which a follow-up asks of the news ("És mi volt a kérdés?")
    r"kerdes\w* (\w+ )?(fel)?(tehetek|tegyek|kerdezhetek)( fel)?|(fel)?tehetek fel|questions? (can|could|may|should) i( ask)?\b|"
    r"(hogyan |hogy )?tudok (\w+ )?kerdez\w*|"
    # small talk to the assistant: "Van egy perced?", "Ott vagy?", "Got a minute?"
    r"van (egy )?(perced|kis idod)|van kedved|kedved van|(do you|would you) (feel like|like to|want to) (chat|talk)|raersz|ott vagy|itt vagy|segitenel|segitesz|(are )?you there|(got|have) a minute|"
    r"that'?s all|that is all|bye|goodbye|see you|mara ennyi|ennyi mara|mutatkozz be|mutatkozzon be|introduce yourself|"
    # asking for example questions: "Adj ötletet, mit kérdezhetnék!", "Give me some example questions"
    r"(mit|mirol|milyen \w+) kerdez\w*|(pelda|minta)kerdes\w*|(example|sample) questions?|what (should|could|can) i ask|"
    r"(mi|what'?s|what is) (a |your )?(neved|name)|your name)\b"
)
# Asking what the assistant is, whatever else the question says ("Ki vagy te pontosan? Ember
# vagy, vagy program?", "Are you a person or a bot?", "Honnan tudod?"): its words are the
# asker's, not a topic of the articles ("program" is in a hospital's news).
IDENTITY = re.compile(
    r"\b(ki|mi) vagy( te)?\b|\b(ember|program|robot|gep|bot|chatbot) vagy\b|"
    # "Mesterséges intelligencia vagy, vagy …?": "vagy" (you are) before a comma, not "or"
    r"\b(intelligencia|ai|szoftver|alkalmazas) vagy\s*[,?.!]|"
    r"\bki (keszitett|csinalt|fejlesztett|irt|programozott) teged\b|\bwho (made|built|created|developed|trained) you\b|"
    r"\b(your|you base your) answers\b|\bmire (hasznalhatom|hasznalhatlak|hasznalhatjuk|jo) (ezt|ez) (az )?(alkalmazas|program|app)\w*|"
    r"\bhonnan (tudod|veszed|szeded)\b|"
    r"\bkivel (beszelek|beszelgetek|csetelek|chatelek)\b|\bwho am i (talking|speaking|chatting) (to|with)\b|"
    # "Am I talking to a human or to some kind of AI?", "Emberrel beszélek?", "Is this a bot?"
    r"\b(emberrel|geppel|robottal|bottal|programmal|intelligenciaval) (beszelek|beszelgetek|csetelek|chatelek)\b|"
    r"\b(talking|speaking|chatting) (to|with) (a |an )?(human|person|bot|robot|machine|computer|program|ai|real)\b|"
    r"\bis this (a |an )?(bot|robot|human|person|machine|program|ai|real person)\b|"
    r"\b(who|what) are you\b|\bare you (a |an )?(person|human|bot|robot|program|machine|ai|real)\b|"
    r"\bwhere do (your|the) answers come from\b|\bhow do you know\b"
)

# Praise or blame for the assistant's answers, asking nothing ("Nagyon ügyes vagy, tetszett az
# előző válaszod!", "Ez a válasz nem volt túl hasznos", "Your last answer was wrong").
FEEDBACK = re.compile(
    r"\b(elozo|utolso|elobbi|legutobbi) valasz\w*|\bvalaszod\b|\bvalaszaid\w*|\bez a valasz\b|"
    r"\b(your|that|this) (last |previous )?(answer|reply|response)\b|"
    r"\b(ugyes|okos|hasznos|szuper|remek|nagyszeru|ugyetlen|buta) vagy\b|\bgood (job|bot)\b|\bwell done\b"
)
# A question word (or a question mark): a request that asks something.
QUESTION_WORD = re.compile(r"\b(ki|kik|kit|kinek|kivel|mi|mit|mik|mikor|hol|honnan|hova|hany|hanyan|mennyi\w*|mekkora|milyen|melyik|miert|hogyan|hogy|"
                           r"who|what|when|where|why|how|which)\b|\?")


# Spoken to the assistant: a pronoun of the second person ("veled", "téged", "szerinted"),
# "you", or a Hungarian verb in the second person singular ("tudsz", "segítenél",
# "készítettél", "ismered"; `addressed` asks the dictionary that the word is a verb's form).
_YOU = re.compile(r"\b(te|teged|neked|veled|toled|rolad|hozzad|beloled|nalad|szerinted|you|your|yourself)\b|"
                  r"\b(mennyire|milyen|hogy|hogyan|honnan) vagy\b")
# Read on the folded word: "-sz" (tudsz), "-od/-ed" (tudod, ismered), the past "-tál/-tél"
# (készítettél), the conditional "-nál/-nél" (segítenél) and "-lak/-lek", I do something to you
# ("Mire tudlak használni?"). Not "-ol/-el", which is as often
# the third person ("Ki felel…?", "Mit javasol…?").
_SECOND_PERSON = re.compile(r"\w{2,}((?<![aeiou])sz|od|ed|tal|tel|nal|nel|lak|lek)$")


def addressed(folded: str, question: str) -> bool:
    """Whether a request speaks to the assistant (the second person), not of the news."""
    if _YOU.search(folded):
        return True
    # the lemmatiser misses some forms ("készítettél" -> "készítet"): the word without its ending
    # then names the verb ("készít")
    return any(_SECOND_PERSON.search(f) and any(hungarian_verb(w[: len(w) - n]) for n in (0, 2, 3, 4, 5) if len(w) - n >= 3)
               for w, f in words_and_folds(question))


def about_articles(folded: str) -> bool:
    """The request names the articles themselves ("Which articles came out in May?"); what
    "made the news" is what happened."""
    return bool(_ARTICLE_NOUN.search(_IN_THE_NEWS.sub(" ", folded)))


# "List the pieces about the kindergarten expansions": pieces about something are articles;
# reports and items are often the news's own ("How many reports about break-ins did the police
# receive?", "Which items on display were stolen?"), so only beside a verb of publishing.
_PIECES_ABOUT = re.compile(r"\bpieces\s+(about|on|covering|regarding|concerning)\b")
_IN_ONE = re.compile(r"\begy (szam|szo|mondat)ban\b|\bin (one|a single) (number|figure|word)\b|\bin a word\b")
# and what the articles are cited for ("a cikkek szerint", "according to the articles"): the
# request asks of what they tell, not of the articles themselves
_IN_THE_NEWS = re.compile(r"\b(made|make|makes|making|hit|hits|in) the (news|headlines)\b|"
                          r"\ba (cikkek|hirek|irasok|beszamolok) (szerint|alapjan)\b|\b(according to|based on) the (articles|reports|news)\b")




def structure(folded: str, content_left: int, kinds: tuple[str, ...]) -> dict[str, float]:
    """Each kind's structural evidence, 0 or 1 (collection can add both of its parts)."""
    cues = {k: 0.0 for k in kinds}
    # "Egy számban összefoglalva: hány munkahelyet hoz?", "in one word": one fact, not a summary
    if _SUMMARY.search(folded) and not _IN_ONE.search(folded):
        cues["summary"] = 1.0
    if TIMELINE.search(folded):
        cues["timeline"] = 1.0
    operation = _COUNT.search(folded) or _NEWEST.search(folded) or _OLDEST.search(folded) or _WHEN.search(folded)
    # "What do the articles say about the scams?" asks what they say, not which there are:
    # a list word beside a summary's verb is no collection request.
    about_articles = _ARTICLE_NOUN.search(folded) or (_SOMETIMES_ARTICLE.search(folded) and PUBLISHING.search(folded)) \
        or _PIECES_ABOUT.search(folded)
    # "Mit írt a lap arról, hány ember sérült meg?" counts people, not articles: a count of
    # something the next two words do not call articles is the news's, whatever wrote it
    counting = COUNTED.search(folded)
    if about_articles and counting and not any(_ARTICLE_NOUN.fullmatch(w) or _SOMETIMES_ARTICLE.fullmatch(w) for w in counting.groups()[1:] if w):
        about_articles = None
    # "Mi jelent meg a sport rovatban?": "mi" asks which articles only beside a verb of
    # publishing ("Mi derül ki a cikkekből …?" asks what they say)
    listing = _LIST.search(folded) or (_WHAT_APPEARED.search(folded) and PUBLISHING.search(folded))
    # "How did the number of workers change from article to article?" follows a figure over the
    # story: a count beside a timeline's change is the story's, not the collection's.
    counted_change = cues["timeline"] and not (_HOW_MANY.search(folded) or _NEWEST.search(folded) or _OLDEST.search(folded)
                                               or _WHEN.search(folded))
    if about_articles and not _SOURCE.search(folded) and not counted_change and (operation or _LIST_VERB.search(folded) or (listing and not cues["summary"])):
        cues["collection"] = 1.0
    kinds_asked = content_left == 0 and _KINDS_ASKED.search(folded)
    if kinds_asked:
        cues["summary"] = 1.0
    if re.search(_TOPICS_ASKED, folded) or kinds_asked:
        # "Which topics does this collection cover?": what the articles are about, not a list of
        # them; "Milyen témákban vannak cikkek? Listázd ki őket…" asks for one
        listed = re.search(r"\b(listaz|sorold|felsorol|list)", folded)
        cues["collection" if not listed else "summary"] = 0.0
    if cues["collection"] and _HOW_MANY.search(folded):
        # "Hány cikk szólt a gyár fejleményeiről?" counts articles, whatever it counts them on
        cues["timeline"] = 0.0
    # a section's articles named bare ("kultúra rovat cikkei", "science section articles") or
    # asked for ("Mit találok a gazdaság rovatban?", "What is in the sport section?")
    if _SECTION_WORD.search(folded) and not cues["summary"] \
            and (about_articles or listing or _WHAT_APPEARED.search(folded) or re.search(r"\b(mit|what)\b", folded)):
        cues["collection"] = 1.0
    # "Mikor írtak először a hulladékról?", "When was the first report on it?": when the
    # collection wrote of a topic, though no article noun is said
    if _WROTE_ABOUT.search(folded) and _WHEN.search(folded) and (_OLDEST.search(folded) or _NEWEST.search(folded)):
        cues["collection"] = 1.0
    # "Which sources are in the collection?": the collection's sources
    if asks_sources(folded) and (listing or _WHENCE.search(folded)):
        cues["collection"] = 1.0
    if ((GREETING.search(folded) or ABOUT_ME.search(folded)) and content_left == 0) or IDENTITY.search(folded) \
            or (FEEDBACK.search(folded) and not QUESTION_WORD.search(folded) and not any(cues.values())):
        cues["chat"] = 1.0
    return cues


def asks_sources(folded: str) -> bool:
    """Where the articles come from ("Milyen forrásokból vannak a cikkek?", "Which sources are in
    the collection?"), not the articles about a spring or energy sources, nor a museum's funds."""
    # "Honnan származnak a cikkek?", "Where do the articles come from?" ("Honnan származik a hír,
    # hogy bezár a gyár?" asks where a rumour came from)
    whence = _WHENCE.search(folded)
    return bool((SOURCES.search(folded) or whence) and (_ARTICLE_NOUN.search(folded) or _THE_COLLECTION.search(folded))
                and not _COUNT.search(folded) and (whence or not PUBLISHING.search(folded)) and not _ABOUT.search(folded))


_WHENCE = re.compile(r"\bhonnan (szarmaz|van|jo|jott|kerul)\w* (a |az )?(cikkek|hirek|irasok|anyagok|tudositasok)\b(?!.*\bhogy\b)|"
                     r"\bwhere do (the |these |your )?(articles|news|stories) come from\b")


_THE_COLLECTION = re.compile(r"\bgyujtemenyben\b|\b(the|your|this) collection\b")
_ABOUT = re.compile(r"\bszol\w*|\babout\b|\bregarding\b|\bconcerning\b|\w(rol|rol)\b")


def collection_operation(folded: str) -> str:
    if asks_sources(folded):
        return "sources"
    if _COUNT.search(folded):
        return "count"
    if _NEWEST.search(folded):
        return "newest"
    if _OLDEST.search(folded):
        return "oldest"
    if _WHEN.search(folded):
        return "when"
    return "list"


# A request opening with a joining word continues the conversation ("És a hídé?", "and the cost"):
# a follow-up, not a search box's words.
_JOINING = re.compile(r"^\W*(es|s|meg|de|vagy|illetve|and|or|but|also)\b")


def search_words(folded: str, content_left: int) -> bool:
    """Words typed as into a search box, asking nothing ("bataapati hulladektarolo bovites",
    "hírek?"): two to six of content, no question word or mark, not opening with a joining word,
    not ending on the one detail they ask (`_DETAIL`); or the articles' own noun alone, mark or no mark."""
    found = folded.replace("?", " ").split()
    if not found or len(found) > 6:
        return False
    if all(_ARTICLE_NOUN.fullmatch(w.strip(".!,")) for w in found):
        return True
    # two words of content at least: one alone ("teszt", "Folytasd", "Ez nem jó válasz") is as
    # often said to the assistant as searched
    return content_left > 1 and not QUESTION_WORD.search(folded) and not _JOINING.match(folded) and not _DETAIL.search(folded)


# The one detail a phrase names, as its last word ("a tüntetés időpontja", "az új polgármester
# neve", "the bridge's cost"): a fact asked without a question word.
_DETAIL = re.compile(r"\b(nev[ei]|idopontj[ae]|datuma|ara|szama|osszege|helye|helyszine|oka|koltsege|hossza|ideje|merteke|erteke|"
                     r"name|date|price|cost|number|amount|reason|place|location|length|duration)\W*$")

