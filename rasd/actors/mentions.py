"""Actor mentions: lexicon matches merged into whole phrases, with coreference.

The matcher gives single pieces (a group's name, a force noun, a nationality
adjective, a role noun, an anaphor). This stage walks them in text order and
builds one :class:`ActorMention` per phrase:

- a group's name, with a lead noun before it ("مسلحي حركة الشباب");
- a state-force phrase: force nouns then a nationality adjective that agrees
  in definiteness ("القوات الأمريكية", "قوات أميركية", "جيش الاحتلال الإسرائيلي")
  or a default country/actor ("قوات الاحتلال", "طائرات التحالف"); a bare force
  noun ("الجيش") takes the last force of the same service named before it;
- a person role and who it speaks for ("وزير الدفاع العراقي");
- generic descriptions ("مسلحون مجهولون", "مدنيين", "متظاهرين");
- anaphors ("الحركة", "الفصائل") resolved to the last group with that head noun;
- a nationality adjective or country name alone (weak).
"""
from __future__ import annotations

from rasd.actors import phrases
from rasd.actors.data import ActorDictionary
from rasd.actors.model import ActorMention
from rasd.actors.walk import Walk
from rasd.doc import Document


def actor_mentions(doc: Document, actors: ActorDictionary) -> tuple[ActorMention, ...]:
    """Merged actor mentions of ``doc`` (its ``mentions`` must include the actor lexicon)."""
    walk = Walk(doc, actors)
    i = 0
    while i < len(walk.items):
        used, found = phrases.build(walk, i)
        if found is not None:
            walk.out.append(found)
        i += max(used, 1)
    return tuple(walk.out)
