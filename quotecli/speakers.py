"""Cue + speaker patterns, roles, pronoun and surname resolution (stub, being written)."""
class Resolver:
    def __init__(self, doc):
        self.doc = doc

def attribute(doc, raw, resolver):
    return []

def summarise(quotes, claims):
    return []
