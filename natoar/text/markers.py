"""Word patterns that mark how a statement is made: hedged (may, perhaps, is expected) or attributed to a source
(said, stressed, a report says). Patterns are regular expressions over normalised text; a conjunction may stand
before each (see `proclitics`). The reporting verbs are also stop words for the vocabulary counts.
"""

from __future__ import annotations

import re

from natoar.text.letters import normalise
from natoar.text.proclitics import CONJUNCTION

# قد counts only before an imperfect verb (قد يكون "may be"); before a perfect verb (قد نجحت "has succeeded",
# قد تم "has been done") it affirms. A perfect verb that starts with ت is told apart only for تم, the commonest.
HEDGES = {
    "يرجح (is likely)": r"يرجح",
    "قد + imperfect (may)": r"قد\s+(?!تم(?!\w))[يت]\w+",
    "ربما (perhaps)": r"ربما",
    "من شأن (would tend to)": r"من\s+شان\w{0,3}",  # its pronoun suffix too: من شأنها, من شأنه
    "يمكن (can, could)": r"يمكن",
    "من المتوقع (is expected)": r"من\s+المتوقع",
    "يأمل (hopes)": r"يامل",
}
# Verbs that introduce a named speaker's words, normalised, grouped as the book reports them.
REPORTING_VERBS = {
    "said, added, continued": ("قال", "قالت", "اضاف", "اضافت", "تابع", "تابعت"),
    "stressed, highlighted": ("اكد", "اكدت", "ابرز", "نوهت"),
}
# A reporting verb that is also an adjective, and the words before which it is the adjective: من أبرز is "among the
# most prominent", not "highlighted".
NOT_REPORTING = {"ابرز": r"(?<!من\s)"}
ATTRIBUTIONS = {
    "a report says": r"(?:اشار|جاء\s+في)\s+(?:ال)?تقرير",
    # a source document as the sentence's subject: إعلان حلف … (the Alliance's announcement), إشارة التقرير (the
    # report's mention), بيان الحلف (the Alliance's statement)
    "an announcement or report shows": r"(?:اعلان|اشارة|بيان)\s+(?:ال)?(?:حلف|تقرير)",
    **{
        label: "(?:" + "|".join(NOT_REPORTING.get(verb, "") + verb for verb in verbs) + ")"
        for label, verbs in REPORTING_VERBS.items()
    },
}


def reporting_verbs() -> tuple[str, ...]:
    """Return every reporting verb, normalised."""
    return tuple(verb for verbs in REPORTING_VERBS.values() for verb in verbs)


def count(markers: dict[str, str], text: str) -> int:
    """Return how many times any of `markers` occurs in `text` as whole words, a conjunction allowed before it."""
    norm = normalise(text)
    return sum(len(re.findall(rf"(?<!\w){CONJUNCTION}{pattern}(?!\w)", norm)) for pattern in markers.values())
