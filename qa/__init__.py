"""The answer engine: `from qa import Assistant`.

    assistant = Assistant.open()                      # default store and generator
    answer = assistant.ask("Kivel találkozott Lavrov Phenjanban?")
    print(answer.text, [c.quote for c in answer.citations])
"""

import index  # noqa: F401  (first: makes the process offline before models load)
from qa.assistant import Assistant
from qa.prompts import REFUSAL
from qa.retrieval import Filters
from qa.settings import Settings
from qa.types import Answer, Citation, Hit, Turn

__all__ = ["Answer", "Assistant", "Citation", "Filters", "Hit", "REFUSAL", "Settings", "Turn"]
