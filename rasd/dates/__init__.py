"""Arabic date expressions: tables, grammar, resolution, and the event date.

The public API lives in :mod:`rasd.stages.dates` (the pipeline stage); this
package holds its parts: ``tables`` (data loading), ``grammar`` (one compiled
pattern), ``resolve`` (a match to a date) and ``event`` (the date of one event).
"""
