"""Words that make a request but name no topic ("Foglald össze", "mi történt időrendben",
"What should I know about"): what is left of a request after them is its topic
(`qa.planner.topic_of`). Matched whole, on folded words."""

from __future__ import annotations

import re

REQUEST_WORDS = re.compile(
    r"\b(foglald?|foglalja|foglalj|foglaljon|foglalnad|ossze\w*|osszefog\w*|osszegez\w*|osszegz\w*|summar\w*|recap|overview|kerek|kerem|"
    r"adj|adjon|mutasd|mutassa|sorold|sorolja|listazd|felsorol\w*|roviden|rovid|tomoren|briefly|short|please|legyszi|"
    r"idorend\w*|kronolog\w*|timeline|chronolog\w*|idovonal\w*|order|lenyeg\w*|fobb|pontjai|points?|main|key|"
    r"cikk\w*|hir|hirek\w*|hirt|irasok\w*|irast|iras|article\w*|stor(y|ies)|news|szolt|szoltak|szolna|about|alakult|valtozott|"
    r"fejlodott|develop\w*|unfold\w*|changed?|tortent|happened|events?|esemeny\w*|mi|mit|mik|hogyan|how|what|tell|me|"
    r"give|a|az|the|of|on|in|egy|es|and|ezt|this|that|write|ird|irj|kepet|arrol|errol|ugy|ugyeben|kapcsan|list|"
    # a summary by other names: "a quick rundown", "a short digest", "the gist" (not "briefing",
    # "outline": "the police briefing", "the outline plan" are topics)
    r"rundown|run-down|digest|gist|roundup|round-up|synopsis|"
    # question words and the verbs of publishing: they ask about the collection, name no topic
    r"mirol|miro|mikor|milyen|melyik|mely|melyek|hany|hanyan|hol|honnan|ki|kik|which|when|who|where|whats?|wat|"
    r"irtak|irta|irt|irnak|jelent\w*|megjelen\w*|publikal\w*|published|written|appear\w*|come|comes|came|szarmaz\w*|"
    r"van|vannak|volt|voltak|are|is|was|were|there|do|does|you|have|has|any|all|osszes|mind|mindet|minden|"
    r"legfrissebb\w*|legujabb\w*|legutobb\w*|legutolso\w*|utolso|legregebb\w*|legkorabb\w*|elso|newest|latest|recent|most|"
    r"oldest|earliest|first|last|gyujtemeny\w*|adatbazis\w*|collection|database|szamuk|number|count|many|"
    r"szolo|szolnak|szol|ról|rol|rol|vonatkozo|kapcsolatos|related|regarding|concerning|with|to|from|for|"
    # the gist cues of _SUMMARY: "pár mondatban", "mi a helyzet", "mi újság" name no topic either
    r"par|nehany|mondat\w*|helyzet|ujsag|few|sentences|words|"
    # the cues of what one should know, of a comparison and of telling in order
    r"kell|erdemes|kellene|illik|tudni|tudunk|should|know|i|we|hasonlits\w*|osszehasonlit\w*|compare|mondd|mond|meseld|mesel|"
    r"sorban|sorjaban|sorrendben|el|le|fel|kozolt\w*|"
    # asked of the assistant: "Mit tudsz a fűtésről?", "Tudsz valamit…?", "Can you tell me anything
    # about…?", "Miről ír a cikk, amelyik…", "Vesd össze…"
    r"tudsz|valamit|anything|something|more|can|could|would|ir|amelyik|amely|amelyek|vesd|vessuk|osszevet\w*|"
    # how much of it, and how fast: "mindent", "everything", "a quick overview"
    r"mindent|mindenrol|everything|quick|quickly|one|ones|talalok|talalhatok|talalhato|talalni|find|teljes|cikkgyujtemeny\w*|hirgyujtemeny\w*|attekint\w*|topics|temak\w*|cover|covers|"
    r"mondj|mondjon|meselj|meseljen|mutasd|mutass|show|cim|cime|cimet|cimei|cimeit|cimek|cimeket|cimu|cimuk|title|titles|headlines?|sources?|lap|lapok|lapja|ujsag|ujsagok|ujsagban|ujsagokban|ujsagbol|"
    r"ujsagokbol|hirportal\w*|newspapers?|outlets?|eloszor|legeloszor|"
    # how much of it: "összességében" (ossze above), "általában", "overall", "as a whole"
    # what to take away, the stages told: "kivonat", "legfontosabb pontok", "takeaways", "állomásai"
    r"kivonat\w*|fontosabb|legfontosabb|pontok|pontjai|pontokat|tudnival\w*|takeaways?|highlights|"
    r"bullet|bullets|sequence|milestones|fejlemeny\w*|"
    r"altalaban|egeszeben|overall|generally|altogether|whole|broadly|vonalakban|nagyvonalakban|nagyjabol|"
    # the collection by other names ("az anyagban", "in the archive", "which piece"), and what an article does
    r"anyagban|anyagaidban|fajta|fajtaju|milyenfajta|jellegu|tipusu|archive|piece|mention|mentions|tudhatunk|megtudni|learn|things|go|goes|went|"
    # what a collection holds, and where it is filed: "hány írás van bent", "filed under",
    # "gazdasági témájú", "mit hozott a szeptember"
    r"bent|benne|filed|temaju|themed|hozott)\b"
)
